/**
 * Keeps the libraries shipped in data/frameworks/ stored, as the catalogue does with its editions: at start every
 * shipped file is read and checked together with the others; a new library or version is stored, an unchanged one
 * is left alone, and a broken file (or one that changed without a new version number) is refused and reported
 * while the stored versions stay as they were.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../platform/db/database.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { checkReferences, type NamedLibrary } from './check-references.js';
import { recordShippedLoad } from './frameworks-repository.js';
import { storeLibraryVersion } from './frameworks-service.js';
import { sha256 } from './library-files.js';
import { shippedFrameworksDir } from './load-shipped-frameworks.js';
import { parseFrameworkLibrary } from './parse-framework-library.js';

export type ShippedFrameworkOutcome =
  | {
      readonly fileName: string;
      readonly libraryId: string;
      readonly version: number;
      readonly outcome: 'imported' | 'unchanged';
    }
  | {
      readonly fileName: string;
      readonly libraryId: string | null;
      readonly outcome: 'refused';
      readonly error: AppError;
    };

export async function syncShippedFrameworks(
  db: Db,
  now: Date,
  dir: string = shippedFrameworksDir,
): Promise<ShippedFrameworkOutcome[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.yaml')).sort();
  const outcomes: ShippedFrameworkOutcome[] = [];
  const parsed: (NamedLibrary & { text: string })[] = [];
  const refuse = async (fileName: string, text: string, libraryId: string | null, error: AppError) => {
    outcomes.push({ fileName, libraryId, outcome: 'refused', error });
    await recordShippedLoad(db, {
      fileName,
      libraryId,
      version: null,
      sourceHash: sha256(text),
      outcome: 'refused',
      detail: { code: error.code, message: error.message, details: error.details },
      at: now,
    });
  };
  for (const fileName of names) {
    const text = await readFile(join(dir, fileName), 'utf8');
    try {
      parsed.push({ fileName, text, library: parseFrameworkLibrary(text, fileName) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      await refuse(fileName, text, null, error);
    }
  }
  const problems = checkReferences(parsed);
  for (const { fileName, text, library } of parsed) {
    const own = problems.filter((p) => p.place === fileName);
    if (own.length > 0) {
      await refuse(
        fileName,
        text,
        library.library.id,
        new AppError('FRAMEWORK_INVALID', `${fileName}: ${own.length} broken reference(s)`, own),
      );
      continue;
    }
    try {
      const stored = await storeLibraryVersion(db, {
        library,
        sourceText: text,
        sourceName: fileName,
        sourceFormat: 'varde',
        origin: 'shipped',
        principal: null,
        now,
      });
      outcomes.push({
        fileName,
        libraryId: library.library.id,
        version: library.library.version,
        outcome: stored.outcome,
      });
      if (stored.outcome === 'imported') {
        await recordShippedLoad(db, {
          fileName,
          libraryId: library.library.id,
          version: library.library.version,
          sourceHash: sha256(text),
          outcome: 'imported',
          detail: {},
          at: now,
        });
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      await refuse(fileName, text, library.library.id, error);
    }
  }
  return outcomes;
}
