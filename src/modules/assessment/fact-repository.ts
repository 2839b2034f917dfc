/**
 * All SQL for indicator facts: writing them (replacing an enterprise's values), the sector aggregate kept beside
 * them (count and sum per year × indicator × type × size × region, changed in the same transaction), and the version
 * counter that tells caches to refresh. No query here returns one enterprise's values to anyone but itself.
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

type Cell = Pick<IndicatorFact, 'year' | 'indicatorId' | 'organisationType' | 'sizeClass' | 'region'>;
const cellKey = (f: Cell) => [f.year, f.indicatorId, f.organisationType, f.sizeClass, f.region].join('\u0000');

/** Adds count and sum changes to the aggregate (negative when facts leave a group). */
async function applyDeltas(db: Q, deltas: Map<string, Cell & { n: number; total: number }>): Promise<void> {
  const rows = [...deltas.values()].filter((d) => d.n !== 0 || d.total !== 0);
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('assessment_fact_cube')
      .values(
        rows.slice(i, i + 1000).map((d) => ({
          year: d.year,
          indicator_id: d.indicatorId,
          organisation_type: d.organisationType,
          size_class: d.sizeClass,
          region: d.region,
          n: d.n,
          total: d.total,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['year', 'indicator_id', 'organisation_type', 'size_class', 'region']).doUpdateSet({
          n: sql`assessment_fact_cube.n + excluded.n`,
          total: sql`assessment_fact_cube.total + excluded.total`,
        }),
      )
      .execute();
  }
}

function addDelta(deltas: Map<string, Cell & { n: number; total: number }>, f: Cell, n: number, total: number): void {
  const key = cellKey(f);
  const current = deltas.get(key) ?? {
    year: f.year,
    indicatorId: f.indicatorId,
    organisationType: f.organisationType,
    sizeClass: f.sizeClass,
    region: f.region,
    n: 0,
    total: 0,
  };
  current.n += n;
  current.total += total;
  deltas.set(key, current);
}

async function existingFacts(db: Q, facts: readonly Pick<IndicatorFact, 'year' | 'organisationId'>[]) {
  const pairs = [...new Set(facts.map((f) => `${f.year}\u0000${f.organisationId}`))];
  const found: (Cell & { organisationId: string; value: number })[] = [];
  for (const pair of pairs) {
    const [year, organisationId] = pair.split('\u0000') as [string, string];
    const rows = await db
      .selectFrom('assessment_fact')
      .select(['year', 'organisation_id', 'indicator_id', 'value', 'organisation_type', 'size_class', 'region'])
      .where('year', '=', Number(year))
      .where('organisation_id', '=', organisationId)
      .execute();
    for (const r of rows) {
      found.push({
        year: r.year,
        organisationId: r.organisation_id,
        indicatorId: r.indicator_id,
        value: Number(r.value),
        organisationType: r.organisation_type,
        sizeClass: r.size_class,
        region: r.region,
      });
    }
  }
  return found;
}

/**
 * Replaces one or a few enterprises' facts for these indicators (a submitted response, an approved assessment),
 * keeping the aggregate in step and bumping the version. Run it in the transaction of the change.
 */
export async function replaceFacts(db: Q, facts: readonly IndicatorFact[], at: string): Promise<void> {
  if (facts.length === 0) return;
  const deltas = new Map<string, Cell & { n: number; total: number }>();
  const incoming = new Set(facts.map((f) => `${f.year}\u0000${f.organisationId}\u0000${f.indicatorId}`));
  for (const old of await existingFacts(db, facts)) {
    if (incoming.has(`${old.year}\u0000${old.organisationId}\u0000${old.indicatorId}`))
      addDelta(deltas, old, -1, -old.value);
  }
  for (const f of facts) addDelta(deltas, f, 1, f.value);
  await upsertFactRows(db, facts, at);
  await applyDeltas(db, deltas);
  await bumpVersion(db);
}

async function upsertFactRows(db: Q, facts: readonly IndicatorFact[], at: string, batch = 2000): Promise<void> {
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

/** Bulk loading (demo, benchmark): insert or replace many facts; call `finishBulkFactLoad` once afterwards. */
export async function insertFactRows(db: Q, facts: readonly IndicatorFact[], at: string, batch = 2000): Promise<void> {
  await upsertFactRows(db, facts, at, batch);
}

/** After a bulk load: rebuild the aggregate from the facts in one statement, and bump the version. */
export async function finishBulkFactLoad(db: Q): Promise<void> {
  await sql`delete from assessment_fact_cube`.execute(db);
  await sql`
    insert into assessment_fact_cube (year, indicator_id, organisation_type, size_class, region, n, total)
    select year, indicator_id, organisation_type, size_class, region, count(*), sum(value)
    from assessment_fact group by year, indicator_id, organisation_type, size_class, region`.execute(db);
  await bumpVersion(db);
}

export async function deleteFactsBySource(
  db: Q,
  organisationId: string,
  year: number,
  source: 'survey' | 'self-assessment',
): Promise<void> {
  const leaving = await db
    .selectFrom('assessment_fact')
    .select(['year', 'indicator_id', 'value', 'organisation_type', 'size_class', 'region'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('source', '=', source)
    .execute();
  if (leaving.length === 0) return;
  const deltas = new Map<string, Cell & { n: number; total: number }>();
  for (const r of leaving) {
    addDelta(
      deltas,
      {
        year: r.year,
        indicatorId: r.indicator_id,
        organisationType: r.organisation_type,
        sizeClass: r.size_class,
        region: r.region,
      },
      -1,
      -Number(r.value),
    );
  }
  await db
    .deleteFrom('assessment_fact')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('source', '=', source)
    .execute();
  await applyDeltas(db, deltas);
  await bumpVersion(db);
}

/** Counts and sums per indicator, year and finest group, read from the aggregate (a few thousand rows). */
export async function loadCube(db: Q): Promise<CubeRow[]> {
  const rows = await db
    .selectFrom('assessment_fact_cube')
    .select(['year', 'indicator_id', 'organisation_type', 'size_class', 'region', 'n', 'total'])
    .where('n', '>', 0)
    .execute();
  return rows.map((r) => ({
    year: Number(r.year),
    indicatorId: r.indicator_id,
    organisationType: r.organisation_type,
    sizeClass: r.size_class,
    region: r.region,
    count: Number(r.n),
    sum: Number(r.total),
  }));
}

/** The same numbers computed from the facts themselves (checks and the benchmark's comparison). */
export async function computeCubeFromFacts(db: Q): Promise<CubeRow[]> {
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
    from assessment_fact group by year, indicator_id, organisation_type, size_class, region`.execute(db);
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
