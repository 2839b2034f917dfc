/**
 * Ranking quality against a ground truth, as plain functions: AUC-ROC (ties count half), AUC-PR as average
 * precision, recall and precision within a budget, recall per scenario. Items are (score, positive) in any order;
 * the ranking used for budgets is the given order (callers pass findings in rank order).
 */

export interface Scored {
  readonly score: number;
  readonly positive: boolean;
}

/** Area under the ROC curve via the rank-sum (Mann–Whitney U) statistic with average ranks for ties. */
export function aucRoc(items: readonly Scored[]): number {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as Scored).score === (sorted[i] as Scored).score) j++;
    const averageRank = (i + j + 2) / 2; // ranks are 1-based
    for (let k = i; k <= j; k++) {
      if ((sorted[k] as Scored).positive) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Average precision (area under the precision–recall curve, step-wise). Tied scores are treated as one block:
 * precision at the block's end applies to every positive in it, so the result does not depend on tie order.
 */
export function aucPr(items: readonly Scored[]): number {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const totalPositives = sorted.filter((x) => x.positive).length;
  if (totalPositives === 0) return Number.NaN;
  let seen = 0;
  let hits = 0;
  let sum = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    let blockHits = 0;
    while (j < sorted.length && (sorted[j] as Scored).score === (sorted[i] as Scored).score) {
      if ((sorted[j] as Scored).positive) blockHits++;
      j++;
    }
    seen += j - i;
    hits += blockHits;
    sum += blockHits * (hits / seen);
    i = j;
  }
  return sum / totalPositives;
}

export interface BudgetResult {
  readonly budget: number;
  readonly flagged: number;
  readonly truePositives: number;
  readonly recall: number;
  readonly precision: number;
}

/** Recall and precision of the first `budget` keys of a ranking against a set of positive keys. */
export function atBudget(ranking: readonly string[], positives: ReadonlySet<string>, budget: number): BudgetResult {
  const flagged = ranking.slice(0, Math.max(0, budget));
  const truePositives = flagged.filter((k) => positives.has(k)).length;
  return {
    budget,
    flagged: flagged.length,
    truePositives,
    recall: positives.size > 0 ? truePositives / positives.size : Number.NaN,
    precision: flagged.length > 0 ? truePositives / flagged.length : Number.NaN,
  };
}

/** Recall per scenario within the first `budget` keys. `scenarios` maps a positive key to its scenario names. */
export function recallPerScenario(
  ranking: readonly string[],
  scenarios: ReadonlyMap<string, readonly string[]>,
  budget: number,
): Record<string, { total: number; found: number; recall: number }> {
  const flagged = new Set(ranking.slice(0, Math.max(0, budget)));
  const out: Record<string, { total: number; found: number; recall: number }> = {};
  for (const [key, names] of scenarios) {
    for (const name of names) {
      const entry = out[name] ?? { total: 0, found: 0, recall: 0 };
      entry.total++;
      if (flagged.has(key)) entry.found++;
      out[name] = entry;
    }
  }
  for (const entry of Object.values(out)) entry.recall = entry.total > 0 ? entry.found / entry.total : Number.NaN;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
