/**
 * Writes a FrameworkLibrary as a Varde framework library YAML file. The output is written so that YAML 1.1
 * readers agree with YAML 1.2 readers (`NO`, `yes`, `1.10` and dates come out quoted), and parsing it gives back
 * an equal library.
 */
import { stringify } from 'yaml';
import { vardeFormat } from './parse-framework-library.js';
import type { FrameworkLibrary, LocalizedText, RequirementNode } from './types.js';

/** A plain string when the text is only in the library's language, else the language map. */
function text(value: LocalizedText | undefined, language: string): string | LocalizedText | undefined {
  if (value === undefined) return undefined;
  const languages = Object.keys(value);
  return languages.length === 1 && languages[0] === language ? value[language] : value;
}

function node(n: RequirementNode, language: string): Record<string, unknown> {
  return {
    id: n.id,
    parent: n.parent,
    refId: n.refId,
    title: text(n.title, language),
    description: text(n.description, language),
    annotation: text(n.annotation, language),
    typicalEvidence: text(n.typicalEvidence, language),
    assessable: n.assessable,
    order: n.order,
    implementationGroups: n.implementationGroups,
    guidance: n.guidance,
    source: n.source,
    provisional: n.provisional,
  };
}

export function serializeFrameworkLibrary(lib: FrameworkLibrary): string {
  const { language } = lib.library;
  const document = {
    format: vardeFormat,
    library: {
      ...lib.library,
      name: text(lib.library.name, language),
      description: text(lib.library.description, language),
    },
    scale: lib.scale && {
      levels: lib.scale.levels.map((level) => ({
        value: level.value,
        name: text(level.name, language),
        description: text(level.description, language),
      })),
    },
    implementationGroups: lib.implementationGroups?.map((group) => ({
      id: group.id,
      name: text(group.name, language),
      description: text(group.description, language),
    })),
    nodes: lib.nodes.map((n) => node(n, language)),
    mappingSets:
      lib.mappingSets.length === 0
        ? undefined
        : lib.mappingSets.map((set) => ({
            ...set,
            name: text(set.name, language),
            description: text(set.description, language),
          })),
  };
  // `undefined` fields are left out by stringify; version 1.1 makes it quote every 1.1-ambiguous scalar.
  return stringify(document, { version: '1.1', lineWidth: 120, aliasDuplicateObjects: false });
}
