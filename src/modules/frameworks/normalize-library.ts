/**
 * Puts a checked library into its one canonical form: nodes in tree order (each parent, then its children by
 * `order`), `order` renumbered 1, 2, ... among siblings. Two files that describe the same tree therefore load
 * to equal values, whichever format they came in.
 */
import type { LibraryDraft } from './check-library.js';
import type { FrameworkLibrary, RequirementNode } from './types.js';

/** Only call with a draft `checkLibrary` found no problems in: every required field is then present. */
export function normalizeLibrary(draft: LibraryDraft): FrameworkLibrary {
  const library = draft as unknown as FrameworkLibrary;
  const children = new Map<string, { node: RequirementNode; position: number }[]>();
  draft.nodes.forEach((node, position) => {
    const key = node.parent ?? '';
    const list = children.get(key) ?? [];
    list.push({ node: node as RequirementNode, position });
    children.set(key, list);
  });

  const ordered: RequirementNode[] = [];
  const visit = (parent: string): void => {
    const siblings = [...(children.get(parent) ?? [])].sort(
      // Explicit orders when given (then all siblings have one), else the order in the file.
      (a, b) => (a.node.order ?? 0) - (b.node.order ?? 0) || a.position - b.position,
    );
    siblings.forEach(({ node }, i) => {
      ordered.push({ ...node, order: i + 1 });
      visit(node.id);
    });
  };
  visit('');
  return { ...library, nodes: ordered };
}
