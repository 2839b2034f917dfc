/**
 * Login through the local HelseID-like provider in a real browser (Debian's Chromium): Varde sends the browser to
 * the provider (PAR, PKCE, private_key_jwt, DPoP), the provider's login and consent forms are filled in, and Varde
 * starts a session held in an HttpOnly cookie. The measure owner of Norsk Helsenett then tries to read a hospital
 * trust's data by URL and by API: refused, and the attempt is in the audit trail, whose chain stays intact.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEvents } from '../../src/modules/audit/audit-repository.js';
import { verifyAuditTrail } from '../../src/modules/audit/index.js';
import { startOidcTestServer, type OidcTestApp } from '../oidc/oidc-test-app.js';
import { ensureWebBuild, launchBrowser } from './support.js';

let varde: OidcTestApp;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild();
  varde = await startOidcTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await varde?.close();
});

describe('OIDC login in the browser', () => {
  it('logs in a measure owner through the provider, refuses another organisation, and audits the attempt', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${varde.publicUrl}/api/v1/auth/login?returnTo=/`);
    // The provider's own login page, reached by PAR: only client_id and request_uri travel in the URL.
    expect(page.url().startsWith(varde.provider.issuer)).toBe(true);
    await page.locator('input[name="login"]').fill('nora');
    await page.locator('input[name="password"]').fill('test');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
    await page.waitForURL(`${varde.publicUrl}/`);

    const cookies = await context.cookies(varde.publicUrl);
    const sessionCookie = cookies.find((c) => c.name === 'varde_session');
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('varde_session');

    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session).toMatchObject({
      authenticated: true,
      authMethod: 'oidc',
      user: { displayName: 'Nora Lie' },
      organisation: { id: 'org-nhn' },
      roles: ['measure-owner'],
    });

    // By URL: the browser opens another organisation's record.
    const byUrl = await page.goto(`${varde.publicUrl}/api/v1/identity/organisations/org-fjordbyen-hf`);
    expect(byUrl?.status()).toBe(403);
    expect(await byUrl?.text()).not.toContain('Fjordbyen');
    // By API, from the page's script, with the session cookie.
    const byApi = await page.evaluate(async () => {
      const response = await fetch('/api/v1/identity/users');
      return { status: response.status, body: await response.text() };
    });
    expect(byApi.status).toBe(403);

    const denied = await findEvents(varde.testDb.db, { action: 'access.denied', actorUserId: 'user-nora' }, 10);
    expect(denied.map((e) => e.objectType)).toEqual(
      expect.arrayContaining(['/api/v1/identity/organisations/:id', '/api/v1/identity/users']),
    );
    expect(denied.find((e) => e.objectType === '/api/v1/identity/organisations/:id')).toMatchObject({
      objectId: 'org-fjordbyen-hf',
      organisationId: 'org-nhn',
      outcome: 'denied',
      ip: '127.0.0.1',
    });
    expect(await verifyAuditTrail(varde.testDb.db)).toMatchObject({ ok: true });

    // Logout ends the session on the server: the old cookie no longer works.
    const csrf = session.csrfToken as string;
    const out = await page.evaluate(
      async (token) =>
        (await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': token } })).json(),
      csrf,
    );
    expect(out.loggedOut).toBe(true);
    await context.addCookies([{ ...sessionCookie!, value: sessionCookie!.value }]);
    const after = await page.evaluate(async () => (await fetch('/api/v1/identity/organisations')).status);
    expect(after).toBe(401);
    await context.close();
  });
});
