/**
 * Server-side sessions: started at login with a fresh random id (only its hash is stored), resolved to a principal
 * on every request, ended by logout, idle timeout or absolute timeout, and rotated when the user switches
 * organisation. The browser holds only the session id, in an HttpOnly cookie.
 */
import { randomBytes } from 'node:crypto';
import type { SessionConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal, Role } from '../../platform/http/access.js';
import { findDescendantIds, findOrganisations } from './organisation-repository.js';
import { absoluteExpiry, sessionEndReason, shouldTouch, tokenFromBytes, tokenHash } from './session-policy.js';
import { deleteSession, findSession, insertSession, touchSession, type StoredSession } from './session-repository.js';
import type { AuthMethod, User } from './types.js';
import { findAssignments, findUserById } from './user-repository.js';

export interface StartedSession {
  /** The cookie value; never stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface StartSessionInput {
  readonly userId: string;
  readonly organisationId: string | null;
  readonly authMethod: AuthMethod;
  readonly securityLevel: number | null;
  readonly tokenSet: Record<string, unknown> | null;
  readonly now: Date;
  /** A session the browser already had: ended, so no id survives a login (session fixation). */
  readonly previousToken?: string | null;
}

export async function startSession(db: Db, config: SessionConfig, input: StartSessionInput): Promise<StartedSession> {
  if (input.previousToken) await deleteSession(db, tokenHash(input.previousToken));
  const token = tokenFromBytes(randomBytes(32));
  const csrfToken = tokenFromBytes(randomBytes(32));
  const expiresAt = absoluteExpiry(input.now, config);
  await insertSession(db, {
    idHash: tokenHash(token),
    userId: input.userId,
    organisationId: input.organisationId,
    csrfToken,
    authMethod: input.authMethod,
    securityLevel: input.securityLevel,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    tokenSet: input.tokenSet,
  });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  readonly session: StoredSession;
  readonly user: User;
  readonly principal: Principal;
}

/** Builds what the session may do now: the roles held in the active organisation and its scope below. */
async function principalFor(db: Db, session: StoredSession, user: User): Promise<Principal> {
  const organisationId = session.organisationId;
  const assignments = organisationId
    ? await findAssignments(db, { userIds: [user.id], organisationIds: [organisationId] })
    : [];
  const roles = [...new Set(assignments.map((a) => a.role))] as Role[];
  const scope = organisationId ? await findDescendantIds(db, organisationId) : [];
  const actorIds = (await findOrganisations(db, { ids: scope }))
    .map((o) => o.actorId)
    .filter((id): id is string => id !== null);
  return {
    userId: user.id,
    displayName: user.displayName,
    sessionId: session.idHash.slice(0, 16),
    organisationId,
    roles,
    actorIds: [...new Set(actorIds)],
    organisationScope: scope,
    authMethod: session.authMethod,
  };
}

export type SessionLookup =
  | { status: 'active'; resolved: ResolvedSession }
  | { status: 'ended'; reason: 'idle' | 'absolute' | 'user-inactive' }
  | { status: 'none' };

export async function resolveSession(db: Db, config: SessionConfig, token: string, now: Date): Promise<SessionLookup> {
  const session = await findSession(db, tokenHash(token));
  if (!session) return { status: 'none' };
  const reason = sessionEndReason(session, now, config);
  if (reason) {
    await deleteSession(db, session.idHash);
    return { status: 'ended', reason };
  }
  const user = await findUserById(db, session.userId);
  if (!user || !user.active) {
    await deleteSession(db, session.idHash);
    return { status: 'ended', reason: 'user-inactive' };
  }
  if (shouldTouch(session.lastSeenAt, now)) await touchSession(db, session.idHash, now);
  return {
    status: 'active',
    resolved: {
      session: { ...session, lastSeenAt: shouldTouch(session.lastSeenAt, now) ? now : session.lastSeenAt },
      user,
      principal: await principalFor(db, session, user),
    },
  };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, tokenHash(token));
}

/**
 * Makes another organisation (where the user holds a role) the active one, without a new login. The session gets a
 * new id and CSRF token; the absolute timeout still counts from the login.
 */
export async function switchOrganisation(
  db: Db,
  current: StoredSession,
  organisationId: string,
  now: Date,
): Promise<StartedSession> {
  const held = await findAssignments(db, { userIds: [current.userId], organisationIds: [organisationId] });
  if (held.length === 0) throw new AppError('FORBIDDEN', 'You hold no role in that organisation');
  const token = tokenFromBytes(randomBytes(32));
  const csrfToken = tokenFromBytes(randomBytes(32));
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, current.idHash);
    await insertSession(trx, { ...current, idHash: tokenHash(token), organisationId, csrfToken, lastSeenAt: now });
  });
  return { token, csrfToken, expiresAt: current.expiresAt };
}
