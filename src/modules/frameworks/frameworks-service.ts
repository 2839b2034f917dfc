/**
 * The framework library's use cases: import a library file (all or nothing: a refused file changes nothing),
 * list and read stored libraries, export one in either format. Every entry point that changes data checks the
 * principal first; reading is open to everyone (the frameworks are public documents).
 */
import type { Db } from '../../platform/db/database.js';
import { AppError, isAppError, type ErrorDetail } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { checkReferences, type NamedLibrary } from './check-references.js';
import {
  findLibraryVersion,
  insertLibraryVersion,
  listLibraryVersions,
  loadCurrentLibraries,
  loadLibraryContent,
  type StoredLibraryInfo,
} from './frameworks-repository.js';
import { idKey } from './ids.js';
import {
  detectLibraryFormat,
  libraryContentHash,
  libraryFileName,
  libraryKind,
  mappingCount,
  readLibraryFile,
  sha256,
  writeLibraryFile,
  type LibraryFormat,
} from './library-files.js';
import type { FrameworkLibrary } from './types.js';

export const frameworkImporterRoles = ['strategy-owner', 'administrator'] as const;

export function requireFrameworkImporter(principal: Principal | null): asserts principal is Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Log in to import framework libraries');
  if (!frameworkImporterRoles.some((role) => principal.roles.includes(role))) {
    throw new AppError('FORBIDDEN', 'Only the strategy owner or an administrator may import framework libraries');
  }
}

export interface RequestOrigin {
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

export interface ImportOutcome {
  readonly outcome: 'imported' | 'unchanged';
  readonly library: StoredLibraryInfo;
  /** Whether this version is now the library's newest (an older version number is kept as history). */
  readonly current: boolean;
}

interface StoreInput {
  readonly library: FrameworkLibrary;
  readonly sourceText: string;
  readonly sourceName: string;
  readonly sourceFormat: LibraryFormat;
  readonly origin: 'shipped' | 'imported';
  readonly principal: Principal | null;
  readonly now: Date;
}

const contentCache = new Map<string, FrameworkLibrary>();

/**
 * Stores one version of a library unless it is already there. The same version with other content is refused:
 * a library version never changes once stored, so reports that cite it stay true.
 */
export async function storeLibraryVersion(db: Db, input: StoreInput): Promise<ImportOutcome> {
  const { library, principal } = input;
  const contentHash = libraryContentHash(library);
  const { id, version } = library.library;
  return db.transaction().execute(async (trx) => {
    const existing = await findLibraryVersion(trx, id, version);
    if (existing) {
      if (existing.contentHash !== contentHash) {
        throw new AppError(
          'FRAMEWORK_VERSION_CONFLICT',
          `Version ${version} of ${id} is already stored with other content`,
          [
            {
              place: input.sourceName,
              field: 'library.version',
              message: `version ${version} was stored on ${existing.importedAt.slice(0, 10)} from ${existing.sourceName} with different content; raise the version number`,
            },
          ],
        );
      }
      return { outcome: 'unchanged' as const, library: existing, current: await isCurrent(trx, id, version) };
    }
    const entry = {
      id,
      version,
      kind: libraryKind(library),
      refId: library.library.refId ?? null,
      name: library.library.name,
      publisher: library.library.publisher,
      language: library.library.language,
      content: library,
      contentHash,
      sourceHash: sha256(input.sourceText),
      sourceFormat: input.sourceFormat,
      sourceName: input.sourceName,
      origin: input.origin,
      nodeCount: library.nodes.length,
      mappingCount: mappingCount(library),
      importedAt: input.now,
      importedBy: principal && principal.userId !== 'system' ? principal.userId : null,
      importedByName: principal?.displayName ?? null,
    };
    await insertLibraryVersion(trx, entry);
    if (input.origin === 'imported') {
      await writeAuditEvent(trx, {
        at: input.now,
        actorUserId: entry.importedBy,
        actorName: entry.importedByName,
        organisationId: principal?.organisationId ?? null,
        action: 'framework.import',
        objectType: 'framework-library',
        objectId: `${id}@${version}`,
        outcome: 'success',
        detail: { format: input.sourceFormat, file: input.sourceName, contentHash, sourceHash: entry.sourceHash },
      });
    }
    const stored = await findLibraryVersion(trx, id, version);
    if (!stored) throw new AppError('INTERNAL', `Library ${id}@${version} was not stored`);
    return { outcome: 'imported' as const, library: stored, current: await isCurrent(trx, id, version) };
  });
}

async function isCurrent(db: Db, id: string, version: number): Promise<boolean> {
  const versions = (await listLibraryVersions(db)).filter((v) => v.id === id);
  return versions[0]?.version === version;
}

/** Problems with references from `library` to frameworks and nodes that are not stored (or not in `library`). */
export async function unresolvedReferences(
  db: Db,
  library: FrameworkLibrary,
  fileName: string,
  also: readonly NamedLibrary[] = [],
): Promise<ErrorDetail[]> {
  const stored = (await loadCurrentLibraries(db))
    .filter(({ info }) => info.id !== library.library.id && !also.some((a) => a.library.library.id === info.id))
    .map(({ info, content }) => ({ fileName: `(stored) ${info.id}`, library: content }));
  return checkReferences([...stored, ...also, { fileName, library }]).filter((p) => p.place === fileName);
}

export interface ImportRequest {
  readonly text: string;
  readonly fileName: string;
  readonly format?: LibraryFormat | undefined;
  readonly now: Date;
  readonly origin?: RequestOrigin;
}

/** Imports one library file. FRAMEWORK_INVALID (with every problem's place) or a conflict leaves the store unchanged. */
export async function importFrameworkLibrary(
  db: Db,
  principal: Principal | null,
  request: ImportRequest,
): Promise<ImportOutcome> {
  requireFrameworkImporter(principal);
  try {
    const format = request.format ?? detectLibraryFormat(request.text, request.fileName);
    const library = readLibraryFile(request.text, request.fileName, format);
    const problems = await unresolvedReferences(db, library, request.fileName);
    if (problems.length > 0) {
      throw new AppError(
        'FRAMEWORK_INVALID',
        `${request.fileName}: ${problems.length} reference(s) to frameworks or requirements that are not stored`,
        problems,
      );
    }
    return await storeLibraryVersion(db, {
      library,
      sourceText: request.text,
      sourceName: request.fileName,
      sourceFormat: format,
      origin: 'imported',
      principal,
      now: request.now,
    });
  } catch (error) {
    if (isAppError(error)) {
      await writeAuditEvent(db, {
        at: request.now,
        actorUserId: principal.userId === 'system' ? null : principal.userId,
        actorName: principal.displayName,
        organisationId: principal.organisationId,
        action: 'framework.import',
        objectType: 'framework-library',
        objectId: request.fileName,
        outcome: 'failure',
        ip: request.origin?.ip ?? null,
        userAgent: request.origin?.userAgent ?? null,
        detail: { code: error.code, problems: error.details.length },
      });
    }
    throw error;
  }
}

export interface LibrarySummary extends StoredLibraryInfo {
  /** Every stored version number, newest first. */
  readonly versions: number[];
}

/** The newest version of each stored library. */
export async function listFrameworkLibraries(db: Db): Promise<LibrarySummary[]> {
  const all = await listLibraryVersions(db);
  const summaries: LibrarySummary[] = [];
  for (const info of all) {
    if (summaries.some((s) => s.id === info.id)) continue;
    summaries.push({ ...info, versions: all.filter((v) => v.id === info.id).map((v) => v.version) });
  }
  return summaries.sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'framework' ? -1 : 1));
}

/** A library by its id, its short code (`NSM-GP-2.1`) or the last part of its id, ignoring case. */
export async function resolveLibrary(db: Db, ref: string): Promise<LibrarySummary> {
  const libraries = await listFrameworkLibraries(db);
  const key = idKey(ref);
  const found =
    libraries.find((l) => l.id === ref) ??
    libraries.find((l) => idKey(l.id) === key) ??
    libraries.find((l) => l.refId !== null && idKey(l.refId) === key) ??
    libraries.find((l) => idKey(l.id.split(':').at(-1) ?? '') === key);
  if (!found) throw new AppError('FRAMEWORK_NOT_FOUND', `No framework library "${ref}" is stored`);
  return found;
}

export interface LibraryWithContent {
  readonly info: StoredLibraryInfo;
  readonly versions: number[];
  readonly library: FrameworkLibrary;
}

export async function getFrameworkLibrary(db: Db, ref: string, version?: number): Promise<LibraryWithContent> {
  const summary = await resolveLibrary(db, ref);
  const wanted = version ?? summary.versions[0] ?? summary.version;
  const info = wanted === summary.version ? summary : await findLibraryVersion(db, summary.id, wanted);
  if (!info) throw new AppError('FRAMEWORK_NOT_FOUND', `No version ${wanted} of ${summary.id} is stored`);
  const key = `${info.id}@${info.version}:${info.contentHash}`;
  let library = contentCache.get(key);
  if (!library) {
    library = (await loadLibraryContent(db, info.id, info.version)) ?? undefined;
    if (!library) throw new AppError('FRAMEWORK_NOT_FOUND', `No version ${wanted} of ${summary.id} is stored`);
    contentCache.set(key, library);
  }
  return { info, versions: summary.versions, library };
}

export interface LibraryExport {
  readonly fileName: string;
  readonly text: string;
  readonly info: StoredLibraryInfo;
}

/** A stored library written as a file; exports by a logged-in user are recorded in the audit trail. */
export async function exportFrameworkLibrary(
  db: Db,
  principal: Principal | null,
  request: { ref: string; format: LibraryFormat; version?: number | undefined; now: Date; origin?: RequestOrigin },
): Promise<LibraryExport> {
  const { info, library } = await getFrameworkLibrary(db, request.ref, request.version);
  const text = writeLibraryFile(library, request.format);
  if (principal) {
    await writeAuditEvent(db, {
      at: request.now,
      actorUserId: principal.userId === 'system' ? null : principal.userId,
      actorName: principal.displayName,
      organisationId: principal.organisationId,
      action: 'framework.export',
      objectType: 'framework-library',
      objectId: `${info.id}@${info.version}`,
      outcome: 'success',
      ip: request.origin?.ip ?? null,
      userAgent: request.origin?.userAgent ?? null,
      detail: { format: request.format },
    });
  }
  return { fileName: libraryFileName(library, request.format), text, info };
}
