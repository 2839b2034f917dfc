/**
 * The catalogue's use cases: import an edition (all-or-nothing, refused editions leave the stored one untouched),
 * keep the shipped editions in sync at start-up, and read the current or a named edition.
 */
import type { Db } from '../../platform/db/database.js';
import { AppError, isAppError } from '../../platform/errors.js';
import {
  findEditionHash,
  listEditionInfos,
  loadEditionContent,
  recordEditionLoad,
  saveEdition,
} from './catalogue-repository.js';
import { listEditionFolders, loadEditionFolder, type LoadedEdition } from './load-edition.js';
import type { CatalogueEdition, EditionInfo } from './types.js';

export type EditionImportOutcome =
  | { readonly folder: string; readonly editionId: string; readonly outcome: 'imported' | 'unchanged' }
  | {
      readonly folder: string;
      readonly editionId: string | null;
      readonly outcome: 'refused';
      readonly error: AppError;
    };

export async function storeEdition(db: Db, loaded: LoadedEdition, now: Date): Promise<'imported' | 'unchanged'> {
  const { id, supersedes } = loaded.content.edition;
  if ((await findEditionHash(db, id)) === loaded.contentHash) return 'unchanged';
  if (supersedes && supersedes !== id && (await findEditionHash(db, supersedes)) === null) {
    throw new AppError('EDITION_INVALID', `Edition ${id} supersedes ${supersedes}, which is not stored`, [
      { place: `${id}/edition.yaml`, field: 'supersedes', message: `edition "${supersedes}" must be imported first` },
    ]);
  }
  await db.transaction().execute(async (trx) => saveEdition(trx, loaded, now));
  await recordEditionLoad(db, {
    editionId: id,
    contentHash: loaded.contentHash,
    outcome: 'imported',
    detail: {},
    at: now,
  });
  editionCache.clear();
  return 'imported';
}

export async function importEditionFolder(db: Db, folder: string, now: Date): Promise<EditionImportOutcome> {
  try {
    const loaded = await loadEditionFolder(folder);
    const outcome = await storeEdition(db, loaded, now);
    return { folder, editionId: loaded.content.edition.id, outcome };
  } catch (error) {
    if (!isAppError(error)) throw error;
    await recordEditionLoad(db, {
      editionId: folder.split('/').at(-1) ?? folder,
      contentHash: '',
      outcome: 'refused',
      detail: { code: error.code, message: error.message, details: error.details },
      at: now,
    });
    return { folder, editionId: null, outcome: 'refused', error };
  }
}

/** Imports every shipped edition in order (older first, so `supersedes` resolves); refused ones are reported, not fatal. */
export async function syncShippedEditions(db: Db, now: Date, root?: string): Promise<EditionImportOutcome[]> {
  const outcomes: EditionImportOutcome[] = [];
  for (const folder of await listEditionFolders(root)) outcomes.push(await importEditionFolder(db, folder, now));
  return outcomes;
}

const editionCache = new Map<string, CatalogueEdition>();

export async function listEditions(db: Db): Promise<EditionInfo[]> {
  return listEditionInfos(db);
}

/** The edition asked for, or the newest published one. */
export async function getEdition(db: Db, editionId?: string): Promise<CatalogueEdition> {
  const editions = await listEditionInfos(db);
  const chosen = editionId ? editions.find((e) => e.id === editionId) : editions.find((e) => e.status === 'published');
  if (!chosen) {
    throw new AppError(
      'EDITION_NOT_FOUND',
      editionId ? `No catalogue edition "${editionId}"` : 'No published catalogue edition is stored',
    );
  }
  const hash = await findEditionHash(db, chosen.id);
  const key = `${chosen.id}:${hash}`;
  const cached = editionCache.get(key);
  if (cached) return cached;
  const content = await loadEditionContent(db, chosen.id);
  if (!content) throw new AppError('EDITION_NOT_FOUND', `No catalogue edition "${chosen.id}"`);
  editionCache.set(key, content);
  return content;
}
