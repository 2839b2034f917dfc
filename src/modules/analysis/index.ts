/**
 * analysis: how well the strategy's measures cover NSM's principles, the goals of the national areas and the
 * strategic areas, split by whom they reach (whole sector, large and small enterprises, municipalities) and by kind;
 * the gaps; and drafts that show the change in coverage before a new edition is published.
 */
export { analysisRoutes } from './analysis-routes.js';
export { editionCoverage, type CoverageReport, type CoverageQuery } from './coverage-service.js';
export { syncShippedMappings, type MappingSyncOutcome } from './mapping-service.js';
export { computeCoverage } from './compute-coverage.js';
export { compareCoverage, type CoverageComparison } from './compare-coverage.js';
export { coverageRules, groupsReached } from './coverage-rules.js';
export type * from './types.js';
export type { DraftCoverage, DraftDetail } from './draft-service.js';
export type { DraftInfo, DraftChange, DraftAction, ProposedMeasure, MeasureOverrides } from './draft-types.js';
export type { MappingRevision } from './mapping-repository.js';
export type { TargetChange, ScoreChange } from './compare-coverage.js';
