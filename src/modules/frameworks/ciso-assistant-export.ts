/**
 * Writes a FrameworkLibrary as a CISO Assistant library YAML file, so users of that tool can load Varde's
 * frameworks and mappings. Fields CISO Assistant has no place for (guidance references, citations, the
 * provisional mark) travel in `x_varde` keys, which CISO Assistant ignores and `fromCisoAssistantYaml` reads back:
 * export followed by import gives an equal library.
 */
import { stringify } from 'yaml';
import {
  cisoFrameworkUrn,
  cisoLibraryUrn,
  cisoMappingSetUrn,
  cisoNodeUrn,
  parseFrameworkId,
  parseLibraryId,
} from './ids.js';
import type { FrameworkLibrary, LocalizedText, MappingSet, RequirementNode } from './types.js';

type Fields = Record<string, LocalizedText | undefined>;

/** `{ name: 'x', description: 'y' }` in the main language plus `translations: { en: { ... } }` for the others. */
function texts(fields: Fields, language: string): Record<string, unknown> {
  const main: Record<string, unknown> = {};
  const translations: Record<string, Record<string, string>> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    main[field] = value[language];
    for (const [lang, text] of Object.entries(value)) {
      if (lang !== language) translations[lang] = { ...translations[lang], [field]: text };
    }
  }
  return Object.keys(translations).length > 0 ? { ...main, translations } : main;
}

function nonEmpty(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return Object.values(value).some((v) => v !== undefined) ? value : undefined;
}

function depths(nodes: readonly RequirementNode[]): Map<string, number> {
  const depth = new Map<string, number>();
  // Nodes are in tree order, so a parent's depth is known before its children's.
  for (const node of nodes) depth.set(node.id, node.parent === undefined ? 1 : (depth.get(node.parent) ?? 0) + 1);
  return depth;
}

function requirementNode(lib: FrameworkLibrary, node: RequirementNode, depth: number): Record<string, unknown> {
  const { id: frameworkId, language } = lib.library;
  return {
    urn: cisoNodeUrn(frameworkId, node.id),
    assessable: node.assessable,
    depth,
    parent_urn: node.parent === undefined ? undefined : cisoNodeUrn(frameworkId, node.parent),
    ref_id: node.refId ?? node.id,
    ...texts(
      {
        name: node.title,
        description: node.description,
        annotation: node.annotation,
        typical_evidence: node.typicalEvidence,
      },
      language,
    ),
    implementation_groups: node.implementationGroups,
    x_varde: nonEmpty({ guidance: node.guidance, source: node.source, provisional: node.provisional }),
  };
}

function mappingSet(set: MappingSet, language: string): Record<string, unknown> {
  const slug = cisoMappingSetUrn(set.id).split(':').slice(4).join(':');
  return {
    urn: cisoMappingSetUrn(set.id),
    ref_id: slug,
    ...texts({ name: set.name, description: set.description }, language),
    source_framework_urn: cisoFrameworkUrn(set.sourceFramework),
    target_framework_urn: cisoFrameworkUrn(set.targetFramework),
    requirement_mappings: set.mappings.map((m) => ({
      source_requirement_urn: cisoNodeUrn(set.sourceFramework, m.source),
      target_requirement_urn: cisoNodeUrn(set.targetFramework, m.target),
      relationship: m.relationship,
      rationale: m.rationaleType,
      strength_of_relationship: m.strength,
      annotation: m.rationale,
    })),
  };
}

export function toCisoAssistantYaml(lib: FrameworkLibrary): string {
  const { library } = lib;
  const parsed = parseLibraryId(library.id);
  if (!parsed) throw new TypeError(`not a valid library id: ${library.id}`);
  const refId = library.refId ?? parsed.slug;
  const header = texts({ name: library.name, description: library.description }, library.language);

  // A mapping library depends on the libraries of the frameworks it maps (CISO Assistant loads those first).
  const dependencies = [...new Set(lib.mappingSets.flatMap((set) => [set.sourceFramework, set.targetFramework]))]
    .filter((framework) => framework !== library.id)
    .map((framework) => {
      const fw = parseFrameworkId(framework);
      return fw ? cisoLibraryUrn(`urn:${fw.namespace}:framework:${fw.slug}`) : undefined;
    });

  const depth = depths(lib.nodes);
  const levels = lib.scale?.levels;
  const framework =
    lib.nodes.length === 0
      ? undefined
      : {
          urn: cisoFrameworkUrn(library.id),
          ref_id: refId,
          ...header,
          min_score: levels?.[0]?.value,
          max_score: levels?.at(-1)?.value,
          scores_definition: levels?.map((level) => ({
            score: level.value,
            ...texts({ name: level.name, description: level.description }, library.language),
          })),
          implementation_groups_definition: lib.implementationGroups?.map((group) => ({
            ref_id: group.id,
            ...texts({ name: group.name, description: group.description }, library.language),
          })),
          requirement_nodes: lib.nodes.map((node) => requirementNode(lib, node, depth.get(node.id) ?? 1)),
        };

  const document = {
    urn: cisoLibraryUrn(library.id),
    locale: library.language,
    ref_id: refId,
    ...header,
    copyright: library.licenseNote,
    version: library.version,
    publication_date: library.publicationDate,
    provider: library.publisher,
    packager: 'varde',
    dependencies: dependencies.length > 0 ? dependencies : undefined,
    x_varde: nonEmpty({ source: library.source }),
    objects: {
      framework,
      requirement_mapping_sets:
        lib.mappingSets.length > 0 ? lib.mappingSets.map((set) => mappingSet(set, library.language)) : undefined,
    },
  };
  // YAML 1.1 quoting: CISO Assistant reads with PyYAML, which would take an unquoted `NO` as false.
  return stringify(document, { version: '1.1', lineWidth: 120, aliasDuplicateObjects: false });
}
