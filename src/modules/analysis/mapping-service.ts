/**
 * The measure mapping's use cases: keep the shipped mapping files loaded (like the catalogue's editions), read an
 * edition's current links, and let the strategy owner change one measure's links, each change a new revision with
 * author, time and reason.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../platform/db/database.js';
import { AppError, isAppError, type ErrorDetail } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { getEdition } from '../catalogue/index.js';
import { getFrameworkLibrary } from '../frameworks/index.js';
import { authorOf, requireLoggedIn, requireStrategyOwner, type RequestOrigin } from './analysis-access.js';
import { linkContext } from './analysis-targets.js';
import { checkLinks } from './check-links.js';
import {
  currentRevisions,
  findMappingSet,
  insertRevision,
  revisionHistory,
  saveMappingSet,
  type MappingRevision,
  type MappingSetInfo,
} from './mapping-repository.js';
import { parseMappingFile, readMappingFile } from './read-mapping-file.js';
import { dimensions, type Dimension, type MeasureLinks } from './types.js';

export const shippedMappingsDir = path.resolve(import.meta.dirname, '../../../data/analysis');

export type MappingSyncOutcome =
  | {
      readonly fileName: string;
      readonly editionId: string;
      readonly outcome: 'imported' | 'unchanged';
      readonly added: number;
      readonly updated: number;
      /** Measures whose links the strategy owner has changed: a newer shipped file does not overwrite them. */
      readonly keptEdited: string[];
    }
  | { readonly fileName: string; readonly outcome: 'refused'; readonly error: AppError };

/** Link lists compared by content (PostgreSQL's jsonb does not keep key order, so compare sorted keys). */
const linkKey = (links: MeasureLinks[Dimension]) =>
  JSON.stringify(links.map((l) => [l.target, l.strength, l.rationale.nb, l.rationale.en]));
const sameLinks = (a: MeasureLinks, b: MeasureLinks) => dimensions.every((d) => linkKey(a[d]) === linkKey(b[d]));

async function syncFile(db: Db, dir: string, fileName: string, now: Date): Promise<MappingSyncOutcome> {
  const text = await readFile(path.join(dir, fileName), 'utf8');
  const { file: head } = parseMappingFile(text, fileName);
  const edition = await getEdition(db, head.editionId).catch((error: unknown) => {
    throw isAppError(error)
      ? new AppError('MAPPING_INVALID', `${fileName}: edition ${head.editionId} is not stored`, [
          { place: fileName, field: 'edition', message: `edition "${head.editionId}" is not stored` },
        ])
      : error;
  });
  const { library } = await getFrameworkLibrary(db, head.frameworkId).catch((error: unknown) => {
    throw isAppError(error)
      ? new AppError('MAPPING_INVALID', `${fileName}: framework ${head.frameworkId} is not stored`, [
          { place: fileName, field: 'framework', message: `framework "${head.frameworkId}" is not stored` },
        ])
      : error;
  });
  const file = readMappingFile(text, fileName, linkContext(edition, library));
  const fileHash = createHash('sha256').update(text).digest('hex');
  const set = await findMappingSet(db, file.editionId);
  if (set?.fileHash === fileHash)
    return { fileName, editionId: file.editionId, outcome: 'unchanged', added: 0, updated: 0, keptEdited: [] };
  if (set && set.fileVersion !== null && set.fileVersion >= file.version && set.fileHash !== fileHash) {
    throw new AppError('MAPPING_INVALID', `${fileName} changed without a new version number`, [
      {
        place: fileName,
        field: 'version',
        message: `version ${file.version} is already loaded with other content; raise it`,
      },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    await saveMappingSet(
      trx,
      {
        editionId: file.editionId,
        mappingId: file.id,
        frameworkId: file.frameworkId,
        fileVersion: file.version,
        fileHash,
        title: file.title,
        analysis: file.analysis,
        source: file.source,
      },
      now,
    );
    const current = new Map((await currentRevisions(trx, file.editionId)).map((r) => [r.measureId, r]));
    let added = 0;
    let updated = 0;
    const keptEdited: string[] = [];
    for (const mapping of file.measures) {
      const { measureId, ...links } = mapping;
      const latest = current.get(measureId);
      if (latest && sameLinks(latest.links, links)) continue;
      if (latest && latest.origin !== 'shipped') {
        keptEdited.push(measureId);
        continue;
      }
      await insertRevision(trx, {
        editionId: file.editionId,
        measureId,
        revision: (latest?.revision ?? 0) + 1,
        links,
        origin: 'shipped',
        fileVersion: file.version,
        note: `${fileName} versjon ${file.version}`,
        authorUserId: null,
        authorName: null,
        at: now,
      });
      if (latest) updated += 1;
      else added += 1;
    }
    return { fileName, editionId: file.editionId, outcome: 'imported' as const, added, updated, keptEdited };
  });
}

/** Loads every shipped mapping file; a refused file is reported and the stored mapping is kept. */
export async function syncShippedMappings(
  db: Db,
  now: Date,
  dir: string = shippedMappingsDir,
): Promise<MappingSyncOutcome[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.yaml')).sort();
  const outcomes: MappingSyncOutcome[] = [];
  for (const fileName of names) {
    try {
      outcomes.push(await syncFile(db, dir, fileName, now));
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.push({ fileName, outcome: 'refused', error });
    }
  }
  return outcomes;
}

export interface StoredMapping {
  readonly set: MappingSetInfo;
  readonly revisions: MappingRevision[];
}

export async function loadMapping(db: Db, editionId: string): Promise<StoredMapping> {
  const set = await findMappingSet(db, editionId);
  if (!set)
    throw new AppError('ANALYSIS_FRAMEWORK_NOT_MAPPED', `No measure mapping is stored for edition ${editionId}`);
  return { set, revisions: await currentRevisions(db, editionId) };
}

export interface LinkEdit {
  readonly editionId?: string | undefined;
  readonly measureId: string;
  readonly links: MeasureLinks;
  /** Why the links change: kept with the revision. */
  readonly note: string;
  /** The revision the editor started from; a newer one in the store means someone else changed it first. */
  readonly expectedRevision?: number | undefined;
  readonly now: Date;
  readonly origin?: RequestOrigin;
}

/** The strategy owner changes one measure's links in a published edition's mapping. */
export async function editMeasureLinks(db: Db, principal: Principal | null, edit: LinkEdit): Promise<MappingRevision> {
  requireStrategyOwner(principal, 'change the measure mapping');
  const edition = await getEdition(db, edit.editionId);
  const editionId = edition.edition.id;
  const { set } = await loadMapping(db, editionId);
  const { library } = await getFrameworkLibrary(db, set.frameworkId);
  const context = linkContext(edition, library);
  const problems: ErrorDetail[] = [];
  if (!context.measureIds.has(edit.measureId))
    problems.push({ field: 'measureId', message: `no active measure ${edit.measureId} in edition ${editionId}` });
  if (!edit.note.trim()) problems.push({ field: 'note', message: 'say why the links change' });
  for (const dimension of dimensions) {
    for (const issue of checkLinks(edit.links[dimension], dimension, context)) {
      problems.push({
        field: `links.${dimension}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`,
        message: issue.message,
      });
    }
  }
  if (problems.length > 0) throw new AppError('MAPPING_INVALID', 'The links cannot be saved', problems);
  const author = authorOf(principal);
  return db.transaction().execute(async (trx) => {
    const latest = (await revisionHistory(trx, editionId, edit.measureId))[0];
    if (edit.expectedRevision !== undefined && (latest?.revision ?? 0) !== edit.expectedRevision) {
      throw new AppError(
        'MAPPING_REVISION_CONFLICT',
        `Measure ${edit.measureId}'s links were changed by ${latest?.authorName ?? 'someone else'} (revision ${latest?.revision}); reload and try again`,
      );
    }
    const revision = {
      editionId,
      measureId: edit.measureId,
      revision: (latest?.revision ?? 0) + 1,
      links: {
        principles: edit.links.principles,
        goals: edit.links.goals,
        strategicAreas: edit.links.strategicAreas,
      },
      origin: 'edit' as const,
      fileVersion: null,
      note: edit.note.trim(),
      authorUserId: author.userId,
      authorName: author.name,
      at: edit.now,
    };
    await insertRevision(trx, revision);
    await writeAuditEvent(trx, {
      at: edit.now,
      actorUserId: author.userId,
      actorName: author.name,
      organisationId: principal.organisationId,
      action: 'analysis.mapping-edit',
      objectType: 'measure-mapping',
      objectId: `${editionId}/${edit.measureId}@${revision.revision}`,
      outcome: 'success',
      ip: edit.origin?.ip ?? null,
      userAgent: edit.origin?.userAgent ?? null,
      detail: { note: revision.note },
    });
    return { ...revision, at: edit.now.toISOString() };
  });
}

/** Every revision of one measure's links, newest first. Names of editors are shown to logged-in users only. */
export async function measureLinkHistory(
  db: Db,
  principal: Principal | null,
  query: { editionId?: string | undefined; measureId: string },
): Promise<MappingRevision[]> {
  requireLoggedIn(principal, 'see the history of the mapping');
  const edition = await getEdition(db, query.editionId);
  const history = await revisionHistory(db, edition.edition.id, query.measureId);
  if (history.length === 0)
    throw new AppError(
      'MEASURE_NOT_FOUND',
      `No links are stored for measure ${query.measureId} in ${edition.edition.id}`,
    );
  return history;
}
