/** All SQL of the measure mapping: the set per edition and its append-only revisions. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { LocalizedPair, MeasureLinks } from './types.js';

type Q = Kysely<Database>;

export interface MappingSetInfo {
  editionId: string;
  mappingId: string;
  frameworkId: string;
  fileVersion: number | null;
  fileHash: string | null;
  title: LocalizedPair;
  analysis: LocalizedPair;
  source: { document: string; note?: string };
  updatedAt: string;
}

export const revisionOrigins = ['shipped', 'edit', 'published-draft'] as const;
export type RevisionOrigin = (typeof revisionOrigins)[number];

export interface MappingRevision {
  editionId: string;
  measureId: string;
  revision: number;
  links: MeasureLinks;
  origin: RevisionOrigin;
  fileVersion: number | null;
  note: string;
  authorUserId: string | null;
  authorName: string | null;
  at: string;
}

export const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

export async function findMappingSet(db: Q, editionId: string): Promise<MappingSetInfo | null> {
  const row = await db
    .selectFrom('analysis_mapping_set')
    .selectAll()
    .where('edition_id', '=', editionId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    editionId: row.edition_id,
    mappingId: row.mapping_id,
    frameworkId: row.framework_id,
    fileVersion: row.file_version,
    fileHash: row.file_hash,
    title: row.title as LocalizedPair,
    analysis: row.analysis as LocalizedPair,
    source: row.source as MappingSetInfo['source'],
    updatedAt: iso(row.updated_at),
  };
}

export async function saveMappingSet(db: Q, set: Omit<MappingSetInfo, 'updatedAt'>, at: Date): Promise<void> {
  const values = {
    edition_id: set.editionId,
    mapping_id: set.mappingId,
    framework_id: set.frameworkId,
    file_version: set.fileVersion,
    file_hash: set.fileHash,
    title: JSON.stringify(set.title),
    analysis: JSON.stringify(set.analysis),
    source: JSON.stringify(set.source),
    updated_at: at.toISOString(),
  };
  await db
    .insertInto('analysis_mapping_set')
    .values(values)
    .onConflict((oc) => oc.column('edition_id').doUpdateSet({ ...values, edition_id: undefined } as never))
    .execute();
}

function toRevision(row: Record<string, unknown>): MappingRevision {
  return {
    editionId: String(row.edition_id),
    measureId: String(row.measure_id),
    revision: Number(row.revision),
    links: row.links as MeasureLinks,
    origin: row.origin as RevisionOrigin,
    fileVersion: (row.file_version as number | null) ?? null,
    note: String(row.note),
    authorUserId: (row.author_user_id as string | null) ?? null,
    authorName: (row.author_name as string | null) ?? null,
    at: iso(row.at),
  };
}

/** The newest revision of each measure's links in an edition. */
export async function currentRevisions(db: Q, editionId: string): Promise<MappingRevision[]> {
  const rows = await db
    .selectFrom('analysis_mapping_revision')
    .selectAll()
    .distinctOn('measure_id')
    .where('edition_id', '=', editionId)
    .orderBy('measure_id')
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((row) => toRevision(row));
}

/** Every revision of one measure's links, newest first. */
export async function revisionHistory(db: Q, editionId: string, measureId: string): Promise<MappingRevision[]> {
  const rows = await db
    .selectFrom('analysis_mapping_revision')
    .selectAll()
    .where('edition_id', '=', editionId)
    .where('measure_id', '=', measureId)
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((row) => toRevision(row));
}

export async function insertRevision(db: Q, revision: Omit<MappingRevision, 'at'> & { at: Date }): Promise<void> {
  await db
    .insertInto('analysis_mapping_revision')
    .values({
      edition_id: revision.editionId,
      measure_id: revision.measureId,
      revision: revision.revision,
      links: JSON.stringify(revision.links),
      origin: revision.origin,
      file_version: revision.fileVersion,
      note: revision.note,
      author_user_id: revision.authorUserId,
      author_name: revision.authorName,
      at: revision.at.toISOString(),
    })
    .execute();
}
