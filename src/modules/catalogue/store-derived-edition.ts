/**
 * Storing an edition that was made in Varde rather than loaded from a folder of YAML files: the analysis module
 * publishes a draft (proposed measures over a published edition) as a new edition this way. The content gets the
 * same checks a folder gets (ids, areas, actors, audiences, responsibility), a content hash of its canonical JSON,
 * and is stored inside the caller's transaction, so the caller's own rows are written with it or not at all.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { findEditionHash, recordEditionLoad, saveEdition } from './catalogue-repository.js';
import { audienceTags, measureKinds, measureStatuses, type CatalogueEdition } from './types.js';

const measureIdPattern = /^\d+\.\d+$/;

/** Every problem with an edition's measures, as `{ place: "<edition>", field: "measures[3].area", message }`. */
export function checkEditionContent(content: CatalogueEdition): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const place = content.edition.id || '(edition)';
  const fail = (field: string, message: string) => problems.push({ place, field, message });
  if (!content.edition.id.trim()) fail('edition.id', 'is missing');
  const areaIds = new Set(content.areas.map((a) => a.id));
  const actorIds = new Set(content.actors.map((a) => a.id));
  const seen = new Set<string>();
  content.measures.forEach((m, i) => {
    const at = `measures[${i}]`;
    if (!measureIdPattern.test(m.id)) fail(`${at}.id`, `must look like "1.7"; got "${m.id}"`);
    if (seen.has(m.id)) fail(`${at}.id`, `duplicate measure id "${m.id}"`);
    seen.add(m.id);
    if (!areaIds.has(m.areaId)) fail(`${at}.area`, `area "${m.areaId}" is not in the edition`);
    else if (!m.id.startsWith(`${m.areaId}.`))
      fail(`${at}.area`, `measure "${m.id}" does not belong to area "${m.areaId}"`);
    if (!m.title.trim()) fail(`${at}.title`, 'is missing');
    if (!m.description.trim()) fail(`${at}.description`, 'is missing');
    if (!measureKinds.includes(m.kind)) fail(`${at}.kind`, `must be one of ${measureKinds.join(', ')}`);
    if (!measureStatuses.includes(m.status)) fail(`${at}.status`, `must be one of ${measureStatuses.join(', ')}`);
    m.relevantFor.audiences.forEach((tag, j) => {
      if (!audienceTags.includes(tag)) fail(`${at}.relevantFor.audiences[${j}]`, `unknown audience "${tag}"`);
    });
    [...m.responsible.actorIds, ...m.relevantFor.actorIds].forEach((id) => {
      if (!actorIds.has(id)) fail(`${at}.actors`, `actor "${id}" is not in the edition`);
    });
    const unplaced = m.responsible.status === 'unplaced';
    if (unplaced !== (m.responsible.actorIds.length === 0))
      fail(`${at}.responsible`, 'a measure is unplaced ("Avklares") exactly when it names no responsible actor');
  });
  return problems;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Stores a new edition made in Varde. Refused (EDITION_INVALID) when its id is taken or its content has problems. */
export async function storeDerivedEdition(
  trx: Transaction<Database>,
  content: CatalogueEdition,
  now: Date,
): Promise<{ editionId: string; contentHash: string }> {
  const { id, supersedes } = content.edition;
  const problems = checkEditionContent(content);
  if ((await findEditionHash(trx, id)) !== null)
    problems.push({ place: id, field: 'edition.id', message: `an edition "${id}" is already stored` });
  if (supersedes && (await findEditionHash(trx, supersedes)) === null)
    problems.push({ place: id, field: 'edition.supersedes', message: `edition "${supersedes}" is not stored` });
  if (problems.length > 0) throw new AppError('EDITION_INVALID', `Edition ${id} cannot be stored`, problems);
  const contentHash = createHash('sha256').update(canonical(content)).digest('hex');
  await saveEdition(trx, { content, contentHash }, now);
  await recordEditionLoad(trx, { editionId: id, contentHash, outcome: 'imported', detail: { derived: true }, at: now });
  return { editionId: id, contentHash };
}
