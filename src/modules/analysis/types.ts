/**
 * The coverage analysis as plain data: links from measures to what they support (NSM principles, the goals of the
 * national areas, the strategic areas), and the coverage computed from them. See docs/analysis.md for the rules.
 */
import type { AudienceTag, MeasureKind } from '../catalogue/index.js';

export const strengths = ['strong', 'moderate', 'weak'] as const;
export type Strength = (typeof strengths)[number];

/** What a measure can be linked to. */
export const dimensions = ['principles', 'goals', 'strategicAreas'] as const;
export type Dimension = (typeof dimensions)[number];

/** A one-line reason in bokmål and English. */
export interface Rationale {
  nb: string;
  en: string;
}

export interface MappingLink {
  /** Principle id (in the mapping's framework), area id (its goal) or strategic area id. */
  target: string;
  strength: Strength;
  rationale: Rationale;
}

export interface MeasureLinks {
  principles: MappingLink[];
  goals: MappingLink[];
  strategicAreas: MappingLink[];
}

export interface MeasureMapping extends MeasureLinks {
  measureId: string;
}

export interface LocalizedPair {
  nb: string;
  en: string;
}

/** A mapping file (data/analysis/*.yaml) as read and checked. */
export interface MappingFile {
  id: string;
  version: number;
  editionId: string;
  frameworkId: string;
  title: LocalizedPair;
  analysis: LocalizedPair;
  source: { document: string; note?: string };
  measures: MeasureMapping[];
}

/** The four groups coverage is split by (docs/analysis.md: which audience tags reach which group). */
export const audienceGroups = ['whole-sector', 'large-enterprises', 'small-enterprises', 'municipalities'] as const;
export type AudienceGroup = (typeof audienceGroups)[number];

/** A measure as the analysis sees it: from the catalogue, or proposed in a draft. */
export interface CoverageMeasure {
  id: string;
  title: string;
  areaId: string;
  kind: MeasureKind;
  audiences: AudienceTag[];
  /** Proposed in a draft and not (yet) in a published edition. */
  proposed: boolean;
}

/** Something measures can cover: a principle, an area's goal, a strategic area. */
export interface CoverageTarget {
  id: string;
  /** Short code shown to people (principle `2.9`, area `4`). */
  code: string;
  title: { nb: string; en?: string };
  /** The principle's summary or the area's goal. */
  description?: { nb: string; en?: string };
  /** The principle's category (id and title), for grouping. */
  group?: { id: string; title: { nb: string; en?: string } };
  /** Who the target is meant for, when the source says so (strategic areas name their beneficiaries). */
  intendedAudiences?: AudienceTag[];
}

export const coverageLevels = ['none', 'low', 'partial', 'covered'] as const;
export type CoverageLevel = (typeof coverageLevels)[number];

/** Coverage of one target by one set of measures. */
export interface CoverageCell {
  /** Sum of the link weights, capped at 1. */
  score: number;
  /** Sum of the link weights, not capped. */
  rawScore: number;
  level: CoverageLevel;
  measureIds: string[];
}

export interface Contribution {
  measureId: string;
  strength: Strength;
  weight: number;
  rationale: Rationale;
}

export const gapKinds = ['none', 'weak', 'only-large', 'small-enterprises-weak', 'intended-audience-missed'] as const;
export type GapKind = (typeof gapKinds)[number];

export interface TargetCoverage {
  target: CoverageTarget;
  overall: CoverageCell;
  byAudience: Record<AudienceGroup, CoverageCell>;
  byKind: Record<MeasureKind, CoverageCell>;
  links: Contribution[];
  gaps: GapKind[];
  /** For `intended-audience-missed`: the intended groups that no linked measure reaches. */
  missedGroups: AudienceGroup[];
}

export interface Gap {
  dimension: Dimension;
  targetId: string;
  code: string;
  kind: GapKind;
}

export interface MeasureSummary extends CoverageMeasure {
  groups: AudienceGroup[];
  links: { principles: number; goals: number; strategicAreas: number };
}

export interface CoverageAnalysis {
  principles: TargetCoverage[];
  goals: TargetCoverage[];
  strategicAreas: TargetCoverage[];
  gaps: Gap[];
  measures: MeasureSummary[];
}
