/**
 * Reads a "Varde framework library" YAML file (docs/framework-format.md) into a checked, canonical
 * FrameworkLibrary, or throws FRAMEWORK_INVALID listing every problem with its file, line and field.
 */
import { checkLibrary, type IssueTarget, type LibraryDraft } from './check-library.js';
import { compact, FieldReader } from './field-reader.js';
import {
  datePattern,
  frameworkIdPattern,
  languagePattern,
  libraryIdPattern,
  mappingSetIdPattern,
  maxIdLength,
  nodeIdPattern,
} from './ids.js';
import { normalizeLibrary } from './normalize-library.js';
import { readCitation, readGuidance } from './read-shared-fields.js';
import {
  rationaleTypes,
  relationships,
  type FrameworkLibrary,
  type RationaleType,
  type Relationship,
} from './types.js';
import { fieldName, IssueList, loadYamlSource, type Path, type YamlLimits } from './yaml-source.js';

export const vardeFormat = 'varde-framework-library/1';
export const maxNodes = 20_000;
export const maxMappings = 100_000;

const fallbackLanguage = 'nb';

export function parseFrameworkLibrary(text: string, fileName: string, limits?: YamlLimits): FrameworkLibrary {
  const source = loadYamlSource(text, fileName, limits);
  const issues = new IssueList();
  const read = new FieldReader(source, issues);
  const draft = readDraft(read);
  if (draft) {
    const paths: Record<IssueTarget['kind'], (t: IssueTarget) => Path> = {
      library: () => ['library', 'id'],
      node: (t) => (t.kind === 'node' ? ['nodes', t.index, t.field] : []),
      guidance: (t) => (t.kind === 'guidance' ? ['nodes', t.node, 'guidance', t.index, 'target'] : []),
      level: (t) => (t.kind === 'level' ? ['scale', 'levels', t.index, 'value'] : []),
      group: (t) => (t.kind === 'group' ? ['implementationGroups', t.index, 'id'] : []),
      mappingSet: (t) => (t.kind === 'mappingSet' ? ['mappingSets', t.index, t.field] : []),
      mapping: (t) => (t.kind === 'mapping' ? ['mappingSets', t.set, 'mappings', t.index, t.field] : []),
    };
    checkLibrary(
      draft,
      (target) => {
        const path = paths[target.kind](target);
        return { place: source.place(path), field: fieldName(path) };
      },
      issues,
    );
  }
  issues.throwIfAny(fileName);
  return normalizeLibrary(draft as LibraryDraft);
}

function readDraft(read: FieldReader): LibraryDraft | undefined {
  const top = read.map(
    read.source.value,
    [],
    ['format', 'library', 'scale', 'implementationGroups', 'nodes', 'mappingSets'],
  );
  if (!top) return undefined;
  read.text(top.format, ['format'], { required: true, oneOf: [vardeFormat] });

  const info =
    read.map(
      top.library,
      ['library'],
      [
        'id',
        'refId',
        'name',
        'description',
        'version',
        'publisher',
        'language',
        'publicationDate',
        'source',
        'licenseNote',
      ],
    ) ?? {};
  const language =
    read.text(info.language, ['library', 'language'], {
      required: true,
      pattern: languagePattern,
      patternHint: 'a language code such as nb or en',
    }) ?? fallbackLanguage;
  const lang = (value: unknown, path: Path, required = false) => read.localized(value, path, language, { required });

  const draft: LibraryDraft = {
    library: compact({
      id: read.text(info.id, ['library', 'id'], {
        required: true,
        pattern: libraryIdPattern,
        patternHint: 'urn:<namespace>:framework:<name> or urn:<namespace>:library:<name>, in lower case',
        maxLength: maxIdLength,
      }),
      refId: read.text(info.refId, ['library', 'refId'], { maxLength: maxIdLength }),
      name: lang(info.name, ['library', 'name'], true),
      description: lang(info.description, ['library', 'description']),
      version: read.integer(info.version, ['library', 'version'], { required: true, min: 1 }),
      publisher: read.text(info.publisher, ['library', 'publisher'], { required: true }),
      language,
      publicationDate: read.text(info.publicationDate, ['library', 'publicationDate'], {
        pattern: datePattern,
        patternHint: 'a date written YYYY-MM-DD, in quotes',
      }),
      source: readCitation(read, info.source, ['library', 'source']),
      licenseNote: read.text(info.licenseNote, ['library', 'licenseNote']),
    }),
    nodes: [],
    mappingSets: [],
  };

  if (top.scale !== undefined) {
    const scale = read.map(top.scale, ['scale'], ['levels']);
    const levels = read.list(scale?.levels, ['scale', 'levels'], { required: true, max: 101 }) ?? [];
    if (scale && levels.length < 2) read.problem(['scale', 'levels'], 'a scale needs at least two levels');
    draft.scale = {
      levels: levels.map((value, i) => {
        const path = ['scale', 'levels', i];
        const level = read.map(value, path, ['value', 'name', 'description']) ?? {};
        return compact({
          value: read.integer(level.value, [...path, 'value'], { required: true, min: 0, max: 100 }),
          name: lang(level.name, [...path, 'name'], true),
          description: lang(level.description, [...path, 'description']),
        });
      }),
    };
  }

  const groups = read.list(top.implementationGroups, ['implementationGroups'], { max: 100 });
  if (groups) {
    draft.implementationGroups = groups.map((value, i) => {
      const path = ['implementationGroups', i];
      const group = read.map(value, path, ['id', 'name', 'description']) ?? {};
      return compact({
        id: read.text(group.id, [...path, 'id'], {
          required: true,
          pattern: nodeIdPattern,
          patternHint: 'letters, digits and ._-',
          maxLength: maxIdLength,
        }),
        name: lang(group.name, [...path, 'name'], true),
        description: lang(group.description, [...path, 'description']),
      });
    });
  }

  const nodes = read.list(top.nodes, ['nodes'], { max: maxNodes }) ?? [];
  draft.nodes = nodes.map((value, i) => readNode(read, value, ['nodes', i], lang));

  const sets = read.list(top.mappingSets, ['mappingSets'], { max: 1000 }) ?? [];
  let mappingCount = 0;
  draft.mappingSets = sets.map((value, s) => {
    const path = ['mappingSets', s];
    const set =
      read.map(value, path, ['id', 'name', 'description', 'sourceFramework', 'targetFramework', 'mappings']) ?? {};
    const frameworkId = {
      required: true,
      pattern: frameworkIdPattern,
      patternHint: 'a framework id, urn:<namespace>:framework:<name>',
      maxLength: maxIdLength,
    };
    const mappings =
      read.list(set.mappings, [...path, 'mappings'], { required: true, max: maxMappings - mappingCount }) ?? [];
    mappingCount += mappings.length;
    return {
      ...compact({
        id: read.text(set.id, [...path, 'id'], {
          required: true,
          pattern: mappingSetIdPattern,
          patternHint: 'urn:<namespace>:mapping:<name>, in lower case',
          maxLength: maxIdLength,
        }),
        name: lang(set.name, [...path, 'name'], true),
        description: lang(set.description, [...path, 'description']),
        sourceFramework: read.text(set.sourceFramework, [...path, 'sourceFramework'], frameworkId),
        targetFramework: read.text(set.targetFramework, [...path, 'targetFramework'], frameworkId),
      }),
      mappings: mappings.map((entry, m) => {
        const at = [...path, 'mappings', m];
        const mapping =
          read.map(entry, at, ['source', 'target', 'relationship', 'rationale', 'rationaleType', 'strength']) ?? {};
        return compact({
          source: read.text(mapping.source, [...at, 'source'], { required: true, maxLength: maxIdLength }),
          target: read.text(mapping.target, [...at, 'target'], { required: true, maxLength: maxIdLength }),
          relationship: read.text(mapping.relationship, [...at, 'relationship'], {
            required: true,
            oneOf: relationships,
          }) as Relationship | undefined,
          rationale: read.text(mapping.rationale, [...at, 'rationale'], { maxLength: 2000 }),
          rationaleType: read.text(mapping.rationaleType, [...at, 'rationaleType'], { oneOf: rationaleTypes }) as
            RationaleType | undefined,
          strength: read.integer(mapping.strength, [...at, 'strength'], { min: 0, max: 10 }),
        });
      }),
    };
  });
  return draft;
}

type ReadLocalized = (value: unknown, path: Path, required?: boolean) => Record<string, string> | undefined;

function readNode(read: FieldReader, value: unknown, path: Path, lang: ReadLocalized): LibraryDraft['nodes'][number] {
  const node =
    read.map(value, path, [
      'id',
      'parent',
      'refId',
      'title',
      'description',
      'annotation',
      'typicalEvidence',
      'assessable',
      'order',
      'implementationGroups',
      'guidance',
      'source',
      'provisional',
    ]) ?? {};
  const idRule = {
    pattern: nodeIdPattern,
    patternHint: 'letters, digits and ._:()[]- (no spaces), starting with a letter or digit',
    maxLength: maxIdLength,
  };
  const title = lang(node.title, [...path, 'title']);
  const description = lang(node.description, [...path, 'description']);
  if (node.title == null && node.description == null) read.problem(path, 'a node needs a title or a description');
  const groups = read.list(node.implementationGroups, [...path, 'implementationGroups'], { max: 100 });
  const guidance = read.list(node.guidance, [...path, 'guidance'], { max: 200 });
  return compact({
    id: read.text(node.id, [...path, 'id'], { required: true, ...idRule }),
    parent: read.text(node.parent, [...path, 'parent'], idRule),
    refId: read.text(node.refId, [...path, 'refId'], { maxLength: maxIdLength }),
    title,
    description,
    annotation: lang(node.annotation, [...path, 'annotation']),
    typicalEvidence: lang(node.typicalEvidence, [...path, 'typicalEvidence']),
    assessable: read.boolean(node.assessable, [...path, 'assessable'], { required: true }),
    order: read.integer(node.order, [...path, 'order'], { min: 1, max: 1_000_000 }),
    implementationGroups: groups?.flatMap(
      (group, g) => read.text(group, [...path, 'implementationGroups', g], { required: true, ...idRule }) ?? [],
    ),
    guidance: guidance?.map((ref, g) => readGuidance(read, ref, [...path, 'guidance', g])),
    source: readCitation(read, node.source, [...path, 'source']),
    provisional: read.boolean(node.provisional, [...path, 'provisional']),
  });
}
