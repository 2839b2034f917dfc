/**
 * The identity pages in a real browser, in demo mode: the DEMO banner and persona chooser, one-click login, the
 * header's organisation switcher and logout, and the administrator's pages (organisations with a mod-11 refusal,
 * users and roles, the audit viewer with its chain check and CSV export), with axe-core finding no WCAG 2.1 A/AA
 * violation. Texts come from the translation files.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '../../web/src/i18n/i18n.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { syncShippedEditions } from '../../src/modules/catalogue/index.js';
import { seedIdentityDemo } from '../../src/modules/identity/index.js';
import type { FastifyInstance } from 'fastify';
import { checkAccessibility, describeViolations, ensureWebBuild, launchBrowser } from './support.js';

const nb = (key: MessageKey, vars?: Vars) => translate('nb', key, vars);
let app: FastifyInstance;
let db: Db;
let baseUrl: string;
let browser: Browser;
let dataDir: string;
const shots = process.env.VARDE_SCREENSHOTS;

async function accessible(page: Page, where: string) {
  const violations = await checkAccessibility(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
  if (shots) await page.screenshot({ path: path.join(shots, `${where.replace(/\W+/g, '-')}.png`), fullPage: true });
}

beforeAll(async () => {
  await ensureWebBuild();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-identity-'));
  const config = loadConfig(
    { PORT: '0', HOST: '127.0.0.1', VARDE_DATA_DIR: dataDir, VARDE_DEMO: 'true', LOG_LEVEL: 'warn' },
    dataDir,
  );
  db = await openDatabase({ kind: 'memory' });
  await migrateToLatest(db);
  await syncShippedEditions(db, new Date());
  await seedIdentityDemo(db, new Date());
  app = await buildApp({ config, db, logger: false, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  baseUrl = `http://127.0.0.1:${address.port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.destroy();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe('identity pages (Chromium, demo mode)', () => {
  it('demo login, organisation switch, administration and the audit viewer', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    if (process.env.VARDE_DEBUG) {
      page.on('console', (m) => console.log('console', m.type(), m.text()));
      page.on('response', (r) => console.log('response', r.status(), r.request().method(), r.url()));
    }

    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { level: 1, name: nb('identity.login.title') }).waitFor();
    await page
      .getByRole('note')
      .filter({ hasText: nb('identity.demo.banner') })
      .waitFor();
    await page.getByRole('heading', { name: nb('identity.demo.heading') }).waitFor();
    await accessible(page, 'login demo personas');

    // One click as the log reviewer, who holds roles in two hospital trusts.
    await page.getByRole('button', { name: nb('identity.demo.loginAs', { name: 'Kari Moen' }) }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByText('Kari Moen').waitFor();
    const switcher = page.getByRole('combobox', { name: nb('identity.switch.label') });
    expect(await switcher.inputValue()).toBe('org-fjordbyen-hf');
    // Switching reloads the page once the server has switched: wait for that load, not for the current page's.
    const reloaded = page.waitForEvent('load');
    await switcher.selectOption('org-innlandsdalen-hf');
    await reloaded;
    await page.getByRole('combobox', { name: nb('identity.switch.label') }).waitFor();
    expect(await page.getByRole('combobox', { name: nb('identity.switch.label') }).inputValue()).toBe(
      'org-innlandsdalen-hf',
    );

    // Log out, then in as the administrator.
    await page.getByRole('button', { name: nb('identity.logout') }).click();
    await page.getByRole('link', { name: nb('identity.login.link') }).waitFor();
    await page.goto(`${baseUrl}/login?returnTo=/admin`);
    await page.getByRole('button', { name: nb('identity.demo.loginAs', { name: 'Erik Drift' }) }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: nb('identity.admin.title') }).waitFor();
    await accessible(page, 'admin home');

    await page.getByRole('link', { name: nb('identity.admin.organisations') }).click();
    await page.getByRole('cell', { name: 'Norsk Helsenett SF' }).waitFor();
    await page.getByLabel(nb('identity.org.parent')).selectOption({ label: 'Fastlegekontor' });
    await page.getByLabel(nb('identity.org.name'), { exact: true }).fill('Nytt legekontor');
    await page.getByLabel(nb('identity.org.orgNumber')).fill('899000014');
    await page.getByRole('button', { name: nb('identity.org.addButton') }).click();
    await page.getByText('the check digit (the last digit) does not match').waitFor();
    await page.getByLabel(nb('identity.org.orgNumber')).fill('899 000 013');
    await page.getByRole('button', { name: nb('identity.org.addButton') }).click();
    await page.getByRole('cell', { name: 'Nytt legekontor' }).waitFor();
    await accessible(page, 'admin organisations');

    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole('rowheader', { name: /Nora Lie/ }).waitFor();
    await accessible(page, 'admin users');

    await page.goto(`${baseUrl}/admin/audit`);
    await page.getByRole('cell', { name: 'auth.switch-organisation' }).waitFor();
    await page.getByRole('button', { name: nb('identity.audit.verify') }).click();
    await page.getByText(/Kjeden er hel: \d+ hendelser kontrollert\./).waitFor();
    await page.getByLabel(nb('identity.audit.outcome'), { exact: true }).selectOption('success');
    await page.getByLabel(nb('identity.audit.action')).fill('auth.');
    await page.getByRole('button', { name: nb('identity.audit.apply') }).click();
    await page.getByRole('cell', { name: 'auth.login' }).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: nb('identity.audit.export') }).click(),
    ]);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('seq,at,actor_user_id');
    expect(csv).toContain('auth.login');
    expect(csv).not.toContain('access.denied');
    await accessible(page, 'admin audit');

    expect(problems).toEqual([]);
    await context.close();
  });
});
