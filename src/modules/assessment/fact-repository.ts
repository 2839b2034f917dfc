/**
 * All SQL for indicator facts: writing them (replacing an enterprise's values for a year and source), the version
 * counter that tells caches when to refresh, and the one aggregate query: counts and sums per indicator, year and
 * finest group (type × size × region). No query here returns one enterprise's values.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { IndicatorFact } from './survey-types.js';

type Q = Kysely<Database>;

export interface CubeRow {
  year: number;
  indicatorId: string;
  organisationType: string;
  sizeClass: string;
  region: string;
  count: number;
  sum: number;
}

export async function factVersion(db: Q): Promise<number> {
  const row = await db.selectFrom('assessment_fact_version').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

async function bumpVersion(db: Q): Promise<void> {
  await db
    .updateTable('assessment_fact_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** Replaces the enterprise's facts for these indicators in that year, and bumps the version. */
export async function replaceFacts(db: Q, facts: readonly IndicatorFact[], at: string): Promise<void> {
  if (facts.length === 0) return;
  await insertFactRows(db, facts, at);
  await bumpVersion(db);
}

/** Inserts or replaces facts in batches (bulk loads: demo, bench); the caller bumps the version once. */
export async function insertFactRows(db: Q, facts: readonly IndicatorFact[], at: string, batch = 2000): Promise<void> {
  for (let i = 0; i < facts.length; i += batch) {
    const rows = facts.slice(i, i + batch).map((f) => ({
      year: f.year,
      organisation_id: f.organisationId,
      indicator_id: f.indicatorId,
      value: f.value,
      organisation_type: f.organisationType,
      size_class: f.sizeClass,
      region: f.region,
      source: f.source,
      recorded_at: at,
    }));
    await db
      .insertInto('assessment_fact')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['year', 'organisation_id', 'indicator_id']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          organisation_type: eb.ref('excluded.organisation_type'),
          size_class: eb.ref('excluded.size_class'),
          region: eb.ref('excluded.region'),
          source: eb.ref('excluded.source'),
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      )
      .execute();
  }
}

export async function bumpFactVersion(db: Q): Promise<void> {
  await bumpVersion(db);
}

export async function deleteFactsBySource(
  db: Q,
  organisationId: string,
  year: number,
  source: 'survey' | 'self-assessment',
): Promise<void> {
  await db
    .deleteFrom('assessment_fact')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('source', '=', source)
    .execute();
  await bumpVersion(db);
}

/** Counts and sums per indicator, year and finest group. */
export async function loadCube(db: Q): Promise<CubeRow[]> {
  const result = await sql<{
    year: number;
    indicator_id: string;
    organisation_type: string;
    size_class: string;
    region: string;
    n: number | string;
    total: number | string;
  }>`
    select year, indicator_id, organisation_type, size_class, region, count(*) as n, sum(value) as total
    from assessment_fact
    group by year, indicator_id, organisation_type, size_class, region`.execute(db);
  return result.rows.map((r) => ({
    year: Number(r.year),
    indicatorId: r.indicator_id,
    organisationType: r.organisation_type,
    sizeClass: r.size_class,
    region: r.region,
    count: Number(r.n),
    sum: Number(r.total),
  }));
}

/** The enterprise's own values (for its own comparison view only). */
export async function ownFacts(
  db: Q,
  organisationId: string,
): Promise<{ year: number; indicatorId: string; value: number }[]> {
  const rows = await db
    .selectFrom('assessment_fact')
    .select(['year', 'indicator_id', 'value'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => ({ year: r.year, indicatorId: r.indicator_id, value: Number(r.value) }));
}
