/** All SQL for organisations: lookups, filtered lists, the tree (recursive queries), inserts and updates. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { OrganisationLevel, OrganisationType, Region, SizeClass } from './organisation-types.js';
import type { Organisation } from './types.js';

type Q = Kysely<Database>;

function toOrganisation(row: Record<string, unknown>): Organisation {
  return {
    id: String(row.id),
    parentId: (row.parent_id as string | null) ?? null,
    level: row.level as OrganisationLevel,
    organisationType: (row.organisation_type as OrganisationType | null) ?? null,
    name: String(row.name),
    orgNumber: (row.org_number as string | null) ?? null,
    sizeClass: (row.size_class as SizeClass | null) ?? null,
    region: (row.region as Region | null) ?? null,
    actorId: (row.actor_id as string | null) ?? null,
  };
}

const columns = [
  'id',
  'parent_id',
  'level',
  'organisation_type',
  'name',
  'org_number',
  'size_class',
  'region',
  'actor_id',
] as const;

export interface OrganisationFilter {
  readonly ids?: readonly string[] | undefined;
  readonly level?: OrganisationLevel | undefined;
  readonly organisationType?: OrganisationType | undefined;
  readonly sizeClass?: SizeClass | undefined;
  readonly region?: Region | undefined;
  readonly parentId?: string | undefined;
  readonly actorId?: string | undefined;
  /** Name or organisation number contains this text. */
  readonly q?: string | undefined;
}

export async function findOrganisations(db: Q, filter: OrganisationFilter = {}, limit = 5000): Promise<Organisation[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db.selectFrom('identity_organisation').select(columns);
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.organisationType) query = query.where('organisation_type', '=', filter.organisationType);
  if (filter.sizeClass) query = query.where('size_class', '=', filter.sizeClass);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('org_number', 'like', like.replace(/\s/g, ''))]));
  }
  const rows = await query.orderBy('level').orderBy('name').limit(limit).execute();
  return rows.map((r) => toOrganisation(r as Record<string, unknown>));
}

export async function findOrganisationById(db: Q, id: string): Promise<Organisation | null> {
  const row = await db.selectFrom('identity_organisation').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toOrganisation(row as Record<string, unknown>) : null;
}

export async function findOrganisationByOrgNumber(db: Q, orgNumber: string): Promise<Organisation | null> {
  const row = await db
    .selectFrom('identity_organisation')
    .select(columns)
    .where('org_number', '=', orgNumber)
    .executeTakeFirst();
  return row ? toOrganisation(row as Record<string, unknown>) : null;
}

/** The organisation and all below it. */
export async function findDescendantIds(db: Q, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive tree(id, depth) as (
      select id, 0 from identity_organisation where id = ${id}
      union all
      select o.id, t.depth + 1 from identity_organisation o join tree t on o.parent_id = t.id where t.depth < 20
    )
    select distinct id from tree`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The organisations above, nearest first. */
export async function findAncestors(db: Q, id: string): Promise<Organisation[]> {
  const result = await sql<Record<string, unknown>>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from identity_organisation where id = ${id}
      union all
      select o.id, o.parent_id, u.depth + 1 from identity_organisation o join up u on o.id = u.parent_id where u.depth < 20
    )
    select o.* from up join identity_organisation o on o.id = up.id where up.depth > 0 order by up.depth`.execute(db);
  return result.rows.map(toOrganisation);
}

export async function countChildren(db: Q, id: string): Promise<number> {
  const row = await db
    .selectFrom('identity_organisation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertOrganisation(db: Q, org: Organisation, now: Date): Promise<void> {
  await db
    .insertInto('identity_organisation')
    .values({
      id: org.id,
      parent_id: org.parentId,
      level: org.level,
      organisation_type: org.organisationType,
      name: org.name,
      org_number: org.orgNumber,
      size_class: org.sizeClass,
      region: org.region,
      actor_id: org.actorId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
}

export async function updateOrganisation(db: Q, org: Organisation, now: Date): Promise<void> {
  await db
    .updateTable('identity_organisation')
    .set({
      parent_id: org.parentId,
      organisation_type: org.organisationType,
      name: org.name,
      org_number: org.orgNumber,
      size_class: org.sizeClass,
      region: org.region,
      actor_id: org.actorId,
      updated_at: now.toISOString(),
    })
    .where('id', '=', org.id)
    .execute();
}
