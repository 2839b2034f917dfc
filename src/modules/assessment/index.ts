/**
 * assessment: each enterprise's self-assessment against a framework (the 10 basic measures first, NSM's principles
 * in depth) with guidance, a short guided path for small enterprises and an action plan; sector surveys with
 * personal links; and indicators and peer benchmarks published only for groups of at least k enterprises.
 */
export { assessmentRoutes, type AssessmentRouteOptions } from './assessment-plugin.js';
export { readAssessmentSettings, defaultMinGroupSize, type AssessmentSettings } from './assessment-settings.js';
export {
  publishAggregates,
  type Publication,
  type PublishedCell,
  type AggregateGroup,
  type DimensionSpec,
} from './publish-aggregates.js';
export { loadAssessmentContent, shippedAssessmentContent, type AssessmentContent } from './assessment-content.js';
export type * from './types.js';
export type * from './survey-types.js';
export { seedAssessmentDemo, type DemoSectorOptions } from './demo-seed.js';
export { registerAssessmentCommands } from './assessment-cli.js';
