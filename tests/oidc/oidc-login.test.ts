/**
 * Login through a real OpenID provider configured like HelseID (PAR required, PKCE, private_key_jwt, DPoP, HelseID
 * claims), driven over HTTP as a browser would; and the ways a login must fail: tampered state, replayed code,
 * wrong audience, expired token, bad nonce, bad signature, unregistered user, too low security level.
 */
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEvents } from '../../src/modules/audit/audit-repository.js';
import { createOidcTestApp, type OidcTestApp } from './oidc-test-app.js';
import { ProviderUserAgent } from './provider-user-agent.js';

let t: OidcTestApp;

beforeAll(async () => {
  t = await createOidcTestApp('http://127.0.0.1:4999');
});
afterAll(async () => {
  await t?.close();
});

const cookieOf = (setCookie: unknown, name: string) =>
  ([setCookie].flat() as string[])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1) ?? null;

/** Starts a login at Varde; returns the provider URL to go to and the login cookie Varde set. */
async function startLogin(returnTo = '/tiltak') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(response.statusCode).toBe(303);
  const location = new URL(String(response.headers.location));
  const loginCookie = cookieOf(response.headers['set-cookie'], 'varde_login');
  expect(loginCookie).not.toBeNull();
  return { location, loginCookie: loginCookie! };
}

async function callback(url: URL, loginCookie: string | null) {
  const response = await t.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: loginCookie ? { cookie: loginCookie } : {},
  });
  return {
    status: response.statusCode,
    location: String(response.headers.location ?? ''),
    session: cookieOf(response.headers['set-cookie'], 'varde_session'),
    body: response.body,
  };
}

async function loginAs(account: string) {
  const { location, loginCookie } = await startLogin();
  const callbackUrl = await new ProviderUserAgent().login(location.href, account, t.callbackUrl);
  return { callbackUrl, loginCookie, result: await callback(callbackUrl, loginCookie) };
}

async function lastLoginFailure() {
  const [event] = await findEvents(t.testDb.db, { action: 'auth.login', outcome: 'failure' }, 1);
  return event;
}

describe('OIDC login against a HelseID-like provider', () => {
  it('sends the browser to the provider with only a PAR request_uri (no parameters in the URL)', async () => {
    const { location } = await startLogin();
    expect(location.origin).toBe(t.provider.issuer);
    expect([...location.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(location.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
  });

  it('logs in a measure owner found by national id, for the organisation the provider names', async () => {
    const { result } = await loginAs('nora');
    expect(result.status).toBe(303);
    expect(result.location).toBe('/tiltak');
    expect(result.session).not.toBeNull();
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: result.session! },
    });
    expect(session.json()).toMatchObject({
      authenticated: true,
      authMethod: 'oidc',
      user: { id: 'user-nora' },
      organisation: { id: 'org-nhn' },
      roles: ['measure-owner'],
    });
    expect(session.body).not.toMatch(/access_token|id_token|eyJ/);
    const stored = await t.testDb.db
      .selectFrom('identity_session')
      .select(['token_set', 'security_level'])
      .where('user_id', '=', 'user-nora')
      .executeTakeFirstOrThrow();
    expect(stored.security_level).toBe(4);
    // DPoP-bound: the provider issued a DPoP token, kept on the server.
    expect(stored.token_set).toMatchObject({
      token_type: expect.stringMatching(/^dpop$/i),
      access_token: expect.any(String),
      id_token: expect.any(String),
    });
    const user = await t.testDb.db
      .selectFrom('identity_user')
      .select('oidc_subject')
      .where('id', '=', 'user-nora')
      .executeTakeFirstOrThrow();
    expect(user.oidc_subject).toBe('nora');
    expect(
      (await findEvents(t.testDb.db, { action: 'auth.login', outcome: 'success', actorUserId: 'user-nora' }, 1))[0],
    ).toMatchObject({ detail: { method: 'oidc', securityLevel: 4 } });
  });

  it('finds a user registered by HPR number only', async () => {
    const { result } = await loginAs('ingrid');
    expect(result.session).not.toBeNull();
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: result.session! },
    });
    expect(session.json()).toMatchObject({ user: { id: 'user-ingrid' }, organisation: { id: 'org-fjordbyen-hf' } });
  });

  it('logs out at Varde and offers the provider logout', async () => {
    const { result } = await loginAs('nora');
    const session = (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: result.session! } })
    ).json();
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: result.session!, 'x-csrf-token': session.csrfToken },
    });
    expect(out.json().endSessionUrl).toMatch(new RegExp(`^${t.provider.issuer}/session/end\\?.*id_token_hint=`));
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/identity/organisations',
          headers: { cookie: result.session! },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses a tampered state', async () => {
    const { location, loginCookie } = await startLogin();
    const url = await new ProviderUserAgent().login(location.href, 'nora', t.callbackUrl);
    url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const result = await callback(url, loginCookie);
    expect(result.location).toBe('/login?error=LOGIN_FAILED');
    expect(result.session).toBeNull();
    expect((await lastLoginFailure())?.detail.reason).toMatch(/state/i);
  });

  it('refuses a callback without the login cookie (another browser)', async () => {
    const { location } = await startLogin();
    const url = await new ProviderUserAgent().login(location.href, 'nora', t.callbackUrl);
    const result = await callback(url, null);
    expect(result).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
  });

  it('refuses a replayed callback, and a replayed code in a new login', async () => {
    const first = await loginAs('nora');
    expect(first.result.session).not.toBeNull();
    const again = await callback(first.callbackUrl, first.loginCookie);
    expect(again).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
    expect((await lastLoginFailure())?.detail.reason).toMatch(/expired or was already used/);
    // The same code, presented with the state of a fresh login: the provider refuses to redeem it twice.
    const fresh = await startLogin();
    const replay = new URL(first.callbackUrl);
    const freshState = (
      await t.testDb.db
        .selectFrom('identity_login_flow')
        .select('state')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).state;
    replay.searchParams.set('state', freshState);
    const refused = await callback(replay, fresh.loginCookie);
    expect(refused).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
    expect((await lastLoginFailure())?.detail.reason).toMatch(/invalid_grant/);
  });

  it('refuses an ID token for another audience', async () => {
    t.tamperIdToken((claims) => ({ claims: { ...claims, aud: 'another-client' } }));
    try {
      const { result } = await loginAs('nora');
      expect(result).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
      expect((await lastLoginFailure())?.detail.reason).toMatch(/claim aud/);
    } finally {
      t.tamperIdToken(null);
    }
  });

  it('refuses an expired ID token', async () => {
    t.tamperIdToken((claims) => ({
      claims: { ...claims, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 },
    }));
    try {
      const { result } = await loginAs('nora');
      expect(result).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
      expect((await lastLoginFailure())?.detail.reason).toMatch(/claim exp/);
    } finally {
      t.tamperIdToken(null);
    }
  });

  it('refuses an ID token with another nonce', async () => {
    t.tamperIdToken((claims) => ({ claims: { ...claims, nonce: 'not-the-nonce-we-sent' } }));
    try {
      const { result } = await loginAs('nora');
      expect(result).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
      expect((await lastLoginFailure())?.detail.reason).toMatch(/claim nonce/);
    } finally {
      t.tamperIdToken(null);
    }
  });

  it('refuses an ID token signed with a key that is not the provider’s', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const forged = { ...(await exportJWK(privateKey)), kid: 'provider-signing-1', alg: 'RS256' };
    t.tamperIdToken((claims) => ({ claims, key: forged }));
    try {
      const { result } = await loginAs('nora');
      expect(result).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
      expect((await lastLoginFailure())?.detail.reason).toMatch(/signature/i);
    } finally {
      t.tamperIdToken(null);
    }
  });

  it('refuses an ID token from another issuer', async () => {
    t.tamperIdToken((claims) => ({ claims: { ...claims, iss: 'https://helseid-sts.example' } }));
    try {
      const { result } = await loginAs('nora');
      expect(result).toMatchObject({ location: '/login?error=LOGIN_FAILED', session: null });
      expect((await lastLoginFailure())?.detail.reason).toMatch(/claim iss/);
    } finally {
      t.tamperIdToken(null);
    }
  });

  it('refuses a person who is not registered, and records it', async () => {
    const { result } = await loginAs('stranger');
    expect(result).toMatchObject({ location: '/login?error=LOGIN_NOT_REGISTERED', session: null });
    expect(await lastLoginFailure()).toMatchObject({
      actorUserId: null,
      detail: { code: 'LOGIN_NOT_REGISTERED', method: 'oidc' },
    });
  });

  it('refuses a login below the required security level', async () => {
    const { result } = await loginAs('weak');
    expect(result).toMatchObject({ location: '/login?error=LOGIN_SECURITY_LEVEL_TOO_LOW', session: null });
  });

  it('returns only to paths on this site', async () => {
    const { location, loginCookie } = await startLogin('https://evil.example/phish');
    const url = await new ProviderUserAgent().login(location.href, 'nora', t.callbackUrl);
    expect((await callback(url, loginCookie)).location).toBe('/');
  });
});
