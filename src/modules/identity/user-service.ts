/**
 * Users and their roles per organisation. Administrators manage everyone; an enterprise lead may read the users of
 * its own organisation (and below). Reading users is a read of personal data and is audited; every change is too.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { roles as allRoles, type Principal, type Role } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { hasRole, organisationScopeOf, requireRole } from './access-rules.js';
import { findOrganisationById, findOrganisations } from './organisation-repository.js';
import type { ChangeContext } from './organisation-service.js';
import { isValidPersonId, maskPersonId } from './person-id.js';
import { deleteSessionsOfUser } from './session-repository.js';
import type { RoleAssignment, User } from './types.js';
import {
  deleteAssignment,
  findAssignments,
  findUserBy,
  findUserById,
  findUsers,
  insertAssignment,
  insertUser,
  updateUser as storeUser,
  type UserFilter,
} from './user-repository.js';

export interface UserView {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  /** Birth date part only; the whole number is never sent. */
  readonly pidMasked: string | null;
  readonly hprNumber: string | null;
  readonly loginBound: boolean;
  readonly active: boolean;
  readonly demoPersona: string | null;
  readonly lastLoginAt: string | null;
  readonly roles: { organisationId: string; organisationName: string; role: Role; grantedAt: string }[];
}

async function present(
  db: Db,
  users: readonly User[],
  onlyOrganisations: readonly string[] | null,
): Promise<UserView[]> {
  const assignments = await findAssignments(db, { userIds: users.map((u) => u.id) });
  const visible = assignments.filter((a) => !onlyOrganisations || onlyOrganisations.includes(a.organisationId));
  const orgs = new Map(
    (await findOrganisations(db, { ids: [...new Set(visible.map((a) => a.organisationId))] })).map((o) => [
      o.id,
      o.name,
    ]),
  );
  return users.map((u) => ({
    id: u.id,
    displayName: u.displayName,
    email: u.email,
    pidMasked: maskPersonId(u.pid),
    hprNumber: u.hprNumber,
    loginBound: u.oidcSubject !== null,
    active: u.active,
    demoPersona: u.demoPersona,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    roles: visible
      .filter((a) => a.userId === u.id)
      .map((a) => ({
        organisationId: a.organisationId,
        organisationName: orgs.get(a.organisationId) ?? a.organisationId,
        role: a.role,
        grantedAt: a.grantedAt.toISOString(),
      })),
  }));
}

/** null: every organisation (administrators); else the organisations whose users this principal may see. */
function userScope(principal: Principal): readonly string[] | null {
  if (hasRole(principal, 'administrator')) return null;
  return organisationScopeOf(principal);
}

async function auditRead(
  db: Db,
  ctx: ChangeContext,
  objectId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await writeAuditEvent(db, {
    at: ctx.now,
    actorUserId: ctx.principal?.userId ?? null,
    actorName: ctx.principal?.displayName ?? null,
    organisationId: ctx.principal?.organisationId ?? null,
    action: 'user.read',
    objectType: 'user',
    objectId,
    outcome: 'success',
    ip: ctx.origin.ip,
    userAgent: ctx.origin.userAgent,
    detail,
  });
}

export async function listUsers(db: Db, ctx: ChangeContext, filter: UserFilter): Promise<UserView[]> {
  const who = requireRole(ctx.principal, 'administrator', 'enterprise-lead');
  const scope = userScope(who);
  const organisationIds = scope
    ? (filter.organisationIds ?? scope).filter((id) => scope.includes(id))
    : filter.organisationIds;
  const users = await findUsers(db, { ...filter, organisationIds });
  await auditRead(db, ctx, null, { filter, count: users.length });
  return present(db, users, scope);
}

export async function getUser(db: Db, ctx: ChangeContext, id: string): Promise<UserView> {
  const who = requireRole(ctx.principal, 'administrator', 'enterprise-lead');
  const scope = userScope(who);
  const user = await findUserById(db, id);
  if (scope) {
    const held = user ? await findAssignments(db, { userIds: [user.id], organisationIds: scope }) : [];
    if (held.length === 0) throw new AppError('FORBIDDEN', 'This user belongs to another organisation');
  }
  if (!user) throw new AppError('USER_NOT_FOUND', `No user "${id}"`);
  await auditRead(db, ctx, id, {});
  return (await present(db, [user], scope))[0]!;
}

export interface UserInput {
  readonly displayName: string;
  readonly email?: string | null;
  readonly pid?: string | null;
  readonly hprNumber?: string | null;
  readonly active?: boolean;
}

async function checkUser(db: Db, input: UserInput, id: string): Promise<void> {
  const problems: ErrorDetail[] = [];
  if (!input.displayName.trim()) problems.push({ field: 'displayName', message: 'must not be empty' });
  if (input.pid && !isValidPersonId(input.pid))
    problems.push({ field: 'pid', message: 'not a valid national identity number (11 digits with check digits)' });
  if (input.hprNumber && !/^\d{1,10}$/.test(input.hprNumber))
    problems.push({ field: 'hprNumber', message: 'an HPR number has only digits' });
  if (input.email && !/^[^\s@]+@[^\s@]+$/.test(input.email))
    problems.push({ field: 'email', message: 'not an e-mail address' });
  if (problems.length > 0) throw new AppError('USER_INVALID', 'The user is not valid', problems);
  for (const [field, column, value] of [
    ['pid', 'pid', input.pid],
    ['hprNumber', 'hpr_number', input.hprNumber],
  ] as const) {
    const holder = value ? await findUserBy(db, column, value) : null;
    if (holder && holder.id !== id)
      throw new AppError('USER_IDENTITY_TAKEN', 'Another user has this identity', [
        { field, message: 'already registered' },
      ]);
  }
}

async function auditChange(
  db: Db,
  ctx: ChangeContext,
  action: string,
  objectId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await writeAuditEvent(db, {
    at: ctx.now,
    actorUserId: ctx.principal?.userId ?? null,
    actorName: ctx.principal?.displayName ?? null,
    organisationId: ctx.principal?.organisationId ?? null,
    action,
    objectType: 'user',
    objectId,
    outcome: 'success',
    ip: ctx.origin.ip,
    userAgent: ctx.origin.userAgent,
    detail,
  });
}

const safeForAudit = (input: Partial<UserInput>) => ({
  ...input,
  pid: input.pid ? maskPersonId(input.pid) : input.pid,
});

export async function createUser(
  db: Db,
  ctx: ChangeContext,
  input: UserInput,
  id: string = randomUUID(),
): Promise<UserView> {
  requireRole(ctx.principal, 'administrator');
  await checkUser(db, input, id);
  const user: User = {
    id,
    displayName: input.displayName.trim().normalize('NFC'),
    email: input.email?.trim() || null,
    pid: input.pid || null,
    hprNumber: input.hprNumber || null,
    oidcSubject: null,
    active: input.active ?? true,
    demoPersona: null,
    lastLoginAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, user, ctx.now);
    await auditChange(trx, ctx, 'user.create', id, { after: safeForAudit(input) });
  });
  return (await present(db, [user], null))[0]!;
}

export async function updateUser(db: Db, ctx: ChangeContext, id: string, patch: Partial<UserInput>): Promise<UserView> {
  requireRole(ctx.principal, 'administrator');
  const before = await findUserById(db, id);
  if (!before) throw new AppError('USER_NOT_FOUND', `No user "${id}"`);
  const merged = { ...before, ...patch };
  await checkUser(db, merged, id);
  const after: User = {
    ...before,
    displayName: merged.displayName.trim().normalize('NFC'),
    email: merged.email?.trim() || null,
    pid: merged.pid || null,
    hprNumber: merged.hprNumber || null,
    active: merged.active,
    // A changed national id or HPR number must bind to the provider's subject again at the next login.
    oidcSubject: patch.pid !== undefined || patch.hprNumber !== undefined ? null : before.oidcSubject,
  };
  await db.transaction().execute(async (trx) => {
    await storeUser(trx, after, ctx.now);
    if (!after.active) await deleteSessionsOfUser(trx, id);
    await auditChange(
      trx,
      ctx,
      after.active === before.active ? 'user.update' : after.active ? 'user.activate' : 'user.deactivate',
      id,
      { change: safeForAudit(patch) },
    );
  });
  return (await present(db, [after], null))[0]!;
}

async function checkAssignment(db: Db, userId: string, organisationId: string, role: string): Promise<void> {
  if (!allRoles.includes(role as Role))
    throw new AppError('USER_INVALID', `No role "${role}"`, [
      { field: 'role', message: `one of ${allRoles.join(', ')}` },
    ]);
  if (!(await findUserById(db, userId))) throw new AppError('USER_NOT_FOUND', `No user "${userId}"`);
  if (!(await findOrganisationById(db, organisationId)))
    throw new AppError('ORGANISATION_NOT_FOUND', `No organisation "${organisationId}"`);
}

export async function grantRole(
  db: Db,
  ctx: ChangeContext,
  assignment: Omit<RoleAssignment, 'grantedAt' | 'grantedBy'>,
): Promise<UserView> {
  requireRole(ctx.principal, 'administrator');
  await checkAssignment(db, assignment.userId, assignment.organisationId, assignment.role);
  await db.transaction().execute(async (trx) => {
    const added = await insertAssignment(trx, {
      ...assignment,
      grantedAt: ctx.now,
      grantedBy: ctx.principal?.userId ?? null,
    });
    if (added)
      await auditChange(trx, ctx, 'role.grant', assignment.userId, {
        organisationId: assignment.organisationId,
        role: assignment.role,
      });
  });
  return getUserView(db, assignment.userId);
}

export async function revokeRole(
  db: Db,
  ctx: ChangeContext,
  assignment: Omit<RoleAssignment, 'grantedAt' | 'grantedBy'>,
): Promise<UserView> {
  requireRole(ctx.principal, 'administrator');
  await checkAssignment(db, assignment.userId, assignment.organisationId, assignment.role);
  await db.transaction().execute(async (trx) => {
    const removed = await deleteAssignment(trx, assignment);
    if (!removed) throw new AppError('NOT_FOUND', 'The user does not hold this role there');
    await auditChange(trx, ctx, 'role.revoke', assignment.userId, {
      organisationId: assignment.organisationId,
      role: assignment.role,
    });
  });
  return getUserView(db, assignment.userId);
}

async function getUserView(db: Db, id: string): Promise<UserView> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('USER_NOT_FOUND', `No user "${id}"`);
  return (await present(db, [user], null))[0]!;
}
