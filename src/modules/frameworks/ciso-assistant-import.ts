/**
 * Reads a CISO Assistant library YAML file (a framework with its requirement nodes, and/or requirement mapping
 * sets) into a checked FrameworkLibrary. The file goes through the same safe YAML loading and the same tree and
 * mapping checks as Varde's own format; problems name the CISO field and line.
 *
 * Carried over: library and framework metadata, translations, scores_definition (as the maturity scale),
 * implementation groups, node urn/parent_urn/ref_id/name/description/annotation/typical_evidence/assessable/
 * implementation_groups, mapping sets with relationship, rationale, strength and annotation, and Varde's own
 * `x_varde` fields. Not carried over: questions, reference controls, threats, risk matrices (docs/framework-format.md).
 */
import { checkLibrary, type IssueTarget, type LibraryDraft } from './check-library.js';
import { compact, FieldReader } from './field-reader.js';
import {
  datePattern,
  frameworkIdFromCisoUrn,
  languagePattern,
  libraryIdFromCisoUrn,
  mappingSetIdFromCisoUrn,
  nodeIdFromCisoUrn,
  nodeIdPattern,
  parseLibraryId,
} from './ids.js';
import { normalizeLibrary } from './normalize-library.js';
import { maxMappings, maxNodes } from './parse-framework-library.js';
import { readCitation, readGuidance } from './read-shared-fields.js';
import { localized, readMapping } from './ciso-assistant-fields.js';
import { type FrameworkLibrary } from './types.js';
import { fieldName, IssueList, loadYamlSource, type Path, type YamlLimits } from './yaml-source.js';

const frameworkPath = ['objects', 'framework'];
const nodesPath = [...frameworkPath, 'requirement_nodes'];

export function fromCisoAssistantYaml(text: string, fileName: string, limits?: YamlLimits): FrameworkLibrary {
  const source = loadYamlSource(text, fileName, limits);
  const issues = new IssueList();
  const read = new FieldReader(source, issues);
  const setPaths: Path[] = [];
  const draft = readDraft(read, setPaths);
  if (draft) {
    const nodeField = {
      id: 'urn',
      parent: 'parent_urn',
      order: 'urn',
      implementationGroups: 'implementation_groups',
    } as const;
    const pathOf = (t: IssueTarget): Path => {
      switch (t.kind) {
        case 'library':
          return draft.nodes.length > 0 ? [...frameworkPath, 'urn'] : ['urn'];
        case 'node':
          return [...nodesPath, t.index, nodeField[t.field]];
        case 'guidance':
          return [...nodesPath, t.node, 'x_varde', 'guidance', t.index, 'target'];
        case 'level':
          return [...frameworkPath, 'scores_definition', t.index, 'score'];
        case 'group':
          return [...frameworkPath, 'implementation_groups_definition', t.index, 'ref_id'];
        case 'mappingSet':
          return [...(setPaths[t.index] ?? []), 'urn'];
        case 'mapping':
          return [...(setPaths[t.set] ?? []), 'requirement_mappings', t.index, `${t.field}_requirement_urn`];
      }
    };
    checkLibrary(
      draft,
      (target) => {
        const path = pathOf(target);
        return { place: source.place(path), field: fieldName(path) };
      },
      issues,
    );
  }
  issues.throwIfAny(fileName);
  return normalizeLibrary(draft as LibraryDraft);
}

function readDraft(read: FieldReader, setPaths: Path[]): LibraryDraft | undefined {
  const top = read.map(read.source.value, []);
  if (!top) return undefined;
  const language =
    read.text(top.locale, ['locale'], {
      required: true,
      pattern: languagePattern,
      patternHint: 'a language code such as en or nb',
    }) ?? 'en';
  const objects = read.map(top.objects, ['objects']) ?? {};
  const framework = objects.framework === undefined ? undefined : read.map(objects.framework, frameworkPath);

  const libraryUrn = read.text(top.urn, ['urn'], { required: true });
  let id: string | undefined;
  if (framework) {
    const urn = read.text(framework.urn, [...frameworkPath, 'urn'], { required: true });
    id = urn === undefined ? undefined : frameworkIdFromCisoUrn(urn);
    if (urn !== undefined && id === undefined)
      read.problem([...frameworkPath, 'urn'], `"${urn}" is not a framework URN (urn:<packager>:risk:framework:<name>)`);
  } else if (libraryUrn !== undefined) {
    id = libraryIdFromCisoUrn(libraryUrn, false);
    if (id === undefined)
      read.problem(['urn'], `"${libraryUrn}" is not a library URN (urn:<packager>:risk:library:<name>)`);
  }
  const refId = read.text(top.ref_id, ['ref_id']);
  const slug = id === undefined ? undefined : parseLibraryId(id)?.slug;
  const extra = top.x_varde === undefined ? {} : (read.map(top.x_varde, ['x_varde'], ['source']) ?? {});

  const draft: LibraryDraft = {
    library: compact({
      id,
      refId: refId !== undefined && refId !== slug ? refId : undefined,
      name:
        localized(read, top, [], 'name', language) ??
        (framework && localized(read, framework, frameworkPath, 'name', language)),
      description:
        localized(read, top, [], 'description', language) ??
        (framework && localized(read, framework, frameworkPath, 'description', language)),
      version: read.integer(top.version, ['version'], { required: true, min: 1 }),
      publisher: read.text(top.provider, ['provider']) ?? read.text(top.packager, ['packager']),
      language,
      publicationDate: read.text(top.publication_date, ['publication_date'], {
        pattern: datePattern,
        patternHint: 'a date YYYY-MM-DD',
      }),
      source: readCitation(read, extra.source, ['x_varde', 'source']),
      licenseNote: read.text(top.copyright, ['copyright']),
    }),
    nodes: [],
    mappingSets: [],
  };
  if (draft.library.name === undefined) read.problem(['name'], 'is required');
  if (draft.library.publisher === undefined) read.problem(['provider'], 'is required (who publishes the framework)');

  if (framework) readFramework(read, framework, draft, language);

  const sets: { value: unknown; path: Path }[] = [];
  const list = read.list(objects.requirement_mapping_sets, ['objects', 'requirement_mapping_sets'], { max: 1000 });
  list?.forEach((value, i) => sets.push({ value, path: ['objects', 'requirement_mapping_sets', i] }));
  // Older CISO files hold a single set under the singular key.
  if (objects.requirement_mapping_set !== undefined)
    sets.push({ value: objects.requirement_mapping_set, path: ['objects', 'requirement_mapping_set'] });
  let mappingCount = 0;
  for (const { value, path } of sets) {
    setPaths.push(path);
    const set = read.map(value, path) ?? {};
    const urn = read.text(set.urn, [...path, 'urn'], { required: true });
    const setId = urn === undefined ? undefined : mappingSetIdFromCisoUrn(urn);
    if (urn !== undefined && setId === undefined)
      read.problem([...path, 'urn'], `"${urn}" is not a mapping set URN (urn:<packager>:risk:req_mapping_set:<name>)`);
    const frameworkOf = (key: string): string | undefined => {
      const value = read.text(set[key], [...path, key], { required: true });
      const fw = value === undefined ? undefined : frameworkIdFromCisoUrn(value);
      if (value !== undefined && fw === undefined) read.problem([...path, key], `"${value}" is not a framework URN`);
      return fw;
    };
    const mappings =
      read.list(set.requirement_mappings, [...path, 'requirement_mappings'], {
        required: true,
        max: maxMappings - mappingCount,
      }) ?? [];
    mappingCount += mappings.length;
    draft.mappingSets.push({
      ...compact({
        id: setId,
        name: localized(read, set, path, 'name', language),
        description: localized(read, set, path, 'description', language),
        sourceFramework: frameworkOf('source_framework_urn'),
        targetFramework: frameworkOf('target_framework_urn'),
      }),
      mappings: mappings.map((entry, m) => readMapping(read, entry, [...path, 'requirement_mappings', m])),
    });
    if (draft.mappingSets.at(-1)?.name === undefined) read.problem([...path, 'name'], 'is required');
  }
  return draft;
}

function readFramework(
  read: FieldReader,
  framework: Record<string, unknown>,
  draft: LibraryDraft,
  language: string,
): void {
  const scores = read.list(framework.scores_definition, [...frameworkPath, 'scores_definition'], { max: 101 });
  if (scores) {
    if (scores.length < 2) read.problem([...frameworkPath, 'scores_definition'], 'a scale needs at least two scores');
    draft.scale = {
      levels: scores.map((value, i) => {
        const path = [...frameworkPath, 'scores_definition', i];
        const score = read.map(value, path) ?? {};
        const name = localized(read, score, path, 'name', language);
        if (name === undefined) read.problem([...path, 'name'], 'is required');
        return compact({
          value: read.integer(score.score, [...path, 'score'], { required: true, min: 0, max: 100 }),
          name,
          description: localized(read, score, path, 'description', language),
        });
      }),
    };
  }
  const groups = read.list(
    framework.implementation_groups_definition,
    [...frameworkPath, 'implementation_groups_definition'],
    { max: 100 },
  );
  if (groups) {
    draft.implementationGroups = groups.map((value, i) => {
      const path = [...frameworkPath, 'implementation_groups_definition', i];
      const group = read.map(value, path) ?? {};
      return compact({
        id: read.text(group.ref_id, [...path, 'ref_id'], {
          required: true,
          pattern: nodeIdPattern,
          patternHint: 'letters, digits and ._-',
        }),
        name: localized(read, group, path, 'name', language) ?? {
          [language]: typeof group.ref_id === 'string' ? group.ref_id : '',
        },
        description: localized(read, group, path, 'description', language),
      });
    });
  }

  const nodes = read.list(framework.requirement_nodes, nodesPath, { required: true, max: maxNodes }) ?? [];
  draft.nodes = nodes.map((value, i) => {
    const path = [...nodesPath, i];
    const node = read.map(value, path) ?? {};
    const nodeId = (key: string, required: boolean): string | undefined => {
      const urn = read.text(node[key], [...path, key], { required });
      const parsed = urn === undefined ? undefined : nodeIdFromCisoUrn(urn);
      if (urn !== undefined && parsed === undefined)
        read.problem(
          [...path, key],
          `"${urn}" is not a requirement node URN (urn:<packager>:risk:req_node:<framework>:<id>)`,
        );
      return parsed?.nodeId;
    };
    const id = nodeId('urn', true);
    const refId = read.text(node.ref_id, [...path, 'ref_id']);
    const extra =
      node.x_varde === undefined
        ? {}
        : (read.map(node.x_varde, [...path, 'x_varde'], ['guidance', 'source', 'provisional']) ?? {});
    const guidance = read.list(extra.guidance, [...path, 'x_varde', 'guidance'], { max: 200 });
    const groupIds = read.list(node.implementation_groups, [...path, 'implementation_groups'], { max: 100 });
    const title = localized(read, node, path, 'name', language);
    const description = localized(read, node, path, 'description', language);
    return compact({
      id,
      parent: node.parent_urn === undefined || node.parent_urn === null ? undefined : nodeId('parent_urn', false),
      refId: refId !== undefined && refId !== id ? refId : undefined,
      // CISO allows a node with only a code; Varde shows the code as its title then.
      title:
        title ??
        (description === undefined && (refId ?? id) !== undefined
          ? { [language]: (refId ?? id) as string }
          : undefined),
      description,
      annotation: localized(read, node, path, 'annotation', language),
      typicalEvidence: localized(read, node, path, 'typical_evidence', language),
      assessable: read.boolean(node.assessable, [...path, 'assessable'], { required: true }),
      implementationGroups: groupIds?.flatMap(
        (g, k) => read.text(g, [...path, 'implementation_groups', k], { required: true }) ?? [],
      ),
      guidance: guidance?.map((ref, g) => readGuidance(read, ref, [...path, 'x_varde', 'guidance', g])),
      source: readCitation(read, extra.source, [...path, 'x_varde', 'source']),
      provisional: read.boolean(extra.provisional, [...path, 'x_varde', 'provisional']),
    });
  });
}
