/**
 * Checks what no single file can: that libraries loaded together have distinct ids, and that every mapping and
 * guidance reference points at a framework and node that exist among them.
 */
import type { ErrorDetail } from '../../platform/errors.js';
import type { FrameworkLibrary } from './types.js';

export interface NamedLibrary {
  /** Where the library came from (a file name), used as the place in problems. */
  readonly fileName: string;
  readonly library: FrameworkLibrary;
}

export function checkReferences(libraries: readonly NamedLibrary[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const nodesOf = new Map<string, Set<string>>();
  const fileOf = new Map<string, string>();
  for (const { fileName, library } of libraries) {
    const id = library.library.id;
    const other = fileOf.get(id);
    if (other !== undefined)
      problems.push({ place: fileName, field: 'library.id', message: `library id "${id}" is also used by ${other}` });
    else fileOf.set(id, fileName);
    if (library.nodes.length > 0) nodesOf.set(id, new Set(library.nodes.map((node) => node.id)));
  }

  const refer = (place: string, field: string, framework: string, node: string, what: string): void => {
    const nodes = nodesOf.get(framework);
    if (!nodes)
      problems.push({ place, field, message: `${what} framework "${framework}" is not among the loaded libraries` });
    else if (!nodes.has(node))
      problems.push({ place, field, message: `${what} node "${node}" does not exist in ${framework}` });
  };

  for (const { fileName, library } of libraries) {
    library.mappingSets.forEach((set, s) => {
      set.mappings.forEach((mapping, m) => {
        const field = `mappingSets[${s}].mappings[${m}]`;
        refer(fileName, `${field}.source`, set.sourceFramework, mapping.source, 'source');
        refer(fileName, `${field}.target`, set.targetFramework, mapping.target, 'target');
      });
    });
    library.nodes.forEach((node, n) => {
      node.guidance?.forEach((ref, g) => {
        if (ref.target)
          refer(fileName, `nodes[${n}].guidance[${g}].target`, ref.target.framework, ref.target.node, 'guidance');
      });
    });
  }
  return problems;
}
