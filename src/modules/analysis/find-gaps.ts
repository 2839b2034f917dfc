/**
 * The gap rules: each is a small, named test on a target's coverage (docs/analysis.md).
 * - `none`: no active measure is linked to the target;
 * - `weak`: linked, but the score is below 1 (only weak or moderate links, too few to add up);
 * - `only-large`: reaches large enterprises but neither small enterprises nor municipalities;
 * - `small-enterprises-weak`: covered overall, but small enterprises' score is below 1;
 * - `intended-audience-missed`: the target names who it is for (strategic areas), and linked measures reach none of
 *   some of those groups.
 */
import { groupsReached } from './coverage-rules.js';
import type { AudienceGroup, CoverageCell, CoverageTarget, GapKind } from './types.js';

export interface GapInput {
  readonly target: CoverageTarget;
  readonly overall: CoverageCell;
  readonly byAudience: Readonly<Record<AudienceGroup, CoverageCell>>;
}

export const isUncovered = (t: GapInput) => t.overall.score === 0;
export const isWeak = (t: GapInput) => t.overall.score > 0 && t.overall.score < 1;
export const isOnlyLarge = (t: GapInput) =>
  t.byAudience['large-enterprises'].score > 0 &&
  t.byAudience['small-enterprises'].score === 0 &&
  t.byAudience.municipalities.score === 0;
export const isSmallEnterprisesWeak = (t: GapInput) =>
  t.overall.score >= 1 && t.byAudience['small-enterprises'].score < 1;

/** The intended groups (from the target's own audiences) that no linked measure reaches. */
export function missedIntendedGroups(t: GapInput): AudienceGroup[] {
  if (!t.target.intendedAudiences || t.overall.score === 0) return [];
  return groupsReached(t.target.intendedAudiences).filter((group) => t.byAudience[group].score === 0);
}

export function findGaps(t: GapInput): { gaps: GapKind[]; missedGroups: AudienceGroup[] } {
  const missedGroups = missedIntendedGroups(t);
  const gaps: GapKind[] = [];
  if (isUncovered(t)) gaps.push('none');
  if (isWeak(t)) gaps.push('weak');
  if (isOnlyLarge(t)) gaps.push('only-large');
  if (isSmallEnterprisesWeak(t)) gaps.push('small-enterprises-weak');
  if (missedGroups.length > 0) gaps.push('intended-audience-missed');
  return { gaps, missedGroups };
}
