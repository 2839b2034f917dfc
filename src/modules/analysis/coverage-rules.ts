/**
 * The rules of the coverage analysis, as data and small functions, so they can be shown, tested and changed in one
 * place (docs/analysis.md explains them):
 * - a link weighs 1 (strong), 0.5 (moderate) or 0.25 (weak); a target's score is the sum over active measures,
 *   capped at 1;
 * - levels: none (0), low (under 0.5), partial (0.5 up to 1), covered (1);
 * - a measure reaches the audience groups its catalogue audiences map to (`audienceGroupRule`).
 */
import type { AudienceTag } from '../catalogue/index.js';
import { audienceGroups, type AudienceGroup, type CoverageLevel, type Strength } from './types.js';

export const strengthWeight: Readonly<Record<Strength, number>> = { strong: 1, moderate: 0.5, weak: 0.25 };
export const scoreCap = 1;
export const levelThresholds = { low: 0, partial: 0.5, covered: 1 } as const;

/**
 * Which of the four groups each catalogue audience reaches. "Whole sector" is reached only by measures meant for
 * the whole sector, and those reach every group. Members of the Health Network and health service providers include
 * hospitals, GP offices, clinics and municipal services, so they reach the three enterprise groups. Agencies under
 * the ministry, the specialist health service, the health administration and, in v0.7, the named specific actors
 * (RHFs, Norsk Helsenett, enterprises with VDI sensors) are all large. Suppliers are outside the enterprise groups.
 */
export const audienceGroupRule: Readonly<Record<AudienceTag, readonly AudienceGroup[]>> = {
  'whole-sector': ['whole-sector', 'large-enterprises', 'small-enterprises', 'municipalities'],
  'under-hod': ['large-enterprises'],
  'large-enterprises': ['large-enterprises'],
  'small-enterprises': ['small-enterprises'],
  municipalities: ['municipalities'],
  'health-service-providers': ['large-enterprises', 'small-enterprises', 'municipalities'],
  'specialist-health-service': ['large-enterprises'],
  'helsenett-members': ['large-enterprises', 'small-enterprises', 'municipalities'],
  'health-administration': ['large-enterprises'],
  suppliers: [],
  'specific-actors': ['large-enterprises'],
};

/** The groups a measure with these audiences reaches, in the fixed group order. */
export function groupsReached(audiences: readonly AudienceTag[]): AudienceGroup[] {
  const reached = new Set(audiences.flatMap((tag) => audienceGroupRule[tag] ?? []));
  return audienceGroups.filter((group) => reached.has(group));
}

export function levelOf(score: number): CoverageLevel {
  if (score <= levelThresholds.low) return 'none';
  if (score < levelThresholds.partial) return 'low';
  if (score < levelThresholds.covered) return 'partial';
  return 'covered';
}

/** The rules as the API reports them next to every analysis. */
export const coverageRules = {
  strengthWeight,
  scoreCap,
  levelThresholds,
  audienceGroupRule,
} as const;
