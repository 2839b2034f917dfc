/** Principles per coverage level for each audience group: the numbers behind the group chart. */
import { audienceGroupList, type CoverageLevel, type TargetCoverage } from './analysis-api.js';

export const levelOrder: CoverageLevel[] = ['covered', 'partial', 'low', 'none'];

export function groupCounts(targets: readonly TargetCoverage[]) {
  return audienceGroupList.map((group) => {
    const counts = Object.fromEntries(levelOrder.map((l) => [l, 0])) as Record<CoverageLevel, number>;
    for (const target of targets) counts[target.byAudience[group].level] += 1;
    return { group, ...counts };
  });
}
