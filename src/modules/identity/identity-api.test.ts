/**
 * Sessions, CSRF, demo login, switching organisation, timeouts and administration through the HTTP API, on a real
 * database (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import { findEvents } from '../audit/audit-repository.js';
import { verifyAuditTrail } from '../audit/index.js';
import { seedIdentityDemo } from './demo-seed.js';

let t: TestApp;
const origin = 'http://localhost:0';

beforeAll(async () => {
  t = await createTestApp({ VARDE_DEMO: 'true', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
  await seedIdentityDemo(t.testDb.db, new Date());
});
afterAll(async () => {
  await t?.close();
});

interface Session {
  cookie: string;
  csrf: string;
  body: Record<string, any>;
}

async function demoLogin(persona: string): Promise<Session> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/demo-login',
    payload: { persona },
    headers: { origin },
  });
  expect(response.statusCode).toBe(200);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  const body = response.json();
  return { cookie, csrf: body.csrfToken, body };
}

function as(
  s: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  extra: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    payload: payload as never,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin, ...extra },
  });
}

describe(`identity API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('tells an anonymous browser it is not logged in, and refuses non-public routes with 401', async () => {
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(session.json()).toEqual({ authenticated: false, mode: { demo: true, oidc: false } });
    for (const url of ['/api/v1/identity/organisations', '/api/v1/identity/users', '/api/v1/audit/events']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/catalogue/measures' })).statusCode).toBe(200);
  });

  it('logs in a demo persona with an HttpOnly, SameSite session cookie and a fresh id each time', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/demo-login',
      payload: { persona: 'enterprise-lead-hospital' },
    });
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/^varde_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = first.json();
    expect(body).toMatchObject({
      authenticated: true,
      authMethod: 'demo',
      user: { displayName: 'Ingrid Berg' },
      organisation: { id: 'org-fjordbyen-hf' },
      roles: ['enterprise-lead'],
    });
    const second = await demoLogin('enterprise-lead-hospital');
    expect(second.cookie).not.toBe(cookie.split(';')[0]);
    const stored = await t.testDb.db.selectFrom('identity_session').select('id_hash').execute();
    expect(stored.every((s) => !cookie.includes(s.id_hash))).toBe(true);
  });

  it('ends the session that was in the browser when someone logs in (no fixation)', async () => {
    const before = await demoLogin('sector-analyst');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/demo-login',
      payload: { persona: 'sector-analyst' },
      headers: { cookie: before.cookie, 'x-csrf-token': before.csrf, origin },
    });
    expect(response.statusCode).toBe(200);
    expect((await as(before, 'GET', '/api/v1/identity/organisations')).statusCode).toBe(401);
  });

  it('refuses unsafe requests without the CSRF token or from another origin', async () => {
    const s = await demoLogin('log-reviewer');
    const url = '/api/v1/auth/session/organisation';
    const payload = { organisationId: 'org-innlandsdalen-hf' };
    const noToken = await t.app.inject({ method: 'POST', url, payload, headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_FAILED');
    const wrongToken = await as(s, 'POST', url, payload, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrongToken.json().error.code).toBe('CSRF_FAILED');
    const otherSite = await as(s, 'POST', url, payload, { origin: 'https://evil.example' });
    expect(otherSite.json().error.code).toBe('CSRF_FAILED');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/demo-login',
      payload: { persona: 'administrator' },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.json().error.code).toBe('CSRF_FAILED');
  });

  it('switches organisation without a new login, with a new session id, only where the user holds a role', async () => {
    const s = await demoLogin('log-reviewer');
    expect(s.body.organisations.map((o: { id: string }) => o.id).sort()).toEqual([
      'org-fjordbyen-hf',
      'org-innlandsdalen-hf',
    ]);
    const switched = await as(s, 'POST', '/api/v1/auth/session/organisation', {
      organisationId: 'org-innlandsdalen-hf',
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ organisation: { id: 'org-innlandsdalen-hf' }, roles: ['log-reviewer'] });
    const next: Session = {
      cookie: String(switched.headers['set-cookie']).split(';')[0]!,
      csrf: switched.json().csrfToken,
      body: switched.json(),
    };
    expect(next.cookie).not.toBe(s.cookie);
    // A request sent with the old id just before the switch, answered after it, opens nothing — and does not clear
    // the cookie, which by then is the browser's new session.
    const stale = await as(s, 'GET', '/api/v1/auth/session');
    expect(stale.json().authenticated).toBe(false);
    expect(stale.headers['set-cookie']).toBeUndefined();
    const staleApi = await as(s, 'GET', '/api/v1/identity/organisations');
    expect(staleApi.statusCode).toBe(401);
    expect(staleApi.headers['set-cookie']).toBeUndefined();
    expect((await as(next, 'GET', '/api/v1/auth/session')).json()).toMatchObject({
      authenticated: true,
      organisation: { id: 'org-innlandsdalen-hf' },
    });
    const refused = await as(next, 'POST', '/api/v1/auth/session/organisation', { organisationId: 'org-nhn' });
    expect(refused.statusCode).toBe(403);
    const events = await findEvents(
      t.testDb.db,
      { action: 'access.denied', actorUserId: 'demo-user-log-reviewer' },
      10,
    );
    expect(events[0]).toMatchObject({
      outcome: 'denied',
      objectType: '/api/v1/auth/session/organisation',
      detail: { code: 'FORBIDDEN' },
    });
    expect((await findEvents(t.testDb.db, { action: 'auth.switch-organisation' }, 10))[0]).toMatchObject({
      objectId: 'org-innlandsdalen-hf',
      detail: { from: 'org-fjordbyen-hf' },
    });
  });

  it('logs out by ending the session on the server', async () => {
    const s = await demoLogin('ministry-reader');
    const out = await as(s, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/varde_session=;.*Expires=Thu, 01 Jan 1970/);
    const replay = await as(s, 'GET', '/api/v1/identity/organisations');
    expect(replay.statusCode).toBe(401);
    expect((await findEvents(t.testDb.db, { action: 'auth.logout' }, 1))[0]).toMatchObject({
      actorUserId: 'demo-user-ministry-reader',
    });
  });

  it('ends idle sessions and sessions past the absolute limit', async () => {
    const idle = await demoLogin('measure-owner-nhn');
    const old = new Date(Date.now() - 31 * 60_000).toISOString();
    await sql`update identity_session set last_seen_at = ${old}`.execute(t.testDb.db);
    const idleRefused = await as(idle, 'GET', '/api/v1/identity/organisations');
    expect(idleRefused.statusCode).toBe(401);
    expect(String(idleRefused.headers['set-cookie'])).toMatch(/varde_session=;.*Expires=Thu, 01 Jan 1970/);
    const absolute = await demoLogin('measure-owner-nhn');
    await sql`update identity_session set expires_at = ${new Date(Date.now() - 1000).toISOString()}`.execute(
      t.testDb.db,
    );
    expect((await as(absolute, 'GET', '/api/v1/identity/organisations')).statusCode).toBe(401);
    const ends = await findEvents(t.testDb.db, { action: 'auth.session-end' }, 2);
    expect(ends.map((e) => e.detail.reason).sort()).toEqual(['absolute', 'idle']);
  });

  it('gives a measure owner the actors of its organisation and its units', async () => {
    const s = await demoLogin('measure-owner-nhn');
    expect(s.body.actorIds.sort()).toEqual(['helsecert', 'nhn']);
  });

  it('shows the organisation register whole to sector-wide roles and only the own branch to others', async () => {
    const analyst = await demoLogin('sector-analyst');
    const all = (await as(analyst, 'GET', '/api/v1/identity/organisations?level=enterprise')).json();
    expect(all.count).toBeGreaterThan(10);
    const gp = await demoLogin('enterprise-lead-gp');
    const own = (await as(gp, 'GET', '/api/v1/identity/organisations')).json();
    expect(own.organisations.map((o: { id: string }) => o.id).sort()).toEqual([
      'org-bakkegata-legesenter',
      'org-sector',
      'type-gp',
    ]);
    expect((await as(gp, 'GET', '/api/v1/identity/organisations/org-fjordbyen-hf')).statusCode).toBe(403);
    const mine = (await as(gp, 'GET', '/api/v1/identity/organisations/org-bakkegata-legesenter')).json();
    expect(mine.path.map((o: { id: string }) => o.id)).toEqual(['org-sector', 'type-gp']);
  });

  it('lets an administrator add organisations, refusing a bad organisation number with the field named', async () => {
    const admin = await demoLogin('administrator');
    const bad = await as(admin, 'POST', '/api/v1/identity/organisations', {
      level: 'enterprise',
      parentId: 'type-gp',
      name: 'Nytt legekontor',
      orgNumber: '899020104',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'ORGANISATION_INVALID', details: [{ field: 'orgNumber' }] });
    const good = await as(admin, 'POST', '/api/v1/identity/organisations', {
      level: 'enterprise',
      parentId: 'type-gp',
      name: 'Nytt legekontor',
      orgNumber: '899 000 01 3',
      sizeClass: 'micro',
      region: 'midt',
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ organisationType: 'gp-office', orgNumber: '899000013' });
    const taken = await as(admin, 'POST', '/api/v1/identity/organisations', {
      level: 'enterprise',
      parentId: 'type-gp',
      name: 'Kopi',
      orgNumber: '899000013',
    });
    expect(taken.json().error.code).toBe('ORGANISATION_NUMBER_TAKEN');
    const cycle = await as(admin, 'PATCH', '/api/v1/identity/organisations/org-sector', {
      parentId: 'org-fjordbyen-akutt',
    });
    expect(cycle.statusCode).toBe(400);
    const lead = await demoLogin('enterprise-lead-hospital');
    expect(
      (await as(lead, 'POST', '/api/v1/identity/organisations', { level: 'sector', parentId: null, name: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets an administrator register users and grant and revoke roles, all audited', async () => {
    const admin = await demoLogin('administrator');
    const created = await as(admin, 'POST', '/api/v1/identity/users', {
      displayName: 'Jonas Vik',
      email: 'jonas@example.org',
      hprNumber: '1234567',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const granted = await as(admin, 'POST', `/api/v1/identity/users/${id}/roles`, {
      organisationId: 'org-fjordbyen-hf',
      role: 'enterprise-member',
    });
    expect(granted.json().roles).toMatchObject([
      { organisationId: 'org-fjordbyen-hf', role: 'enterprise-member', organisationName: 'Fjordbyen sykehus HF' },
    ]);
    const badPid = await as(admin, 'PATCH', `/api/v1/identity/users/${id}`, { pid: '12345678901' });
    expect(badPid.json().error).toMatchObject({ code: 'USER_INVALID', details: [{ field: 'pid' }] });
    const lead = await demoLogin('enterprise-lead-hospital');
    const seen = (await as(lead, 'GET', '/api/v1/identity/users')).json();
    expect(seen.users.map((u: { displayName: string }) => u.displayName)).toContain('Jonas Vik');
    expect(seen.users.map((u: { displayName: string }) => u.displayName)).not.toContain('Ola Nilsen');
    const gpLead = await demoLogin('enterprise-lead-gp');
    expect((await as(gpLead, 'GET', `/api/v1/identity/users/${id}`)).statusCode).toBe(403);
    const revoked = await as(admin, 'DELETE', `/api/v1/identity/users/${id}/roles/org-fjordbyen-hf/enterprise-member`);
    expect(revoked.json().roles).toEqual([]);
    const actions = (await findEvents(t.testDb.db, { objectType: 'user', objectId: id }, 20)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'role.grant', 'role.revoke']));
  });

  it('ends the sessions of a deactivated user at once', async () => {
    const admin = await demoLogin('administrator');
    const victim = await demoLogin('enterprise-lead-gp');
    const off = await as(admin, 'PATCH', '/api/v1/identity/users/demo-user-enterprise-lead-gp', { active: false });
    expect(off.json().active).toBe(false);
    expect((await as(victim, 'GET', '/api/v1/identity/organisations')).statusCode).toBe(401);
    await as(admin, 'PATCH', '/api/v1/identity/users/demo-user-enterprise-lead-gp', { active: true });
  });

  it('lets administrators read, export and verify the audit trail, and records that they did', async () => {
    const admin = await demoLogin('administrator');
    const list = (await as(admin, 'GET', '/api/v1/audit/events?action=auth.&limit=5')).json();
    expect(list.count).toBe(5);
    expect(list.events.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    const csv = await as(admin, 'GET', '/api/v1/audit/events.csv?outcome=denied');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFseq,at,actor_user_id,actor_name,organisation_id,action,object_type,object_id,outcome,ip,user_agent,detail,prev_hash,hash',
    );
    expect(csv.body).toContain('access.denied');
    const verify = (await as(admin, 'GET', '/api/v1/audit/verify')).json();
    expect(verify).toMatchObject({ ok: true, broken: null });
    expect((await findEvents(t.testDb.db, { action: 'audit.' }, 10)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['audit.read', 'audit.export', 'audit.verify']),
    );
    const reader = await demoLogin('log-reviewer');
    expect((await as(reader, 'GET', '/api/v1/audit/events')).statusCode).toBe(403);
    expect(await verifyAuditTrail(t.testDb.db)).toMatchObject({ ok: true });
  });

  it('refuses an unknown demo persona', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/demo-login',
      payload: { persona: 'nobody' },
    });
    expect(response.json().error.code).toBe('DEMO_PERSONA_NOT_FOUND');
  });
});

describe('outside demo mode', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp({ PUBLIC_URL: 'https://varde.example', RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    await seedIdentityDemo(plain.testDb.db, new Date());
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('has no demo login at all', async () => {
    expect(
      (
        await plain.app.inject({
          method: 'POST',
          url: '/api/v1/auth/demo-login',
          payload: { persona: 'administrator' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/demo-personas' })).statusCode).toBe(404);
    expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/session' })).json().mode).toEqual({
      demo: false,
      oidc: false,
    });
  });

  it('says login is unavailable when no identity provider is configured', async () => {
    const response = await plain.app.inject({ method: 'GET', url: '/api/v1/auth/login' });
    expect(response.json().error.code).toBe('LOGIN_UNAVAILABLE');
  });

  it('limits login attempts per client address', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await plain.app.inject({ method: 'GET', url: '/api/v1/auth/callback?code=x&state=y' })).statusCode === 429
          ? 'limited'
          : 'answered',
      );
    expect(codes).toEqual(['answered', 'answered', 'answered', 'limited']);
  });

  it('refuses a request body over 1 MB without reading it, and a session-less write with 401', async () => {
    const big = await plain.app.inject({
      method: 'POST',
      url: '/api/v1/identity/users',
      payload: { displayName: 'x'.repeat(1_100_000) },
      headers: { origin: 'https://varde.example' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.body).not.toMatch(/at .*\.ts:\d+/);
    const empty = await plain.app.inject({
      method: 'POST',
      url: '/api/v1/identity/users',
      payload: { nonsense: true },
      headers: { origin: 'https://varde.example' },
    });
    expect(empty.statusCode).toBe(401);
  });

  it('sends HSTS and a strict CSP over HTTPS, and uses __Host- cookies', async () => {
    const response = await plain.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const { cookieNames } = await import('./identity-http.js');
    expect(cookieNames('https://varde.example')).toMatchObject({ session: '__Host-varde_session', secure: true });
  });
});
