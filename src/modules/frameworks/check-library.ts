/**
 * Checks that hold whatever format a library came in: the requirement tree (duplicate ids, ids that differ only by
 * case or spaces, missing parents, cycles, parents listed after children, sibling order), the maturity scale,
 * implementation groups and mapping sets. Works on drafts whose fields may be missing (because reading them
 * failed), so every problem in a file is found in one pass.
 */
import type { IssueList } from './yaml-source.js';
import { idKey, parseLibraryId } from './ids.js';
import type { FrameworkLibrary, MappingSet, RequirementMapping, RequirementNode } from './types.js';

export const maxTreeDepth = 20;

type Draft<T> = { -readonly [K in keyof T]?: T[K] };

export interface LibraryDraft {
  library: Draft<FrameworkLibrary['library']>;
  scale?: { levels: Draft<NonNullable<FrameworkLibrary['scale']>['levels'][number]>[] };
  implementationGroups?: Draft<NonNullable<FrameworkLibrary['implementationGroups']>[number]>[];
  nodes: Draft<RequirementNode>[];
  mappingSets: (Draft<Omit<MappingSet, 'mappings'>> & { mappings: Draft<RequirementMapping>[] })[];
}

/** What a problem is about; each format turns it into its own file line and field name. */
export type IssueTarget =
  | { readonly kind: 'library'; readonly field: 'id' }
  | {
      readonly kind: 'node';
      readonly index: number;
      readonly field: 'id' | 'parent' | 'order' | 'implementationGroups';
    }
  | { readonly kind: 'guidance'; readonly node: number; readonly index: number }
  | { readonly kind: 'level'; readonly index: number }
  | { readonly kind: 'group'; readonly index: number }
  | { readonly kind: 'mappingSet'; readonly index: number; readonly field: 'id' }
  | { readonly kind: 'mapping'; readonly set: number; readonly index: number; readonly field: 'source' | 'target' };

export type Locate = (target: IssueTarget) => { readonly place: string; readonly field: string };

export function checkLibrary(draft: LibraryDraft, locate: Locate, issues: IssueList): void {
  const report = (target: IssueTarget, message: string): void => issues.add({ ...locate(target), message });
  const where = (target: IssueTarget): string => {
    const located = locate(target);
    return `${located.field}, ${located.place}`;
  };

  checkKind(draft, report);
  const index = checkIds(draft, report, where);
  checkTree(draft, index, report, where);
  checkOrder(draft, report, where);

  const levels = draft.scale?.levels ?? [];
  levels.forEach((level, i) => {
    const previous = levels[i - 1]?.value;
    if (level.value !== undefined && previous !== undefined && level.value <= previous) {
      report(
        { kind: 'level', index: i },
        `levels must run from lowest to highest value with no repeats (${level.value} after ${previous})`,
      );
    }
  });

  const groups = new Map<string, number>();
  (draft.implementationGroups ?? []).forEach((group, i) => {
    if (group.id === undefined) return;
    const seen = groups.get(group.id);
    if (seen !== undefined)
      report(
        { kind: 'group', index: i },
        `implementation group "${group.id}" is defined twice (also ${where({ kind: 'group', index: seen })})`,
      );
    else groups.set(group.id, i);
  });
  draft.nodes.forEach((node, i) => {
    for (const group of node.implementationGroups ?? []) {
      if (!groups.has(group))
        report(
          { kind: 'node', index: i, field: 'implementationGroups' },
          `implementation group "${group}" is not defined`,
        );
    }
    node.guidance?.forEach((ref, g) => {
      if (ref.target && ref.target.framework === draft.library.id && !index.has(ref.target.node)) {
        report(
          { kind: 'guidance', node: i, index: g },
          `guidance points to node "${ref.target.node}", which this library does not have`,
        );
      }
    });
  });

  checkMappingSets(draft, index, report, where);
}

function checkKind(draft: LibraryDraft, report: (t: IssueTarget, m: string) => void): void {
  const id = draft.library.id;
  const kind = id === undefined ? undefined : parseLibraryId(id)?.kind;
  if (kind === 'framework' && draft.nodes.length === 0) {
    report({ kind: 'library', field: 'id' }, 'a framework library (urn:…:framework:…) must have requirement nodes');
  }
  if (kind === 'library' && draft.nodes.length > 0) {
    report(
      { kind: 'library', field: 'id' },
      'a library with requirement nodes must have a framework id (urn:…:framework:…)',
    );
  }
  if (kind === 'library' && draft.mappingSets.length === 0) {
    report({ kind: 'library', field: 'id' }, 'the library has neither requirement nodes nor mapping sets');
  }
}

/** Returns node id → index of its first occurrence. */
function checkIds(
  draft: LibraryDraft,
  report: (t: IssueTarget, m: string) => void,
  where: (t: IssueTarget) => string,
): Map<string, number> {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  draft.nodes.forEach((node, i) => {
    if (node.id === undefined) return;
    const target: IssueTarget = { kind: 'node', index: i, field: 'id' };
    const same = exact.get(node.id);
    const similar = folded.get(idKey(node.id));
    if (same !== undefined) {
      report(target, `duplicate id "${node.id}" (first used at ${where({ kind: 'node', index: same, field: 'id' })})`);
    } else if (similar !== undefined) {
      const other = draft.nodes[similar]?.id ?? '';
      report(
        target,
        `id "${node.id}" differs from "${other}" only by case or spaces (${where({ kind: 'node', index: similar, field: 'id' })})`,
      );
    }
    if (same === undefined) exact.set(node.id, i);
    if (similar === undefined) folded.set(idKey(node.id), i);
  });
  return exact;
}

function checkTree(
  draft: LibraryDraft,
  index: Map<string, number>,
  report: (t: IssueTarget, m: string) => void,
  where: (t: IssueTarget) => string,
): void {
  const { nodes } = draft;
  const parentIndex = (i: number): number | undefined => {
    const parent = nodes[i]?.parent;
    return parent === undefined ? undefined : index.get(parent);
  };
  nodes.forEach((node, i) => {
    if (node.parent === undefined) return;
    if (node.parent === node.id)
      report({ kind: 'node', index: i, field: 'parent' }, `node "${node.id}" is its own parent`);
    else if (!index.has(node.parent))
      report({ kind: 'node', index: i, field: 'parent' }, `parent "${node.parent}" does not exist in this library`);
  });

  // Each node has at most one parent, so following parents from any node ends at a root, a missing parent, or
  // a loop. `depth` doubles as the "already resolved" mark; nodes on a loop get -1.
  const depth = new Array<number | undefined>(nodes.length);
  nodes.forEach((_, start) => {
    const chain: number[] = [];
    let current: number | undefined = start;
    while (current !== undefined && depth[current] === undefined && !chain.includes(current)) {
      chain.push(current);
      current = nodes[current]?.parent === nodes[current]?.id ? undefined : parentIndex(current);
    }
    let base = current === undefined ? 0 : depth[current];
    if (current !== undefined && base === undefined) {
      const loop = chain.slice(chain.indexOf(current));
      const names = loop.map((i) => `"${nodes[i]?.id}"`);
      report(
        { kind: 'node', index: loop[0] as number, field: 'parent' },
        `parents form a cycle: ${[...names, names[0]].join(' → ')}`,
      );
      for (const i of loop) depth[i] = -1;
      chain.length = chain.indexOf(current);
      base = -1;
    }
    for (const i of chain.reverse()) {
      base = base === -1 ? -1 : (base as number) + 1;
      depth[i] = base;
    }
  });

  nodes.forEach((node, i) => {
    const p = parentIndex(i);
    const d = depth[i] ?? -1;
    if (d > maxTreeDepth)
      report({ kind: 'node', index: i, field: 'parent' }, `the tree is deeper than ${maxTreeDepth} levels here`);
    if (p !== undefined && d !== -1 && p > i) {
      report(
        { kind: 'node', index: i, field: 'parent' },
        `parent "${node.parent}" must be listed before its child (it is at ${where({ kind: 'node', index: p, field: 'id' })})`,
      );
    }
  });
}

function checkOrder(
  draft: LibraryDraft,
  report: (t: IssueTarget, m: string) => void,
  where: (t: IssueTarget) => string,
): void {
  const siblings = new Map<string, number[]>();
  draft.nodes.forEach((node, i) => {
    const key = node.parent ?? '';
    siblings.set(key, [...(siblings.get(key) ?? []), i]);
  });
  for (const group of siblings.values()) {
    const withOrder = group.filter((i) => draft.nodes[i]?.order !== undefined);
    if (withOrder.length === 0) continue;
    const used = new Map<number, number>();
    for (const i of group) {
      const order = draft.nodes[i]?.order;
      if (order === undefined) {
        report(
          { kind: 'node', index: i, field: 'order' },
          'order is given for some siblings, so it must be given for all of them',
        );
        continue;
      }
      const other = used.get(order);
      if (other !== undefined)
        report(
          { kind: 'node', index: i, field: 'order' },
          `order ${order} is already used by a sibling (${where({ kind: 'node', index: other, field: 'order' })})`,
        );
      else used.set(order, i);
    }
  }
}

function checkMappingSets(
  draft: LibraryDraft,
  index: Map<string, number>,
  report: (t: IssueTarget, m: string) => void,
  where: (t: IssueTarget) => string,
): void {
  const setIds = new Map<string, number>();
  draft.mappingSets.forEach((set, s) => {
    if (set.id !== undefined) {
      const seen = setIds.get(set.id);
      if (seen !== undefined)
        report(
          { kind: 'mappingSet', index: s, field: 'id' },
          `mapping set "${set.id}" is defined twice (also ${where({ kind: 'mappingSet', index: seen, field: 'id' })})`,
        );
      else setIds.set(set.id, s);
    }
    const pairs = new Map<string, number>();
    set.mappings.forEach((mapping, m) => {
      const own = draft.library.id;
      if (mapping.source !== undefined && set.sourceFramework === own && !index.has(mapping.source)) {
        report(
          { kind: 'mapping', set: s, index: m, field: 'source' },
          `source "${mapping.source}" is not a node of this library`,
        );
      }
      if (mapping.target !== undefined && set.targetFramework === own && !index.has(mapping.target)) {
        report(
          { kind: 'mapping', set: s, index: m, field: 'target' },
          `target "${mapping.target}" is not a node of this library`,
        );
      }
      if (mapping.source === undefined || mapping.target === undefined) return;
      const pair = `${mapping.source}\u0000${mapping.target}`;
      const seen = pairs.get(pair);
      if (seen !== undefined) {
        report(
          { kind: 'mapping', set: s, index: m, field: 'source' },
          `"${mapping.source}" → "${mapping.target}" is mapped twice (also ${where({ kind: 'mapping', set: s, index: seen, field: 'source' })})`,
        );
      } else pairs.set(pair, m);
    });
  });
}
