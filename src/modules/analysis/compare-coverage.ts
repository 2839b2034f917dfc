/** Compares two analyses (published edition vs. draft): per target the change in score, overall and per group. */
import {
  audienceGroups,
  dimensions,
  type AudienceGroup,
  type CoverageAnalysis,
  type CoverageLevel,
  type Dimension,
  type Gap,
  type GapKind,
} from './types.js';

export interface ScoreChange {
  before: number;
  after: number;
  delta: number;
}

export interface TargetChange {
  dimension: Dimension;
  targetId: string;
  code: string;
  overall: ScoreChange & { levelBefore: CoverageLevel; levelAfter: CoverageLevel };
  byAudience: Record<AudienceGroup, ScoreChange>;
  gapsClosed: GapKind[];
  gapsOpened: GapKind[];
  measuresAdded: string[];
  measuresRemoved: string[];
}

export interface CoverageComparison {
  /** Every target, in the order of the analysis; `changed` marks those with any difference. */
  targets: (TargetChange & { changed: boolean })[];
  gapsClosed: Gap[];
  gapsOpened: Gap[];
}

const change = (before: number, after: number): ScoreChange => ({
  before,
  after,
  delta: Math.round((after - before) * 1000) / 1000,
});

export function compareCoverage(base: CoverageAnalysis, draft: CoverageAnalysis): CoverageComparison {
  const targets: CoverageComparison['targets'] = [];
  const gapsClosed: Gap[] = [];
  const gapsOpened: Gap[] = [];
  for (const dimension of dimensions) {
    const baseById = new Map(base[dimension].map((t) => [t.target.id, t]));
    for (const after of draft[dimension]) {
      const before = baseById.get(after.target.id);
      if (!before) continue;
      const closed = before.gaps.filter((g) => !after.gaps.includes(g));
      const opened = after.gaps.filter((g) => !before.gaps.includes(g));
      const byAudience = Object.fromEntries(
        audienceGroups.map((g) => [g, change(before.byAudience[g].score, after.byAudience[g].score)]),
      ) as Record<AudienceGroup, ScoreChange>;
      const beforeIds = before.links.map((l) => `${l.measureId}:${l.strength}`);
      const afterIds = after.links.map((l) => `${l.measureId}:${l.strength}`);
      const entry: TargetChange = {
        dimension,
        targetId: after.target.id,
        code: after.target.code,
        overall: {
          ...change(before.overall.score, after.overall.score),
          levelBefore: before.overall.level,
          levelAfter: after.overall.level,
        },
        byAudience,
        gapsClosed: closed,
        gapsOpened: opened,
        measuresAdded: after.links.filter((l, i) => !beforeIds.includes(afterIds[i] ?? '')).map((l) => l.measureId),
        measuresRemoved: before.links.filter((l, i) => !afterIds.includes(beforeIds[i] ?? '')).map((l) => l.measureId),
      };
      const changed =
        entry.overall.delta !== 0 ||
        Object.values(byAudience).some((c) => c.delta !== 0) ||
        closed.length + opened.length + entry.measuresAdded.length + entry.measuresRemoved.length > 0;
      targets.push({ ...entry, changed });
      const base = { dimension, targetId: after.target.id, code: after.target.code };
      for (const kind of closed) gapsClosed.push({ ...base, kind });
      for (const kind of opened) gapsOpened.push({ ...base, kind });
    }
  }
  return { targets, gapsClosed, gapsOpened };
}
