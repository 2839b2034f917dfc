/**
 * From a verified identity to a session: find the registered user (by the provider's subject, else national id,
 * else HPR number), pick the organisation to act for (the one the provider named, if the user holds a role there),
 * start a fresh session and record the login in the audit trail. Refusals are recorded too.
 */
import type { SessionConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { writeAuditEvent } from '../audit/index.js';
import type { HelseIdIdentity } from './helseid-claims.js';
import { findOrganisationByOrgNumber } from './organisation-repository.js';
import { startSession, type StartedSession } from './session-service.js';
import type { AuthMethod, User } from './types.js';
import { findAssignments, findUserBy, recordLogin, updateUser } from './user-repository.js';

export interface RequestOrigin {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export async function recordLoginRefused(
  db: Db,
  input: { now: Date; origin: RequestOrigin; method: AuthMethod; reason: string; userId?: string | null; code: string },
): Promise<void> {
  await writeAuditEvent(db, {
    at: input.now,
    actorUserId: input.userId ?? null,
    action: 'auth.login',
    outcome: 'failure',
    ip: input.origin.ip,
    userAgent: input.origin.userAgent,
    detail: { method: input.method, code: input.code, reason: input.reason },
  });
}

/** The registered, active user for an identity from the provider; binds the provider's subject at first login. */
export async function findUserForIdentity(db: Db, identity: HelseIdIdentity, now: Date): Promise<User> {
  const bySubject = await findUserBy(db, 'oidc_subject', identity.subject);
  let user = bySubject;
  if (!user && identity.pid) user = await findUserBy(db, 'pid', identity.pid);
  if (!user && identity.hprNumber) user = await findUserBy(db, 'hpr_number', identity.hprNumber);
  if (!user || !user.active)
    throw new AppError('LOGIN_NOT_REGISTERED', 'You are not registered as a user of Varde; ask your administrator');
  if (user.oidcSubject && user.oidcSubject !== identity.subject) {
    throw new AppError('LOGIN_FAILED', 'This identity is bound to another login at the identity provider');
  }
  if (!user.oidcSubject) {
    user = { ...user, oidcSubject: identity.subject };
    await updateUser(db, user, now);
  }
  return user;
}

/** The organisation to act for: the first preferred one where the user holds a role, else the first by name. */
export async function chooseOrganisation(
  db: Db,
  userId: string,
  preferredOrgNumbers: readonly (string | null)[],
): Promise<string> {
  const assignments = await findAssignments(db, { userIds: [userId] });
  const held = new Set(assignments.map((a) => a.organisationId));
  if (held.size === 0)
    throw new AppError('LOGIN_NOT_REGISTERED', 'You hold no role in any organisation in Varde; ask your administrator');
  for (const orgNumber of preferredOrgNumbers) {
    if (!orgNumber) continue;
    const org = await findOrganisationByOrgNumber(db, orgNumber);
    if (org && held.has(org.id)) return org.id;
  }
  return [...held].sort()[0]!;
}

export interface CompleteLoginInput {
  readonly user: User;
  readonly organisationId: string;
  readonly authMethod: AuthMethod;
  readonly securityLevel: number | null;
  readonly tokenSet: Record<string, unknown> | null;
  readonly previousToken: string | null;
  readonly now: Date;
  readonly origin: RequestOrigin;
}

export async function completeLogin(db: Db, config: SessionConfig, input: CompleteLoginInput): Promise<StartedSession> {
  const started = await startSession(db, config, {
    userId: input.user.id,
    organisationId: input.organisationId,
    authMethod: input.authMethod,
    securityLevel: input.securityLevel,
    tokenSet: input.tokenSet,
    now: input.now,
    previousToken: input.previousToken,
  });
  await recordLogin(db, input.user.id, input.now);
  await writeAuditEvent(db, {
    at: input.now,
    actorUserId: input.user.id,
    actorName: input.user.displayName,
    organisationId: input.organisationId,
    action: 'auth.login',
    objectType: 'session',
    outcome: 'success',
    ip: input.origin.ip,
    userAgent: input.origin.userAgent,
    detail: { method: input.authMethod, securityLevel: input.securityLevel },
  });
  return started;
}
