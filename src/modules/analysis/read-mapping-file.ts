/**
 * Reads a measure-mapping file (data/analysis/*.yaml, format `varde-measure-mapping/1`) and checks it against the
 * catalogue edition and the framework it names: every measure of the edition listed once, every target existing,
 * strengths valid, a reason in bokmål and English on every link. All problems come together as MAPPING_INVALID,
 * each with file, line and field; nothing half-valid is returned.
 */
import { FieldReader } from '../../platform/data/field-reader.js';
import { readYamlSource, type PathSegment } from '../../platform/data/yaml-source.js';
import { AppError } from '../../platform/errors.js';
import { checkLinks, type LinkContext } from './check-links.js';
import { dimensions, strengths, type MappingFile, type MappingLink, type MeasureMapping } from './types.js';

export const mappingFormat = 'varde-measure-mapping/1';

function readLinks(r: FieldReader, path: readonly PathSegment[]): MappingLink[] {
  return r.list(path, { optional: true }).map((_, i) => ({
    target: r.string([...path, i, 'target']),
    strength: r.oneOf([...path, i, 'strength'], strengths),
    rationale: { nb: r.string([...path, i, 'rationale', 'nb']), en: r.string([...path, i, 'rationale', 'en']) },
  }));
}

/** Parses the file's structure (no cross-checks): used by `readMappingFile` and to learn which edition it is for. */
export function parseMappingFile(text: string, fileName: string): { file: MappingFile; reader: FieldReader } {
  const read = readYamlSource(text, fileName);
  if ('errors' in read) throw new AppError('MAPPING_INVALID', `${fileName} cannot be read`, read.errors);
  const r = new FieldReader(read.source);
  const format = r.string(['format']);
  if (format && format !== mappingFormat) r.fail(['format'], `must be "${mappingFormat}"; got "${format}"`);
  const version = r.integer(['version']);
  if (version < 1) r.fail(['version'], 'must be 1 or more');
  const file: MappingFile = {
    id: r.string(['id']),
    version,
    editionId: r.string(['edition']),
    frameworkId: r.string(['framework']),
    title: { nb: r.string(['title', 'nb']), en: r.string(['title', 'en']) },
    analysis: { nb: r.string(['analysis', 'nb']), en: r.string(['analysis', 'en']) },
    source: {
      document: r.string(['source', 'document']),
      ...(r.optionalString(['source', 'note']) ? { note: r.optionalString(['source', 'note']) as string } : {}),
    },
    measures: r.list(['measures']).map((_, i): MeasureMapping => {
      const at = ['measures', i];
      return {
        measureId: r.string([...at, 'measure']),
        principles: readLinks(r, [...at, 'principles']),
        goals: readLinks(r, [...at, 'goals']),
        strategicAreas: readLinks(r, [...at, 'strategicAreas']),
      };
    }),
  };
  return { file, reader: r };
}

export function readMappingFile(text: string, fileName: string, context: LinkContext): MappingFile {
  const { file, reader: r } = parseMappingFile(text, fileName);
  if (file.editionId && file.editionId !== context.editionId)
    r.fail(['edition'], `is "${file.editionId}", but the mapping is checked against edition "${context.editionId}"`);
  if (file.frameworkId && file.frameworkId !== context.frameworkId)
    r.fail(['framework'], `is "${file.frameworkId}", but "${context.frameworkId}" was loaded`);
  r.uniqueIds(
    ['measures'],
    file.measures.map((m) => m.measureId),
    'measure',
  );
  const listed = new Set(file.measures.map((m) => m.measureId));
  for (const id of context.measureIds) {
    if (!listed.has(id))
      r.fail(['measures'], `measure "${id}" is missing; list it with empty lists if it supports nothing`);
  }
  file.measures.forEach((mapping, i) => {
    if (mapping.measureId && !context.measureIds.has(mapping.measureId))
      r.fail(['measures', i, 'measure'], `measure "${mapping.measureId}" is not in edition ${context.editionId}`);
    for (const dimension of dimensions) {
      for (const issue of checkLinks(mapping[dimension], dimension, context)) {
        r.fail(['measures', i, dimension, ...issue.path], issue.message);
      }
    }
  });
  if (r.errors.length > 0)
    throw new AppError('MAPPING_INVALID', `${fileName} has ${r.errors.length} problem(s)`, r.errors);
  return file;
}
