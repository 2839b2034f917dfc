/**
 * All SQL for the survey register: enterprises of the sector that are not organisations in the identity module
 * (the synthetic demo sector and benchmark data). Organisations known to the identity module always win.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { EnterpriseProfile } from './types.js';

type Q = Kysely<Database>;

export interface RegisterEntry extends EnterpriseProfile {
  contactEmail: string | null;
  origin: string;
}

const toProfile = (r: {
  id: string;
  name: string;
  org_number: string | null;
  organisation_type: string;
  size_class: string;
  region: string;
  contact_email: string | null;
  origin: string;
}): RegisterEntry => ({
  id: r.id,
  name: r.name,
  orgNumber: r.org_number,
  organisationType: r.organisation_type,
  sizeClass: r.size_class,
  region: r.region,
  contactEmail: r.contact_email,
  origin: r.origin,
});

export async function findRegisterEntry(db: Q, id: string): Promise<RegisterEntry | null> {
  const row = await db.selectFrom('assessment_register').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProfile(row) : null;
}

export async function findRegisterEntries(db: Q, filter: { ids?: readonly string[] }): Promise<RegisterEntry[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db.selectFrom('assessment_register').selectAll();
  if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
  return (await query.orderBy('name').execute()).map(toProfile);
}

export async function countRegister(db: Q, origin: string): Promise<number> {
  const row = await db
    .selectFrom('assessment_register')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('origin', '=', origin)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertRegisterEntries(db: Q, entries: readonly RegisterEntry[], batch = 1000): Promise<void> {
  for (let i = 0; i < entries.length; i += batch) {
    await db
      .insertInto('assessment_register')
      .values(
        entries.slice(i, i + batch).map((e) => ({
          id: e.id,
          name: e.name,
          org_number: e.orgNumber,
          organisation_type: e.organisationType,
          size_class: e.sizeClass,
          region: e.region,
          contact_email: e.contactEmail,
          origin: e.origin,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
