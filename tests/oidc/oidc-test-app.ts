/**
 * Varde wired to the local HelseID-like provider: a fresh test database with the demo organisation tree, users
 * registered the way an administrator would (by national id or HPR number), and the app configured by the same
 * environment variables as production (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_PRIVATE_JWK, PUBLIC_URL).
 * `tamperIdToken` lets a test replace the ID token in the provider's token response with a manipulated one,
 * signed with the provider's own key unless a test asks for another.
 */
import { decodeJwt, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { FastifyInstance } from 'fastify';
import type * as client from 'openid-client';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { completePersonId, seedIdentityDemo } from '../../src/modules/identity/index.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { startTestProvider, type TestAccount, type TestProvider } from './test-provider.js';

/** The first valid synthetic national id with the given birth date (ddmmyy). */
export function syntheticPid(birth: string, from = 500): string {
  for (let i = from; i < 1000; i++) {
    const pid = completePersonId(`${birth}${i}`);
    if (pid) return pid;
  }
  throw new Error('no valid national id');
}

export const people = {
  nora: {
    name: 'Nora Lie',
    pid: syntheticPid('150385'),
    hprNumber: '9144889',
    securityLevel: '4',
    orgnrParent: '994598759',
  },
  ingrid: { name: 'Ingrid Berg', pid: syntheticPid('020279'), hprNumber: '565501872', securityLevel: '4' },
  stranger: { name: 'Ukjent Person', pid: syntheticPid('111199'), securityLevel: '4' },
  weak: { name: 'Svak Innlogging', pid: syntheticPid('030303'), securityLevel: '2' },
} satisfies Record<string, TestAccount>;

export type IdTokenTamper = (claims: JWTPayload) => { claims: JWTPayload; key?: JWK };

export interface OidcTestApp {
  readonly app: FastifyInstance;
  readonly testDb: TestDb;
  readonly provider: TestProvider;
  readonly publicUrl: string;
  readonly callbackUrl: string;
  tamperIdToken(tamper: IdTokenTamper | null): void;
  close(): Promise<void>;
}

export async function createOidcTestApp(
  publicUrl: string,
  env: Record<string, string> = {},
  options: { serveWeb?: boolean } = {},
): Promise<OidcTestApp> {
  const callbackUrl = `${publicUrl}/api/v1/auth/callback`;
  const provider = await startTestProvider({
    redirectUri: callbackUrl,
    postLogoutRedirectUri: `${publicUrl}/`,
    accounts: people,
  });
  const testDb = await createTestDb();
  const db = testDb.db;
  await seedIdentityDemo(db, new Date());
  const now = new Date().toISOString();
  const users = [
    {
      id: 'user-nora',
      display_name: 'Nora Lie',
      pid: people.nora.pid,
      hpr_number: null,
      org: 'org-nhn',
      role: 'measure-owner',
    },
    // Registered by HPR number only: the login must find her by helseid://claims/hpr/hpr_number.
    {
      id: 'user-ingrid',
      display_name: 'Ingrid Berg',
      pid: null,
      hpr_number: people.ingrid.hprNumber,
      org: 'org-fjordbyen-hf',
      role: 'enterprise-lead',
    },
    {
      id: 'user-weak',
      display_name: 'Svak Innlogging',
      pid: people.weak.pid,
      hpr_number: null,
      org: 'org-fjordbyen-hf',
      role: 'enterprise-member',
    },
  ];
  for (const u of users) {
    await db
      .insertInto('identity_user')
      .values({
        id: u.id,
        display_name: u.display_name,
        email: null,
        pid: u.pid,
        hpr_number: u.hpr_number,
        oidc_subject: null,
        active: true,
        demo_persona: null,
        created_at: now,
        updated_at: now,
        last_login_at: null,
      })
      .execute();
    await db
      .insertInto('identity_role_assignment')
      .values({ user_id: u.id, organisation_id: u.org, role: u.role, granted_at: now, granted_by: null })
      .execute();
  }

  let tamper: IdTokenTamper | null = null;
  const tamperingFetch: client.CustomFetch = async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (!tamper || !url.endsWith('/token') || !response.ok) return response;
    const body = (await response.json()) as Record<string, unknown>;
    const original = decodeJwt(String(body.id_token));
    const changed = tamper(original);
    const jwk = changed.key ?? provider.signingJwk;
    body.id_token = await new SignJWT(changed.claims)
      .setProtectedHeader({ alg: String(jwk.alg), kid: jwk.kid, typ: 'JWT' })
      .sign(await importJWK(jwk, String(jwk.alg)));
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };

  const config = loadConfig({
    PORT: '0',
    PUBLIC_URL: publicUrl,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_PRIVATE_JWK: JSON.stringify(provider.clientPrivateJwk),
    OIDC_SCOPE:
      'openid profile helseid://scopes/identity/pid helseid://scopes/identity/security_level helseid://scopes/hpr/hpr_number',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    ...env,
  });
  const app = await buildApp({
    config,
    db,
    logger: false,
    serveWeb: options.serveWeb ?? false,
    identity: { oidcOptions: { fetch: tamperingFetch } },
  });
  await app.ready();
  return {
    app,
    testDb,
    provider,
    publicUrl,
    callbackUrl,
    tamperIdToken(next) {
      tamper = next;
    },
    async close() {
      await app.close();
      await testDb.close();
      await provider.close();
    },
  };
}

/** A free TCP port on 127.0.0.1 (the app's public URL must be known before it is built). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Varde with the web UI, listening on 127.0.0.1, wired to the local provider: for the browser journey. */
export async function startOidcTestServer(): Promise<OidcTestApp> {
  const port = await freePort();
  const running = await createOidcTestApp(`http://127.0.0.1:${port}`, { HOST: '127.0.0.1' }, { serveWeb: true });
  await running.app.listen({ port, host: '127.0.0.1' });
  return running;
}
