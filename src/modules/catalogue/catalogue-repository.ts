/** All SQL of the catalogue: storing an edition (upsert, so rows other modules reference survive) and reading it back. */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { LoadedEdition } from './load-edition.js';
import type { CatalogueEdition, EditionInfo, GuidanceRef, Measure, Remark, SourceRef } from './types.js';

const json = (value: unknown) => JSON.stringify(value);

async function replaceRows(
  trx: Transaction<Database>,
  table: keyof Database & string,
  editionId: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const keepIds = rows.map((row) => String(row.id));
  // One helper for several tables of the same key shape: typed loosely here, typed rows are built by the callers.
  const untyped = trx as unknown as Transaction<any>;
  if (rows.length > 0) {
    const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'edition_id' && c !== 'id');
    await untyped
      .insertInto(table)
      .values(rows as never)
      .onConflict((oc) =>
        oc
          .columns(['edition_id', 'id'])
          .doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
      )
      .execute();
  }
  await untyped
    .deleteFrom(table)
    .where('edition_id', '=', editionId)
    .$if(keepIds.length > 0, (query) => query.where('id', 'not in', keepIds))
    .execute();
}

export async function saveEdition(trx: Transaction<Database>, loaded: LoadedEdition, now: Date): Promise<void> {
  const { edition, strategy, areas, actors, measures, basic } = loaded.content;
  const editionRow = {
    id: edition.id,
    title: edition.title,
    status: edition.status,
    published_on: edition.publishedOn,
    supersedes: edition.supersedes,
    content_hash: loaded.contentHash,
    remarks: json(edition.remarks),
    source: json(edition.source),
    strategy: json({ purpose: strategy.purpose, objectives: strategy.objectives }),
    basic_intro: json({ introduction: basic.introduction, generalGuidance: basic.generalGuidance }),
    imported_at: now.toISOString(),
  };
  await trx
    .insertInto('catalogue_edition')
    .values(editionRow)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...editionRow, id: undefined } as never))
    .execute();
  const id = edition.id;
  await trx.deleteFrom('catalogue_measure_responsible').where('edition_id', '=', id).execute();
  await replaceRows(
    trx,
    'catalogue_actor',
    id,
    actors.map((a, position) => ({
      edition_id: id,
      id: a.id,
      name: a.name,
      short_name: a.shortName,
      kind: a.kind,
      part_of: a.partOf,
      position,
      source: json(a.source),
    })),
  );
  await replaceRows(
    trx,
    'catalogue_area',
    id,
    areas.map((a, position) => ({
      edition_id: id,
      id: a.id,
      name: a.name,
      goal: a.goal,
      position,
      source: json(a.source),
    })),
  );
  await replaceRows(
    trx,
    'catalogue_strategic_area',
    id,
    strategy.strategicAreas.map((s, position) => ({
      edition_id: id,
      id: s.id,
      name: s.name,
      description: s.description,
      expected_effects: json(s.expectedEffects),
      beneficiaries: s.beneficiaries,
      audiences: json(s.audiences),
      position,
      source: json(s.source),
    })),
  );
  await replaceRows(
    trx,
    'catalogue_measure',
    id,
    measures.map((m, position) => ({
      edition_id: id,
      id: m.id,
      area_id: m.areaId,
      title: m.title,
      overview_title: m.overviewTitle,
      kind: m.kind,
      status: m.status,
      responsible_text: m.responsible.text,
      responsibility_status: m.responsible.status,
      relevant_text: m.relevantFor.text,
      audiences: json(m.relevantFor.audiences),
      relevant_actor_ids: json(m.relevantFor.actorIds),
      description: m.description,
      remark: m.remark,
      position,
      source: json(m.source),
    })),
  );
  const responsible = measures.flatMap((m) =>
    m.responsible.actorIds.map((actorId, position) => ({
      edition_id: id,
      measure_id: m.id,
      actor_id: actorId,
      position,
    })),
  );
  if (responsible.length > 0) await trx.insertInto('catalogue_measure_responsible').values(responsible).execute();
  await replaceRows(
    trx,
    'catalogue_basic_measure',
    id,
    basic.basicMeasures.map((b) => ({
      edition_id: id,
      id: b.id,
      number: b.number,
      title: b.title,
      guidance: json(b.guidance),
      source: json(b.source),
    })),
  );
}

export async function recordEditionLoad(
  db: Db,
  entry: {
    editionId: string;
    contentHash: string;
    outcome: 'imported' | 'unchanged' | 'refused';
    detail: unknown;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('catalogue_edition_load')
    .values({
      edition_id: entry.editionId,
      content_hash: entry.contentHash,
      outcome: entry.outcome,
      detail: json(entry.detail),
      at: entry.at.toISOString(),
    })
    .execute();
}

export async function findEditionHash(db: Db, editionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('catalogue_edition')
    .select('content_hash')
    .where('id', '=', editionId)
    .executeTakeFirst();
  return row?.content_hash ?? null;
}

function toDateText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

export async function listEditionInfos(db: Db): Promise<EditionInfo[]> {
  const rows = await db
    .selectFrom('catalogue_edition')
    .selectAll()
    .orderBy('published_on', 'desc')
    .orderBy('imported_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status as EditionInfo['status'],
    publishedOn: toDateText(row.published_on),
    supersedes: row.supersedes,
    remarks: row.remarks as Remark[],
    source: row.source,
  }));
}

export async function loadEditionContent(db: Db, editionId: string): Promise<CatalogueEdition | null> {
  const editions = await listEditionInfos(db);
  const edition = editions.find((e) => e.id === editionId);
  if (!edition) return null;
  const [editionRow, actors, areas, strategicAreas, measures, responsible, basics] = await Promise.all([
    db
      .selectFrom('catalogue_edition')
      .select(['strategy', 'basic_intro'])
      .where('id', '=', editionId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('catalogue_actor').selectAll().where('edition_id', '=', editionId).orderBy('position').execute(),
    db.selectFrom('catalogue_area').selectAll().where('edition_id', '=', editionId).orderBy('position').execute(),
    db
      .selectFrom('catalogue_strategic_area')
      .selectAll()
      .where('edition_id', '=', editionId)
      .orderBy('position')
      .execute(),
    db.selectFrom('catalogue_measure').selectAll().where('edition_id', '=', editionId).orderBy('position').execute(),
    db
      .selectFrom('catalogue_measure_responsible')
      .selectAll()
      .where('edition_id', '=', editionId)
      .orderBy('measure_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('catalogue_basic_measure')
      .selectAll()
      .where('edition_id', '=', editionId)
      .orderBy('number')
      .execute(),
  ]);
  const strategy = editionRow.strategy as Pick<CatalogueEdition['strategy'], 'purpose' | 'objectives'>;
  const basicIntro = editionRow.basic_intro as Pick<CatalogueEdition['basic'], 'introduction' | 'generalGuidance'>;
  const responsibleByMeasure = new Map<string, string[]>();
  for (const r of responsible)
    responsibleByMeasure.set(r.measure_id, [...(responsibleByMeasure.get(r.measure_id) ?? []), r.actor_id]);
  return {
    edition,
    strategy: {
      ...strategy,
      strategicAreas: strategicAreas.map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        expectedEffects: s.expected_effects,
        beneficiaries: s.beneficiaries,
        audiences: s.audiences as CatalogueEdition['strategy']['strategicAreas'][number]['audiences'],
        source: s.source,
      })),
    },
    areas: areas.map((a) => ({ id: a.id, name: a.name, goal: a.goal, source: a.source })),
    actors: actors.map((a) => ({
      id: a.id,
      name: a.name,
      shortName: a.short_name,
      kind: a.kind as CatalogueEdition['actors'][number]['kind'],
      partOf: a.part_of,
      source: a.source,
    })),
    measures: measures.map((m): Measure => ({
      id: m.id,
      areaId: m.area_id,
      title: m.title,
      overviewTitle: m.overview_title,
      kind: m.kind as Measure['kind'],
      status: m.status as Measure['status'],
      responsible: {
        text: m.responsible_text,
        status: m.responsibility_status as Measure['responsible']['status'],
        actorIds: responsibleByMeasure.get(m.id) ?? [],
      },
      relevantFor: {
        text: m.relevant_text,
        audiences: m.audiences as Measure['relevantFor']['audiences'],
        actorIds: m.relevant_actor_ids,
      },
      description: m.description,
      remark: m.remark,
      source: m.source as SourceRef,
    })),
    basic: {
      ...basicIntro,
      basicMeasures: basics.map((b) => ({
        id: b.id,
        number: b.number,
        title: b.title,
        guidance: b.guidance as GuidanceRef[],
        source: b.source,
      })),
    },
  };
}
