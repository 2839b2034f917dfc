/** The log-review workflow's PostgreSQL tables, added to the typed database schema (see the migration). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
/** Calendar days as text, YYYY-MM-DD (no time zone to get wrong). */
type DateText = ColumnType<string, string, string>;

export interface LogReviewFolderTable {
  id: string;
  organisation_id: string;
  path: string;
  label: string;
  source: 'env' | 'admin';
  added_by: string | null;
  added_at: Timestamp;
  removed_at: NullableTimestamp;
}

export interface LogReviewDatasetTable {
  id: string;
  organisation_id: string;
  name: string;
  source_kind: 'upload' | 'folder';
  folder_id: string | null;
  review_capacity: number;
  finding_budget: number | null;
  patient_log_names: boolean;
  rules_applied_hash: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface StoredUploadFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface LogReviewUploadTable {
  id: string;
  dataset_id: string;
  files: Json<StoredUploadFile[]>;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  ingested_by_run: string | null;
}

export interface LogReviewRunTable {
  id: string;
  dataset_id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  phase: string;
  progress: number;
  inputs: Json<unknown>;
  summary: Json<unknown> | null;
  error: Json<unknown> | null;
  started_by: string | null;
  queued_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface LogReviewCaseTable {
  id: string;
  dataset_id: string;
  user_id: string;
  status: 'open' | 'pending_approval' | 'follow_up' | 'closed' | 'inactive';
  score: number;
  rank: number | null;
  active_findings: number;
  reason_codes: Json<string[]>;
  user_role: string | null;
  department_id: string | null;
  department_name: string | null;
  first_seen: Timestamp;
  last_seen: Timestamp;
  first_flagged_at: Timestamp;
  last_run_id: string;
  updated_at: Timestamp;
}

export interface LogReviewFindingTable {
  case_id: string;
  patient_id: string;
  score: number;
  first_seen: Timestamp;
  last_seen: Timestamp;
  event_ids: Json<string[]>;
  event_count: number;
  reasons: Json<unknown[]>;
  active: boolean;
  status: 'open' | 'pending_approval' | 'follow_up' | 'legitimate' | 'not_legitimate';
  decision_id: string | null;
  covered_until: NullableTimestamp;
  first_flagged_at: Timestamp;
  last_run_id: string;
}

export interface LogReviewDecisionTable {
  id: string;
  case_id: string;
  patient_ids: Json<string[]>;
  outcome: 'legitimate' | 'not_legitimate' | 'follow_up';
  explanation_kind: string | null;
  justification: string;
  follow_up_contact: string | null;
  follow_up_role: 'manager' | 'hr' | null;
  status: 'final' | 'pending_approval' | 'approved' | 'rejected';
  decided_by: string;
  decided_by_name: string;
  decided_at: Timestamp;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: NullableTimestamp;
  review_note: string | null;
  rule_id: string | null;
}

export interface LogReviewCaseHistoryTable {
  seq: Generated<number>;
  case_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_name: string | null;
  kind: string;
  detail: Json<Record<string, unknown>>;
}

export interface LogReviewRuleTable {
  id: string;
  organisation_id: string;
  status: 'proposed' | 'approved' | 'retired' | 'rejected';
  description_nb: string;
  description_en: string;
  user_role: string | null;
  user_department_id: string | null;
  user_department_kind: string | null;
  action: string | null;
  purpose: string | null;
  encounter_kind: string | null;
  window_days: number;
  source_case_id: string | null;
  source_decision_id: string | null;
  version: number;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: Timestamp;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: NullableTimestamp;
  retired_by: string | null;
  retired_by_name: string | null;
  retired_at: NullableTimestamp;
  status_reason: string | null;
  updated_at: Timestamp;
}

export interface LogReviewRuleHistoryTable {
  seq: Generated<number>;
  rule_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_name: string | null;
  kind: string;
  reason: string | null;
  snapshot: Json<Record<string, unknown>>;
}

export interface LogReviewPortalLinkTable {
  token_hash: string;
  dataset_id: string;
  patient_id: string;
  period_from: DateText;
  period_to: DateText;
  channel: 'reviewer' | 'demo';
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface LogReviewPatientLogViewTable {
  id: Generated<number>;
  dataset_id: string;
  channel: 'reviewer' | 'portal';
  patient_id: string;
  period_from: DateText;
  period_to: DateText;
  lookups: number;
  documented: number;
  occasions: number;
  viewed_by: string | null;
  viewed_at: Timestamp;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    logreview_folder: LogReviewFolderTable;
    logreview_dataset: LogReviewDatasetTable;
    logreview_upload: LogReviewUploadTable;
    logreview_run: LogReviewRunTable;
    logreview_case: LogReviewCaseTable;
    logreview_finding: LogReviewFindingTable;
    logreview_decision: LogReviewDecisionTable;
    logreview_case_history: LogReviewCaseHistoryTable;
    logreview_rule: LogReviewRuleTable;
    logreview_rule_history: LogReviewRuleHistoryTable;
    logreview_portal_link: LogReviewPortalLinkTable;
    logreview_patient_log_view: LogReviewPatientLogViewTable;
  }
}
