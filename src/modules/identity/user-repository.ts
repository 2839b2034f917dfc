/** All SQL for users and their role assignments. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Role } from '../../platform/http/access.js';
import type { RoleAssignment, User } from './types.js';

type Q = Kysely<Database>;

const userColumns = [
  'id',
  'display_name',
  'email',
  'pid',
  'hpr_number',
  'oidc_subject',
  'active',
  'demo_persona',
  'last_login_at',
] as const;

function toUser(row: Record<string, unknown>): User {
  return {
    id: String(row.id),
    displayName: String(row.display_name),
    email: (row.email as string | null) ?? null,
    pid: (row.pid as string | null) ?? null,
    hprNumber: (row.hpr_number as string | null) ?? null,
    oidcSubject: (row.oidc_subject as string | null) ?? null,
    active: Boolean(row.active),
    demoPersona: (row.demo_persona as string | null) ?? null,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at as string | Date) : null,
  };
}

function toAssignment(row: Record<string, unknown>): RoleAssignment {
  return {
    userId: String(row.user_id),
    organisationId: String(row.organisation_id),
    role: row.role as Role,
    grantedAt: new Date(row.granted_at as string | Date),
    grantedBy: (row.granted_by as string | null) ?? null,
  };
}

export async function findUserById(db: Q, id: string): Promise<User | null> {
  const row = await db.selectFrom('identity_user').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row as Record<string, unknown>) : null;
}

export async function findUserBy(
  db: Q,
  field: 'pid' | 'hpr_number' | 'oidc_subject' | 'demo_persona',
  value: string,
): Promise<User | null> {
  const row = await db.selectFrom('identity_user').select(userColumns).where(field, '=', value).executeTakeFirst();
  return row ? toUser(row as Record<string, unknown>) : null;
}

export interface UserFilter {
  /** Only users holding a role in one of these organisations. */
  readonly organisationIds?: readonly string[] | undefined;
  readonly role?: Role | undefined;
  /** Name or e-mail contains this text. */
  readonly q?: string | undefined;
}

export async function findUsers(db: Q, filter: UserFilter, limit = 1000): Promise<User[]> {
  if (filter.organisationIds && filter.organisationIds.length === 0) return [];
  let query = db.selectFrom('identity_user').select(userColumns.map((c) => `identity_user.${c}` as const));
  if (filter.organisationIds || filter.role) {
    query = query.where((eb) => {
      let sub = eb
        .selectFrom('identity_role_assignment')
        .select('identity_role_assignment.user_id')
        .whereRef('identity_role_assignment.user_id', '=', 'identity_user.id');
      if (filter.organisationIds)
        sub = sub.where('identity_role_assignment.organisation_id', 'in', [...filter.organisationIds]);
      if (filter.role) sub = sub.where('identity_role_assignment.role', '=', filter.role);
      return eb.exists(sub);
    });
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('identity_user.display_name', 'ilike', like), eb('identity_user.email', 'ilike', like)]),
    );
  }
  const rows = await query.orderBy('identity_user.display_name').limit(limit).execute();
  return rows.map((r) => toUser(r as Record<string, unknown>));
}

export async function insertUser(db: Q, user: User, now: Date): Promise<void> {
  await db
    .insertInto('identity_user')
    .values({
      id: user.id,
      display_name: user.displayName,
      email: user.email,
      pid: user.pid,
      hpr_number: user.hprNumber,
      oidc_subject: user.oidcSubject,
      active: user.active,
      demo_persona: user.demoPersona,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      last_login_at: null,
    })
    .execute();
}

export async function updateUser(db: Q, user: User, now: Date): Promise<void> {
  await db
    .updateTable('identity_user')
    .set({
      display_name: user.displayName,
      email: user.email,
      pid: user.pid,
      hpr_number: user.hprNumber,
      oidc_subject: user.oidcSubject,
      active: user.active,
      updated_at: now.toISOString(),
    })
    .where('id', '=', user.id)
    .execute();
}

export async function recordLogin(db: Q, userId: string, now: Date): Promise<void> {
  await db.updateTable('identity_user').set({ last_login_at: now.toISOString() }).where('id', '=', userId).execute();
}

export async function findAssignments(
  db: Q,
  filter: { userIds?: readonly string[]; organisationIds?: readonly string[] },
): Promise<RoleAssignment[]> {
  if (filter.userIds?.length === 0 || filter.organisationIds?.length === 0) return [];
  let query = db.selectFrom('identity_role_assignment').selectAll();
  if (filter.userIds) query = query.where('user_id', 'in', [...filter.userIds]);
  if (filter.organisationIds) query = query.where('organisation_id', 'in', [...filter.organisationIds]);
  const rows = await query.orderBy('organisation_id').orderBy('role').execute();
  return rows.map((r) => toAssignment(r as Record<string, unknown>));
}

/** Inserts the assignment; false when the user already held it. */
export async function insertAssignment(db: Q, assignment: RoleAssignment): Promise<boolean> {
  const result = await db
    .insertInto('identity_role_assignment')
    .values({
      user_id: assignment.userId,
      organisation_id: assignment.organisationId,
      role: assignment.role,
      granted_at: assignment.grantedAt.toISOString(),
      granted_by: assignment.grantedBy,
    })
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes the assignment; false when the user did not hold it. */
export async function deleteAssignment(
  db: Q,
  key: { userId: string; organisationId: string; role: Role },
): Promise<boolean> {
  const result = await db
    .deleteFrom('identity_role_assignment')
    .where('user_id', '=', key.userId)
    .where('organisation_id', '=', key.organisationId)
    .where('role', '=', key.role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
