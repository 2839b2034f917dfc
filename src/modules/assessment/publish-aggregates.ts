/**
 * k-anonymous publication of an indicator's aggregates (count and mean per group) for one population (one indicator,
 * one year). Every shown number covers at least k enterprises, also when tables are combined:
 *
 * 1. each dimension's small categories are merged ("andre", or adjacent size classes) so every margin has ≥ k;
 * 2. in the two-way tables (type × size, type × region, size × region) cells below k are suppressed;
 * 3. complementary suppression: in every row and column the suppressed cells together cover 0 or ≥ k enterprises,
 *    so "margin minus the shown cells" never gives a small group;
 * 4. an exact check (find-disclosure.ts) over *all* published tables together looks for any group of fewer than k
 *    enterprises that can still be worked out by adding and subtracting published counts, by an attacker who also
 *    knows which finest groups are empty; each one found costs one more suppression, until none is left.
 *
 * The whole family of tables is always computed together and filters only select from it, so two requests never
 * see different suppression of the same cell. Pure: groups in, publication out.
 */
import { mergeSmallCategories, type MergedCategory } from './merge-categories.js';
import { findDisclosure } from './find-disclosure.js';

export interface AggregateGroup {
  /** The finest group: a category for every dimension. */
  readonly key: Readonly<Record<string, string>>;
  /** Enterprises in the group. */
  readonly count: number;
  /** Sum of their indicator values. */
  readonly sum: number;
}

export interface DimensionSpec {
  readonly name: string;
  /** Ordinal categories (size classes) merge with a neighbour instead of into "andre". */
  readonly ordinal?: boolean;
  /** The categories' natural order (for display and ordinal merging). */
  readonly order?: readonly string[];
}

/** Why a cell looks the way it does; the UI turns each code into a sentence. */
export type CellNote = 'BELOW_K' | 'COMPLEMENTARY' | 'DISCLOSURE_RISK' | 'MERGED_OTHER' | 'MERGED_ADJACENT' | 'NO_DATA';

export interface PublishedCell {
  /** Dimension → shown category id (an original id, `other`, or `a+b` for merged size classes). */
  key: Record<string, string>;
  members: Record<string, string[]>;
  /** Null when suppressed. */
  count: number | null;
  /** Null when suppressed or empty. */
  mean: number | null;
  suppressed: boolean;
  notes: CellNote[];
}

export interface PublishedTable {
  dimensions: string[];
  cells: PublishedCell[];
}

export interface Publication {
  k: number;
  /** True when the whole population is below k: nothing at all is shown. */
  withheld: boolean;
  total: PublishedCell;
  /** The margins (one dimension) and two-way tables, in dimension order. */
  tables: PublishedTable[];
  merges: Readonly<Record<string, MergedCategory[]>>;
}

interface WorkCell {
  readonly table: number;
  readonly key: Record<string, string>;
  readonly fine: number[];
  count: number;
  sum: number;
  suppressed: boolean;
  reason: 'BELOW_K' | 'COMPLEMENTARY' | 'DISCLOSURE_RISK' | null;
}

function product(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

function subsets<T>(items: readonly T[], maxSize: number): T[][] {
  const result: T[][] = [];
  const walk = (start: number, current: T[]) => {
    if (current.length > 0) result.push(current);
    if (current.length === maxSize) return;
    for (let i = start; i < items.length; i++) walk(i + 1, [...current, items[i]!]);
  };
  walk(0, []);
  return result;
}

const byCount = (a: WorkCell, b: WorkCell) => a.count - b.count || a.fine[0]! - b.fine[0]!;

export function publishAggregates(
  groups: readonly AggregateGroup[],
  k: number,
  dimensionSpecs: readonly DimensionSpec[],
): Publication {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k must be a whole number of at least 2, got ${k}`);
  const dims = dimensionSpecs.map((d) => d.name);
  const totalCount = groups.reduce((s, g) => s + g.count, 0);
  const totalSum = groups.reduce((s, g) => s + g.sum, 0);

  // 1. Merge small categories per dimension.
  const merges: Record<string, MergedCategory[]> = {};
  const mappings = new Map<string, Map<string, string>>();
  for (const spec of dimensionSpecs) {
    const counts = new Map<string, number>();
    for (const g of groups) {
      const value = g.key[spec.name];
      if (value === undefined) throw new Error(`group without a value for dimension "${spec.name}"`);
      counts.set(value, (counts.get(value) ?? 0) + g.count);
    }
    const merge = mergeSmallCategories(counts, k, { ordinal: spec.ordinal ?? false, order: spec.order ?? [] });
    merges[spec.name] = merge.categories;
    mappings.set(spec.name, merge.mapping);
  }

  if (totalCount < k) {
    return {
      k,
      withheld: true,
      total: { key: {}, members: {}, count: null, mean: null, suppressed: true, notes: ['BELOW_K'] },
      tables: [],
      merges,
    };
  }

  // The unknowns an attacker faces: every combination of shown categories (empty ones included: nobody knows
  // they are empty unless a published zero says so).
  const categoryIds = dims.map((d) => merges[d]!.map((c) => c.id));
  const fineKeys = product(categoryIds);
  const fineIndex = new Map(fineKeys.map((key, i) => [key.join('\u0000'), i]));
  const fineCount = new Float64Array(fineKeys.length);
  const fineSum = new Float64Array(fineKeys.length);
  for (const g of groups) {
    const key = dims.map((d) => mappings.get(d)!.get(g.key[d]!)!);
    const i = fineIndex.get(key.join('\u0000'))!;
    fineCount[i]! += g.count;
    fineSum[i]! += g.sum;
  }

  // 2. The family of tables: margins, then every pair.
  const tableDims: string[][] = [...dims.map((d) => [d]), ...subsets(dims, 2).filter((s) => s.length === 2)];
  const cells: WorkCell[] = [];
  tableDims.forEach((tdims, table) => {
    const positions = tdims.map((d) => dims.indexOf(d));
    for (const combo of product(tdims.map((d) => merges[d]!.map((c) => c.id)))) {
      const fine = fineKeys.flatMap((fk, i) => (positions.every((p, j) => fk[p] === combo[j]) ? [i] : []));
      const count = fine.reduce((s, i) => s + fineCount[i]!, 0);
      const sum = fine.reduce((s, i) => s + fineSum[i]!, 0);
      const key = Object.fromEntries(tdims.map((d, j) => [d, combo[j]!]));
      const primary = count > 0 && count < k;
      cells.push({ table, key, fine, count, sum, suppressed: primary, reason: primary ? 'BELOW_K' : null });
    }
  });
  const pairCells = cells.filter((c) => tableDims[c.table]!.length === 2);

  // Rows and columns of each two-way table.
  const lines: WorkCell[][] = [];
  tableDims.forEach((tdims, table) => {
    if (tdims.length !== 2) return;
    for (const d of tdims) {
      for (const category of merges[d]!) {
        lines.push(pairCells.filter((c) => c.table === table && c.key[d] === category.id));
      }
    }
  });

  const suppress = (cell: WorkCell, reason: 'COMPLEMENTARY' | 'DISCLOSURE_RISK') => {
    cell.suppressed = true;
    cell.reason = reason;
  };

  // 3. Complementary suppression line by line.
  const applyLineRule = (): boolean => {
    let changed = false;
    for (let again = true; again;) {
      again = false;
      for (const line of lines) {
        const hiddenCells = line.filter((c) => c.suppressed && c.count > 0);
        const hidden = hiddenCells.reduce((s, c) => s + c.count, 0);
        // A line may hide nothing, or at least two cells together covering k or more: one hidden cell alone is
        // "margin minus the rest", and a hidden total below k is a small group by subtraction.
        if (hidden === 0 || (hidden >= k && hiddenCells.length >= 2)) continue;
        const candidate = line.filter((c) => !c.suppressed && c.count > 0).sort(byCount)[0];
        if (!candidate) continue;
        suppress(candidate, 'COMPLEMENTARY');
        again = changed = true;
      }
    }
    return changed;
  };

  // 4. Exact check over everything published together (find-disclosure.ts); each leak costs one more hidden cell.
  const totalId = cells.length;
  for (let round = 0; ; round++) {
    applyLineRule();
    const equations = [
      { id: totalId, fine: fineKeys.map((_, i) => i) },
      ...cells.flatMap((cell, id) => (cell.suppressed ? [] : [{ id, fine: cell.fine }])),
    ];
    const leak = findDisclosure(fineCount, equations, k);
    if (!leak) break;
    // Hide the smallest two-way cell the derivation rests on (margins and the total stay: each is ≥ k).
    const next = leak.proof
      .map((id) => cells[id])
      .filter((c): c is WorkCell => c !== undefined && !c.suppressed && tableDims[c.table]!.length === 2 && c.count > 0)
      .sort(byCount)[0];
    if (!next || round > pairCells.length) {
      // Only the margins give it away (cannot happen: each is ≥ k) or nothing is left to hide: show only margins.
      for (const cell of pairCells) if (!cell.suppressed && cell.count > 0) suppress(cell, 'DISCLOSURE_RISK');
      break;
    }
    suppress(next, 'DISCLOSURE_RISK');
  }

  const categoryOf = (d: string, id: string) => merges[d]!.find((c) => c.id === id)!;
  const present = (cell: WorkCell): PublishedCell => {
    const tdims = tableDims[cell.table]!;
    const notes: CellNote[] = [];
    for (const d of tdims) {
      const note = categoryOf(d, cell.key[d]!).note;
      if (note && !notes.includes(note)) notes.push(note);
    }
    if (cell.reason) notes.push(cell.reason);
    if (!cell.suppressed && cell.count === 0) notes.push('NO_DATA');
    return {
      key: cell.key,
      members: Object.fromEntries(tdims.map((d) => [d, [...categoryOf(d, cell.key[d]!).members]])),
      count: cell.suppressed ? null : cell.count,
      mean: cell.suppressed || cell.count === 0 ? null : cell.sum / cell.count,
      suppressed: cell.suppressed,
      notes,
    };
  };

  return {
    k,
    withheld: false,
    total: { key: {}, members: {}, count: totalCount, mean: totalSum / totalCount, suppressed: false, notes: [] },
    tables: tableDims.map((tdims, table) => ({
      dimensions: tdims,
      cells: cells.filter((c) => c.table === table).map(present),
    })),
    merges,
  };
}
