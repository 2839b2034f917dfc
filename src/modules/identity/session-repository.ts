/** All SQL for server-side sessions and pending logins. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AuthMethod } from './types.js';

type Q = Kysely<Database>;

export interface StoredSession {
  readonly idHash: string;
  readonly userId: string;
  readonly organisationId: string | null;
  readonly csrfToken: string;
  readonly authMethod: AuthMethod;
  readonly securityLevel: number | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly tokenSet: Record<string, unknown> | null;
}

const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export async function insertSession(db: Q, s: StoredSession): Promise<void> {
  await db
    .insertInto('identity_session')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      organisation_id: s.organisationId,
      csrf_token: s.csrfToken,
      auth_method: s.authMethod,
      security_level: s.securityLevel,
      created_at: s.createdAt.toISOString(),
      last_seen_at: s.lastSeenAt.toISOString(),
      expires_at: s.expiresAt.toISOString(),
      token_set: s.tokenSet ? JSON.stringify(s.tokenSet) : null,
    })
    .execute();
}

export async function findSession(db: Q, idHash: string): Promise<StoredSession | null> {
  const row = await db.selectFrom('identity_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!row) return null;
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    organisationId: row.organisation_id,
    csrfToken: row.csrf_token,
    authMethod: row.auth_method as AuthMethod,
    securityLevel: row.security_level,
    createdAt: date(row.created_at),
    lastSeenAt: date(row.last_seen_at),
    expiresAt: date(row.expires_at),
    tokenSet: (row.token_set as Record<string, unknown> | null) ?? null,
  };
}

export async function touchSession(db: Q, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('identity_session')
    .set({ last_seen_at: now.toISOString() })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Q, idHash: string): Promise<void> {
  await db.deleteFrom('identity_session').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Q, userId: string): Promise<number> {
  const result = await db.deleteFrom('identity_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Q, now: Date, idleBefore: Date): Promise<void> {
  await db
    .deleteFrom('identity_session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now.toISOString() as never),
        eb('last_seen_at', '<', idleBefore.toISOString() as never),
      ]),
    )
    .execute();
}

export interface StoredLoginFlow {
  readonly idHash: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly dpopKey: { publicJwk: JsonWebKey; privateJwk: JsonWebKey } | null;
  readonly returnTo: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export async function insertLoginFlow(db: Q, flow: StoredLoginFlow): Promise<void> {
  await db
    .insertInto('identity_login_flow')
    .values({
      id_hash: flow.idHash,
      state: flow.state,
      nonce: flow.nonce,
      code_verifier: flow.codeVerifier,
      dpop_key: flow.dpopKey ? JSON.stringify(flow.dpopKey) : null,
      return_to: flow.returnTo,
      created_at: flow.createdAt.toISOString(),
      expires_at: flow.expiresAt.toISOString(),
    })
    .execute();
}

/** Reads and deletes in one step, so a login flow (and its code) can be used once only. */
export async function takeLoginFlow(db: Q, idHash: string): Promise<StoredLoginFlow | null> {
  const row = await db
    .deleteFrom('identity_login_flow')
    .where('id_hash', '=', idHash)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  return {
    idHash: row.id_hash,
    state: row.state,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    dpopKey: (row.dpop_key as StoredLoginFlow['dpopKey']) ?? null,
    returnTo: row.return_to,
    createdAt: date(row.created_at),
    expiresAt: date(row.expires_at),
  };
}

export async function deleteExpiredLoginFlows(db: Q, now: Date): Promise<void> {
  await db
    .deleteFrom('identity_login_flow')
    .where('expires_at', '<=', now.toISOString() as never)
    .execute();
}
