/** All SQL of the frameworks module: stored library versions and the log of shipped-library loads. */
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { FrameworkLibrary, LocalizedText } from './types.js';
import type { LibraryFormat } from './library-files.js';

type Q = Kysely<Database>;

/** A stored library version without its content. */
export interface StoredLibraryInfo {
  readonly id: string;
  readonly version: number;
  readonly kind: 'framework' | 'library';
  readonly refId: string | null;
  readonly name: LocalizedText;
  readonly publisher: string;
  readonly language: string;
  readonly contentHash: string;
  readonly sourceHash: string;
  readonly sourceFormat: LibraryFormat;
  readonly sourceName: string;
  readonly origin: 'shipped' | 'imported';
  readonly nodeCount: number;
  readonly mappingCount: number;
  readonly importedAt: string;
  readonly importedBy: string | null;
  readonly importedByName: string | null;
}

export interface NewLibraryVersion extends Omit<StoredLibraryInfo, 'importedAt'> {
  readonly content: FrameworkLibrary;
  readonly importedAt: Date;
}

const infoColumns = [
  'library_id',
  'version',
  'kind',
  'ref_id',
  'name',
  'publisher',
  'language',
  'content_hash',
  'source_hash',
  'source_format',
  'source_name',
  'origin',
  'node_count',
  'mapping_count',
  'imported_at',
  'imported_by',
  'imported_by_name',
] as const;

type InfoRow = Record<(typeof infoColumns)[number], unknown>;

function toInfo(row: InfoRow): StoredLibraryInfo {
  const at = row.imported_at;
  return {
    id: String(row.library_id),
    version: Number(row.version),
    kind: row.kind as StoredLibraryInfo['kind'],
    refId: (row.ref_id as string | null) ?? null,
    name: row.name as LocalizedText,
    publisher: String(row.publisher),
    language: String(row.language),
    contentHash: String(row.content_hash),
    sourceHash: String(row.source_hash),
    sourceFormat: row.source_format as LibraryFormat,
    sourceName: String(row.source_name),
    origin: row.origin as StoredLibraryInfo['origin'],
    nodeCount: Number(row.node_count),
    mappingCount: Number(row.mapping_count),
    importedAt: at instanceof Date ? at.toISOString() : new Date(String(at)).toISOString(),
    importedBy: (row.imported_by as string | null) ?? null,
    importedByName: (row.imported_by_name as string | null) ?? null,
  };
}

/** Every stored version, newest version of each library first. */
export async function listLibraryVersions(db: Q): Promise<StoredLibraryInfo[]> {
  const rows = await db
    .selectFrom('framework_library_version')
    .select(infoColumns)
    .orderBy('library_id')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toInfo);
}

export async function findLibraryVersion(db: Q, id: string, version: number): Promise<StoredLibraryInfo | null> {
  const row = await db
    .selectFrom('framework_library_version')
    .select(infoColumns)
    .where('library_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toInfo(row) : null;
}

export async function loadLibraryContent(db: Q, id: string, version: number): Promise<FrameworkLibrary | null> {
  const row = await db
    .selectFrom('framework_library_version')
    .select('content')
    .where('library_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (row.content as FrameworkLibrary) : null;
}

/** The newest version of every library, with content: for checking references of a library being imported. */
export async function loadCurrentLibraries(db: Q): Promise<{ info: StoredLibraryInfo; content: FrameworkLibrary }[]> {
  const rows = await db
    .selectFrom('framework_library_version as v')
    .select([...infoColumns.map((c) => `v.${c}` as const), 'v.content'])
    .where(({ eb, selectFrom }) =>
      eb(
        'v.version',
        '=',
        selectFrom('framework_library_version as w')
          .select(({ fn }) => fn.max('w.version').as('max'))
          .whereRef('w.library_id', '=', 'v.library_id'),
      ),
    )
    .execute();
  return rows.map((row) => ({ info: toInfo(row), content: row.content as FrameworkLibrary }));
}

export async function insertLibraryVersion(db: Q, entry: NewLibraryVersion): Promise<void> {
  await db
    .insertInto('framework_library_version')
    .values({
      library_id: entry.id,
      version: entry.version,
      kind: entry.kind,
      ref_id: entry.refId,
      name: JSON.stringify(entry.name),
      publisher: entry.publisher,
      language: entry.language,
      content: JSON.stringify(entry.content),
      content_hash: entry.contentHash,
      source_hash: entry.sourceHash,
      source_format: entry.sourceFormat,
      source_name: entry.sourceName,
      origin: entry.origin,
      node_count: entry.nodeCount,
      mapping_count: entry.mappingCount,
      imported_at: entry.importedAt.toISOString(),
      imported_by: entry.importedBy,
      imported_by_name: entry.importedByName,
    })
    .execute();
}

export async function recordShippedLoad(
  db: Db,
  entry: {
    fileName: string;
    libraryId: string | null;
    version: number | null;
    sourceHash: string;
    outcome: 'imported' | 'unchanged' | 'refused';
    detail: unknown;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('framework_shipped_load')
    .values({
      file_name: entry.fileName,
      library_id: entry.libraryId,
      version: entry.version,
      source_hash: entry.sourceHash,
      outcome: entry.outcome,
      detail: JSON.stringify(entry.detail),
      at: entry.at.toISOString(),
    })
    .execute();
}
