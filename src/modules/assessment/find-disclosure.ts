/**
 * The exact disclosure check behind publishAggregates: can any group of fewer than k enterprises (but more than 0)
 * be worked out by adding and subtracting the published counts, across all published tables together?
 *
 * The attacker is assumed to know which finest groups are empty (public registers show, say, that there is no
 * large dental clinic in the north), so only non-empty groups are unknowns. Ordering the "large" groups (≥ k)
 * before the small ones and reducing the equations, the rows left with no large group span every determined
 * combination of small groups only; a leak is a 0/1 vector in that (usually empty) space with total below k.
 * Those are enumerated smallest first, within a budget; past the budget the answer is a conservative "yes".
 */
import { RowSpace } from './row-space.js';

export interface PublishedEquation {
  /** Index of the published cell (used in proofs). */
  readonly id: number;
  /** The finest groups the cell covers. */
  readonly fine: readonly number[];
}

export interface Disclosure {
  /** The finest groups whose total can be worked out (and is below k). */
  readonly group: number[];
  /** Ids of published cells the derivation uses. */
  readonly proof: number[];
  /** True when the budget ran out and the group is only possibly determined. */
  readonly conservative: boolean;
}

export function findDisclosure(
  fineCount: ArrayLike<number>,
  equations: readonly PublishedEquation[],
  k: number,
  budget = 20000,
): Disclosure | null {
  const large: number[] = [];
  const small: number[] = [];
  for (let i = 0; i < fineCount.length; i++) {
    const n = fineCount[i]!;
    if (n >= k) large.push(i);
    else if (n > 0) small.push(i);
  }
  if (small.length === 0) return null;
  // Columns: large groups first, then small ones from the smallest count up.
  small.sort((a, b) => fineCount[a]! - fineCount[b]! || a - b);
  const order = [...large, ...small];
  const column = new Map(order.map((fine, c) => [fine, c]));
  const toColumns = (fine: readonly number[]) => fine.flatMap((i) => (column.has(i) ? [column.get(i)!] : []));

  const space = new RowSpace(order.length);
  for (const equation of equations) {
    const cols = toColumns(equation.fine);
    if (cols.length > 0) space.addIndices(cols);
  }
  const onlySmall = space.rowsFrom(large.length);
  if (onlySmall.length === 0) return null;
  const explain = (cols: readonly number[], conservative: boolean): Disclosure => {
    const group = cols.map((c) => order[c]!);
    const ids = Math.max(0, ...equations.map((e) => e.id)) + 1;
    const withProofs = new RowSpace(order.length, ids);
    for (const equation of equations) {
      const eqCols = toColumns(equation.fine);
      if (eqCols.length > 0) withProofs.addIndices(eqCols, equation.id);
    }
    const proof =
      withProofs.proof(cols) ?? equations.filter((e) => e.fine.some((i) => group.includes(i))).map((e) => e.id);
    return { group, proof, conservative };
  };

  // A vector in the span of reduced rows is fixed by its values at the pivots: a 0/1 vector is the sum of the rows
  // whose pivots it contains. So try sums of rows, smallest pivot counts first; a sum is a leak when every entry
  // is 0 or 1 and its total is below k.
  const rows = onlySmall
    .map((values) => {
      const cols: number[] = [];
      values.forEach((x, c) => x !== 0 && cols.push(c));
      return { pivot: cols[0]!, cols, values: cols.map((c) => values[c]!) };
    })
    .sort((a, b) => a.pivot - b.pivot);
  const countAt = (c: number) => fineCount[order[c]!]!;
  let visited = 0;
  const result: { found: number[] | null; stopped: boolean } = { found: null, stopped: false };
  // The running sum, kept with how many entries are neither 0 nor 1 and the count over the entries that are 1.
  const sum = new Int32Array(order.length);
  const state = { bad: 0, total: 0 };
  const account = (c: number, sign: 1 | -1) => {
    const x = sum[c]! % 67108859;
    if (x === 1) state.total += sign * countAt(c);
    else if (x !== 0) state.bad += sign;
  };
  const apply = (row: (typeof rows)[number], sign: 1 | -1) => {
    row.cols.forEach((c, j) => {
      account(c, -1);
      sum[c]! += sign * row.values[j]!;
      account(c, 1);
    });
  };
  const walk = (start: number, pivotTotal: number) => {
    for (let i = start; i < rows.length && !result.found && !result.stopped; i++) {
      const row = rows[i]!;
      // Pivots are sorted by count, so once one is too big the rest are too.
      if (pivotTotal + countAt(row.pivot) >= k) return;
      if (++visited > budget) {
        result.stopped = true;
        return;
      }
      apply(row, 1);
      if (state.bad === 0 && state.total > 0 && state.total < k) {
        result.found = [];
        for (let c = 0; c < sum.length; c++) if (sum[c]! % 67108859 === 1) result.found.push(c);
      } else walk(i + 1, pivotTotal + countAt(row.pivot));
      apply(row, -1);
    }
  };
  walk(0, 0);
  if (result.found) return explain(result.found, false);
  if (result.stopped) {
    const touched = new Set<number>();
    for (const row of onlySmall) row.forEach((x, c) => x !== 0 && touched.add(c));
    return explain([...touched], true);
  }
  return null;
}
