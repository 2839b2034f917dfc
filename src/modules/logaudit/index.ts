/**
 * logaudit — control of lookups in patient records (measures 4.6 and 4.7 in seed 004, Tiltaksoversikt v0.7): read a
 * dataset (specs/access-log-dataset.md) into a DuckDB workspace in daily batches, explain what documented care
 * explains, score the rest with rules and statistics learned from the data, and rank findings and cases for review.
 */
export { openWorkspace, type Workspace, type WorkspaceOptions } from './workspace/workspace.js';
export { ingestDataset, type IngestOptions, type IngestReport } from './service/ingest-dataset.js';
export { analyzeWorkspace, type AnalyzeOptions, type AnalysisResult, MIN_FINDING_SCORE } from './service/analyze.js';
export {
  patientAccessList,
  listRuns,
  readFindings,
  type PatientAccess,
  type StoredRun,
  type StoredFinding,
} from './workspace/access-repository.js';
export { readExplanationRules, saveExplanationRule, type NewExplanationRule } from './workspace/rules-repository.js';
export { locateDataset, type DatasetLayout } from './dataset/layout.js';
export { groupIntoCases, defaultBudget, type Finding, type Case } from './domain/findings.js';
export { REASONS, REASON_CODES, reason, type Reason, type ReasonCode } from './domain/reasons.js';
export { EXPLANATION_KINDS, explanationById, type ExplanationKind } from './domain/explanations.js';
export {
  ACTIONS,
  PURPOSES,
  ROLES,
  actionFromCode,
  purposeFromCode,
  type Action,
  type Purpose,
} from './domain/codes.js';
export { ISSUE_CLASSES, issueAction, formatIssue, type IngestIssue, type IssueClass } from './domain/ingest-issues.js';
export { formatInZone } from './domain/time.js';
export { registerLogsCommands } from './cli.js';
