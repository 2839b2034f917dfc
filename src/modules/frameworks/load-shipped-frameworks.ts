/**
 * Loads the framework libraries Varde ships in data/frameworks/ and checks them together: every file must parse,
 * and every mapping and guidance reference must resolve. A broken data file stops the load with every problem.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../../platform/errors.js';
import { checkReferences, type NamedLibrary } from './check-references.js';
import { parseFrameworkLibrary } from './parse-framework-library.js';
import type { FrameworkLibrary } from './types.js';

export const shippedFrameworksDir = fileURLToPath(new URL('../../../data/frameworks/', import.meta.url));

export async function loadShippedFrameworkFiles(dir: string = shippedFrameworksDir): Promise<NamedLibrary[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const libraries: NamedLibrary[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    libraries.push({ fileName: name, library: parseFrameworkLibrary(text, name) });
  }
  const problems = checkReferences(libraries);
  if (problems.length > 0) {
    throw new AppError(
      'FRAMEWORK_INVALID',
      `shipped framework libraries: ${problems.length} broken reference(s)`,
      problems,
    );
  }
  return libraries;
}

/** The shipped libraries, sorted by file name. */
export async function loadShippedFrameworks(dir?: string): Promise<FrameworkLibrary[]> {
  return (await loadShippedFrameworkFiles(dir)).map(({ library }) => library);
}
