/**
 * log review: the workflow around the access-log engine (measures 4.6 and 4.7) — datasets and background analysis
 * runs per organisation, cases ranked for the review team, decisions with four-eyes approval, explanation rules
 * that feed the next run, the control report, and the patient-readable access log.
 */
export { logReviewRoutes, type LogReviewOptions } from './review-plugin.js';
export { seedLogReviewDemo } from './demo-seed.js';
export type * from './types.js';
export type { CaseList, CaseListItem, CaseDetail } from './case-service.js';
export type { DatasetOverview } from './dataset-service.js';
export type { Upload, AllowedFolder } from './dataset-repository.js';
export type { Run, RunSummary } from './run-repository.js';
export type { PatientLog, PatientLogOccasion, PatientLogEntry } from './domain/patient-log.js';
export type { ControlReport } from './domain/control-report.js';
export type { CaseWorkspaceView } from './case-queries.js';
export type { RuleDraft } from './domain/rules.js';
