/**
 * Loads one catalogue edition from its folder of YAML files and checks it whole: every file's fields, unique ids,
 * and every cross-reference (a measure's area and actors exist, "Avklares" means no actor). All problems are
 * collected and thrown together as EDITION_INVALID, each naming file, line and field, so nothing half-valid is
 * ever stored.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FieldReader } from '../../platform/data/field-reader.js';
import { readYamlSource } from '../../platform/data/yaml-source.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import {
  readActors,
  readAreas,
  readBasicMeasures,
  readEditionInfo,
  readMeasures,
  readStrategy,
} from './read-edition-parts.js';
import type { Actor, CatalogueEdition, Measure, NationalArea } from './types.js';

export const editionFiles = [
  'edition.yaml',
  'strategy.yaml',
  'areas.yaml',
  'actors.yaml',
  'measures.yaml',
  'basic-measures.yaml',
] as const;
type EditionFile = (typeof editionFiles)[number];

export interface LoadedEdition {
  readonly content: CatalogueEdition;
  /** Hash of the files' bytes: an unchanged edition is not imported again. */
  readonly contentHash: string;
}

function checkMeasureReferences(
  r: FieldReader,
  measures: readonly Measure[],
  areas: readonly NationalArea[],
  actors: readonly Actor[],
): void {
  const areaIds = new Set(areas.map((a) => a.id));
  const actorIds = new Set(actors.map((a) => a.id));
  measures.forEach((measure, i) => {
    const at = ['measures', i];
    if (measure.areaId && !areaIds.has(measure.areaId))
      r.fail([...at, 'area'], `area "${measure.areaId}" is not in areas.yaml`);
    if (measure.id && measure.areaId && !measure.id.startsWith(`${measure.areaId}.`)) {
      r.fail([...at, 'area'], `measure "${measure.id}" does not belong to area "${measure.areaId}"`);
    }
    measure.responsible.actorIds.forEach((id, j) => {
      if (!actorIds.has(id)) r.fail([...at, 'responsible', 'actors', j], `actor "${id}" is not in actors.yaml`);
    });
    measure.relevantFor.actorIds.forEach((id, j) => {
      if (!actorIds.has(id)) r.fail([...at, 'relevantFor', 'actors', j], `actor "${id}" is not in actors.yaml`);
    });
    const unplaced = measure.responsible.status === 'unplaced';
    if (unplaced && measure.responsible.actorIds.length > 0) {
      r.fail([...at, 'responsible', 'actors'], 'an unplaced measure ("Avklares") has no responsible actors');
    }
    if (!unplaced && measure.responsible.actorIds.length === 0) {
      r.fail([...at, 'responsible', 'actors'], 'a placed measure names at least one responsible actor');
    }
  });
}

function checkActorReferences(r: FieldReader, actors: readonly Actor[]): void {
  const ids = new Set(actors.map((a) => a.id));
  actors.forEach((actor, i) => {
    if (actor.partOf && !ids.has(actor.partOf))
      r.fail(['actors', i, 'partOf'], `actor "${actor.partOf}" is not in actors.yaml`);
  });
}

/** Parses and validates an edition given the text of its files (pure: used by tests and by `loadEditionFolder`). */
export function parseEdition(files: Readonly<Record<EditionFile, string>>, folderLabel: string): LoadedEdition {
  const errors: ErrorDetail[] = [];
  const readers = {} as Record<EditionFile, FieldReader>;
  for (const name of editionFiles) {
    const result = readYamlSource(files[name], `${folderLabel}/${name}`);
    if ('errors' in result) errors.push(...result.errors);
    else readers[name] = new FieldReader(result.source);
  }
  if (errors.length > 0)
    throw new AppError('EDITION_INVALID', `Catalogue edition ${folderLabel} cannot be read`, errors);

  const edition = readEditionInfo(readers['edition.yaml']);
  const strategy = readStrategy(readers['strategy.yaml']);
  const areas = readAreas(readers['areas.yaml']);
  const actors = readActors(readers['actors.yaml']);
  const measures = readMeasures(readers['measures.yaml']);
  const basic = readBasicMeasures(readers['basic-measures.yaml']);
  checkActorReferences(readers['actors.yaml'], actors);
  checkMeasureReferences(readers['measures.yaml'], measures, areas, actors);
  for (const reader of Object.values(readers)) errors.push(...reader.errors);
  if (errors.length > 0) {
    throw new AppError('EDITION_INVALID', `Catalogue edition ${folderLabel} has ${errors.length} problem(s)`, errors);
  }
  const hash = createHash('sha256');
  for (const name of editionFiles) hash.update(name).update('\0').update(files[name]).update('\0');
  return { content: { edition, strategy, areas, actors, measures, basic }, contentHash: hash.digest('hex') };
}

export async function loadEditionFolder(folder: string): Promise<LoadedEdition> {
  const files = {} as Record<EditionFile, string>;
  const missing: ErrorDetail[] = [];
  for (const name of editionFiles) {
    try {
      files[name] = await fs.readFile(path.join(folder, name), 'utf8');
    } catch {
      missing.push({ place: path.join(folder, name), message: 'file is missing or unreadable' });
    }
  }
  if (missing.length > 0)
    throw new AppError('EDITION_INVALID', `Catalogue edition in ${folder} is incomplete`, missing);
  return parseEdition(files, path.basename(folder));
}

/** The shipped editions: data/catalogue/editions/<id>/. */
export const shippedEditionsDir = path.resolve(import.meta.dirname, '../../../data/catalogue/editions');

export async function listEditionFolders(root: string = shippedEditionsDir): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => path.join(root, e.name))
    .sort();
}
