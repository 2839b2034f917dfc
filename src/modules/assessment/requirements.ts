/**
 * The requirements an assessment covers, taken from a framework library: the assessable nodes, each placed in a
 * category (its top-level ancestor; a top-level node that is itself assessable is its own category), in tree order.
 */
import type { FrameworkLibrary } from '../frameworks/index.js';
import type { Localized, MaturityScale } from './types.js';

export interface Requirement {
  id: string;
  refId: string;
  title: Localized;
  description: Localized | null;
  categoryId: string;
  guidance: {
    kind: string;
    title: string;
    publisher: string | null;
    audience: string | null;
    url: string | null;
    target: { framework: string; node: string } | null;
  }[];
}

export interface Category {
  id: string;
  title: Localized;
}

export interface FrameworkView {
  id: string;
  refId: string;
  name: Localized;
  requirements: Requirement[];
  categories: Category[];
  scale: MaturityScale;
  /** True when the library brings its own scale; otherwise Varde's default scale applies. */
  ownScale: boolean;
}

const text = (t: Readonly<Record<string, string>> | undefined, fallback: string): Localized => ({
  nb: t?.nb ?? t?.en ?? fallback,
  en: t?.en ?? t?.nb ?? fallback,
});

export function frameworkView(library: FrameworkLibrary, defaultScale: MaturityScale): FrameworkView {
  const byId = new Map(library.nodes.map((n) => [n.id, n]));
  const topOf = (id: string): string => {
    let node = byId.get(id);
    const seen = new Set<string>();
    while (node?.parent && byId.has(node.parent) && !seen.has(node.id)) {
      seen.add(node.id);
      node = byId.get(node.parent);
    }
    return node?.id ?? id;
  };
  const requirements = library.nodes
    .filter((n) => n.assessable)
    .map((n) => ({
      id: n.id,
      refId: n.refId ?? n.id,
      title: text(n.title, n.id),
      description: n.description ? text(n.description, '') : null,
      categoryId: topOf(n.id),
      guidance: (n.guidance ?? []).map((g) => ({
        kind: g.kind,
        title: g.title,
        publisher: g.publisher ?? null,
        audience: g.audience ?? null,
        url: g.url ?? null,
        target: g.target ?? null,
      })),
    }));
  const categoryIds = [...new Set(requirements.map((r) => r.categoryId))];
  const scale: MaturityScale | null = library.scale
    ? {
        id: `${library.library.id}#scale`,
        levels: library.scale.levels.map((l) => ({
          value: l.value,
          name: text(l.name, String(l.value)),
          description: text(l.description, ''),
        })),
      }
    : null;
  return {
    id: library.library.id,
    refId: library.library.refId ?? library.library.id,
    name: text(library.library.name, library.library.id),
    requirements,
    categories: categoryIds.map((id) => ({ id, title: text(byId.get(id)?.title, id) })),
    scale: scale ?? defaultScale,
    ownScale: scale !== null,
  };
}
