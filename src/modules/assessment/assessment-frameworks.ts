/**
 * The frameworks an enterprise can assess itself against: the libraries the frameworks module stores (falling back
 * to the shipped files when the database has not been synced, as in unit tests), those with assessable nodes only.
 */
import type { Db } from '../../platform/db/database.js';
import { AppError, isAppError } from '../../platform/errors.js';
import {
  getFrameworkLibrary,
  listFrameworkLibraries,
  loadShippedFrameworks,
  type FrameworkLibrary,
} from '../frameworks/index.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { frameworkView, type FrameworkView } from './requirements.js';

export const basicMeasuresFramework = 'urn:varde:framework:grunnleggende-tiltak-v0.7';

let shipped: Promise<FrameworkLibrary[]> | null = null;
const shippedLibraries = () => (shipped ??= loadShippedFrameworks());

async function library(db: Db, id: string): Promise<FrameworkLibrary> {
  try {
    return (await getFrameworkLibrary(db, id)).library;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FRAMEWORK_NOT_FOUND') throw error;
    const found = (await shippedLibraries()).find((l) => l.library.id === id);
    if (!found) throw new AppError('FRAMEWORK_NOT_FOUND', `No framework "${id}"`);
    return found;
  }
}

export async function getFrameworkView(db: Db, id: string): Promise<FrameworkView> {
  const content = await shippedAssessmentContent();
  const view = frameworkView(await library(db, id), content.scale);
  if (view.requirements.length === 0) {
    throw new AppError('VALIDATION_FAILED', `Framework "${id}" has no requirements to assess`, [
      { field: 'frameworkId', message: 'has no assessable requirements' },
    ]);
  }
  return view;
}

export interface AssessableFramework {
  id: string;
  refId: string;
  name: { nb: string; en: string };
  requirementCount: number;
}

export async function listAssessableFrameworks(db: Db): Promise<AssessableFramework[]> {
  const stored = await listFrameworkLibraries(db).catch(() => []);
  const ids = stored.length > 0 ? stored.map((s) => s.id) : (await shippedLibraries()).map((l) => l.library.id);
  const content = await shippedAssessmentContent();
  const result: AssessableFramework[] = [];
  for (const id of ids) {
    const view = frameworkView(await library(db, id), content.scale);
    if (view.requirements.length > 0)
      result.push({ id: view.id, refId: view.refId, name: view.name, requirementCount: view.requirements.length });
  }
  // The basic measures first: that is where every enterprise starts.
  return result.sort((a, b) =>
    a.id === basicMeasuresFramework ? -1 : b.id === basicMeasuresFramework ? 1 : a.id.localeCompare(b.id),
  );
}
