/**
 * Computes the coverage of principles, area goals and strategic areas by a set of measures and their links: pure
 * functions over plain data, the same for the published edition, a draft, the API, the CLI and the exports.
 */
import type { MeasureKind } from '../catalogue/index.js';
import { groupsReached, levelOf, scoreCap, strengthWeight } from './coverage-rules.js';
import { findGaps } from './find-gaps.js';
import {
  audienceGroups,
  dimensions,
  type AudienceGroup,
  type Contribution,
  type CoverageAnalysis,
  type CoverageCell,
  type CoverageMeasure,
  type CoverageTarget,
  type Dimension,
  type Gap,
  type MeasureMapping,
  type TargetCoverage,
} from './types.js';

export interface CoverageInput {
  /** The active measures (retired ones are left out by the caller). */
  readonly measures: readonly CoverageMeasure[];
  readonly mappings: readonly MeasureMapping[];
  readonly targets: Readonly<Record<Dimension, readonly CoverageTarget[]>>;
}

/** The catalogue's measure kinds (its index exports the type only). */
export const measureKinds: readonly MeasureKind[] = ['existing', 'new'];

const round = (value: number) => Math.round(value * 1000) / 1000;

export function cellOf(contributions: readonly Contribution[]): CoverageCell {
  const rawScore = round(contributions.reduce((sum, c) => sum + c.weight, 0));
  const score = Math.min(scoreCap, rawScore);
  return { score, rawScore, level: levelOf(score), measureIds: contributions.map((c) => c.measureId) };
}

function targetCoverage(
  target: CoverageTarget,
  links: readonly Contribution[],
  groupsOf: ReadonlyMap<string, readonly AudienceGroup[]>,
  kindOf: ReadonlyMap<string, MeasureKind>,
): TargetCoverage {
  const byAudience = Object.fromEntries(
    audienceGroups.map((group) => [group, cellOf(links.filter((l) => groupsOf.get(l.measureId)?.includes(group)))]),
  ) as Record<AudienceGroup, CoverageCell>;
  const byKind = Object.fromEntries(
    measureKinds.map((kind) => [kind, cellOf(links.filter((l) => kindOf.get(l.measureId) === kind))]),
  ) as Record<MeasureKind, CoverageCell>;
  const overall = cellOf(links);
  return { target, overall, byAudience, byKind, links: [...links], ...findGaps({ target, overall, byAudience }) };
}

/** The measure ids in natural order (1.2 before 1.10), proposed ids last when they do not parse. */
function compareIds(a: string, b: string): number {
  const [aa = Infinity, an = Infinity] = a.split('.').map(Number);
  const [ba = Infinity, bn = Infinity] = b.split('.').map(Number);
  return aa - ba || an - bn || a.localeCompare(b);
}

export function computeCoverage(input: CoverageInput): CoverageAnalysis {
  const measures = [...input.measures].sort((a, b) => compareIds(a.id, b.id));
  const active = new Set(measures.map((m) => m.id));
  const groupsOf = new Map(measures.map((m) => [m.id, groupsReached(m.audiences)]));
  const kindOf = new Map(measures.map((m) => [m.id, m.kind]));
  const mappingOf = new Map(input.mappings.filter((m) => active.has(m.measureId)).map((m) => [m.measureId, m]));

  const result = {} as Record<Dimension, TargetCoverage[]>;
  const gaps: Gap[] = [];
  for (const dimension of dimensions) {
    result[dimension] = input.targets[dimension].map((target) => {
      const links: Contribution[] = [];
      for (const measure of measures) {
        for (const link of mappingOf.get(measure.id)?.[dimension] ?? []) {
          if (link.target !== target.id) continue;
          links.push({
            measureId: measure.id,
            strength: link.strength,
            weight: strengthWeight[link.strength],
            rationale: link.rationale,
          });
        }
      }
      const coverage = targetCoverage(target, links, groupsOf, kindOf);
      for (const kind of coverage.gaps) gaps.push({ dimension, targetId: target.id, code: target.code, kind });
      return coverage;
    });
  }
  return {
    ...result,
    gaps,
    measures: measures.map((m) => {
      const mapping = mappingOf.get(m.id);
      return {
        ...m,
        groups: groupsOf.get(m.id) ?? [],
        links: {
          principles: mapping?.principles.length ?? 0,
          goals: mapping?.goals.length ?? 0,
          strategicAreas: mapping?.strategicAreas.length ?? 0,
        },
      };
    }),
  };
}
