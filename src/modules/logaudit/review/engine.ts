/**
 * The one place the review workflow touches the access-log engine (src/modules/logaudit): opening a workspace,
 * ingesting a dataset folder, analysing, and the vocabularies and texts. When the engine's public index changes,
 * only this file follows.
 */
export { openWorkspace, type Workspace } from '../workspace/workspace.js';
export { ingestDataset, type IngestReport } from '../service/ingest-dataset.js';
export { analyzeWorkspace, type AnalysisResult } from '../service/analyze.js';
export { exec, lit, rows, scalar, type Db as DuckDb } from '../workspace/sql.js';
export { formatInZone } from '../domain/time.js';
export { actionFromCode, purposeFromCode } from '../domain/codes.js';
export { EXPLANATION_KINDS, explanationById } from '../domain/explanations.js';
export { REASONS } from '../domain/reasons.js';
export { locateDataset } from '../dataset/layout.js';
export { applyOrganisationRules } from '../workspace/explain-sql.js';
export { rebuildPairDays } from '../workspace/pair-days-sql.js';
export { actionCode, ACTIONS } from '../domain/codes.js';
