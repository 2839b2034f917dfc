/**
 * Step one of publishing aggregates: within one dimension (enterprise type, size class, region), categories with
 * fewer than k enterprises are merged so every category that is shown covers at least k. Nominal categories go
 * into "andre" (other); ordinal ones (size classes) are merged with their smaller neighbour, so "micro + small"
 * still reads as a size range. Pure: counts in, a mapping out.
 */

export const otherCategory = 'other';

export interface MergedCategory {
  /** The category id shown: the original id, `other`, or the member ids joined by `+` (ordinal merges). */
  id: string;
  members: string[];
  count: number;
  /** Why members were merged; null when the category stands alone. */
  note: 'MERGED_OTHER' | 'MERGED_ADJACENT' | null;
}

export interface CategoryMerge {
  categories: MergedCategory[];
  /** Original category id → merged category id. Categories with no enterprises are absent. */
  mapping: Map<string, string>;
}

function mergeNominal(counts: Map<string, number>, k: number, order: readonly string[]): MergedCategory[] {
  const present = [...counts].filter(([, n]) => n > 0);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i === -1 ? order.length : i;
  };
  // Smallest first; ties by the dimension's own order so the result does not depend on input order.
  present.sort((a, b) => a[1] - b[1] || rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
  const small = present.filter(([, n]) => n < k);
  if (small.length === 0) return present.map(([id, count]) => ({ id, members: [id], count, note: null }));
  const merged = [...small];
  let rest = present.filter(([, n]) => n >= k);
  // "Andre" itself must reach k: take in the smallest of the rest until it does (or nothing is left).
  while (merged.reduce((s, [, n]) => s + n, 0) < k && rest.length > 0) {
    merged.push(rest[0]!);
    rest = rest.slice(1);
  }
  const other: MergedCategory = {
    id: otherCategory,
    members: merged.map(([id]) => id).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    count: merged.reduce((s, [, n]) => s + n, 0),
    note: 'MERGED_OTHER',
  };
  const standing = rest.map(([id, count]) => ({ id, members: [id], count, note: null }));
  return [...standing, other];
}

function mergeOrdinal(counts: Map<string, number>, k: number, order: readonly string[]): MergedCategory[] {
  const known = order.filter((id) => (counts.get(id) ?? 0) > 0);
  const unknown = [...counts.keys()].filter((id) => !order.includes(id) && (counts.get(id) ?? 0) > 0).sort();
  let runs = [...known, ...unknown].map((id) => ({ members: [id], count: counts.get(id) ?? 0 }));
  for (;;) {
    if (runs.length <= 1) break;
    let smallest = -1;
    runs.forEach((run, i) => {
      if (run.count < k && (smallest === -1 || run.count < runs[smallest]!.count)) smallest = i;
    });
    if (smallest === -1) break;
    const left = runs[smallest - 1];
    const right = runs[smallest + 1];
    const partner = !left
      ? smallest + 1
      : !right
        ? smallest - 1
        : left.count <= right.count
          ? smallest - 1
          : smallest + 1;
    const [a, b] = [Math.min(smallest, partner), Math.max(smallest, partner)];
    const joined = { members: [...runs[a]!.members, ...runs[b]!.members], count: runs[a]!.count + runs[b]!.count };
    runs = [...runs.slice(0, a), joined, ...runs.slice(b + 1)];
  }
  return runs.map((run) => ({
    id: run.members.join('+'),
    members: run.members,
    count: run.count,
    note: run.members.length > 1 ? 'MERGED_ADJACENT' : null,
  }));
}

/**
 * Merges one dimension's categories so each shown category has at least k enterprises. When the whole population
 * is below k the result is one category with all members (the caller suppresses it).
 */
export function mergeSmallCategories(
  counts: ReadonlyMap<string, number>,
  k: number,
  options: { ordinal: boolean; order: readonly string[] },
): CategoryMerge {
  const input = new Map(counts);
  const categories = options.ordinal ? mergeOrdinal(input, k, options.order) : mergeNominal(input, k, options.order);
  const mapping = new Map<string, string>();
  for (const category of categories) for (const member of category.members) mapping.set(member, category.id);
  return { categories, mapping };
}
