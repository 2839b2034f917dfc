/** The assessment module's tables, added to the typed database schema. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, string, string>;
type NullableTimestamp = ColumnType<Date | null, string | null, string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface AssessmentTable {
  id: string;
  organisation_id: string;
  framework_id: string;
  year: number;
  path: string;
  title: string;
  status: string;
  share_anonymously: boolean;
  created_at: Timestamp;
  created_by: Json<{ userId: string; name: string }>;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  submitted_by: Json<{ userId: string; name: string } | null>;
  approved_at: NullableTimestamp;
  approved_by: Json<{ userId: string; name: string } | null>;
}

export interface AnswerTable {
  assessment_id: string;
  requirement_id: string;
  kind: string;
  level: number | null;
  target_level: number | null;
  not_relevant_reason: string | null;
  comment: string | null;
  evidence: Json<unknown[]>;
  answered_by: Json<{ userId: string; name: string }>;
  answered_at: Timestamp;
  version: number;
}

export interface ActionTable {
  id: string;
  organisation_id: string;
  assessment_id: string | null;
  framework_id: string;
  requirement_ids: Json<string[]>;
  template_id: string | null;
  title: string;
  description: string | null;
  owner: string | null;
  due_date: ColumnType<string | null, string | null, string | null>;
  status: string;
  expected_level: number | null;
  effort: string | null;
  priority: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** Enterprises in the survey population that are not (yet) organisations in the identity module (demo, bench). */
export interface RegisterTable {
  id: string;
  name: string;
  org_number: string | null;
  organisation_type: string;
  size_class: string;
  region: string;
  contact_email: string | null;
  origin: string;
}

export interface SurveyTable {
  id: string;
  title: Json<{ nb: string; en: string }>;
  description: Json<{ nb: string; en: string }>;
  year: number;
  status: string;
  questionnaire: Json<unknown>;
  target: Json<unknown>;
  invitation_days: number;
  created_at: Timestamp;
  created_by: string;
  opened_at: NullableTimestamp;
  closes_at: NullableTimestamp;
  closed_at: NullableTimestamp;
}

export interface RecipientTable {
  survey_id: string;
  organisation_id: string;
  status: string;
  size_class: string | null;
  invited_at: Timestamp;
  last_reminded_at: NullableTimestamp;
  reminders: number;
  submitted_at: NullableTimestamp;
}

export interface InvitationTable {
  /** sha256 of the token in the link: a database leak gives no usable link. */
  token_hash: string;
  survey_id: string;
  organisation_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** When the link was opened (it works once). */
  used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** sha256 of the answer key handed out when the link was opened; answering uses the key, never the link. */
  answer_key_hash: string | null;
}

export interface ResponseTable {
  survey_id: string;
  organisation_id: string;
  answers: Json<Record<string, unknown>>;
  status: string;
  version: number;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  answered_by: string;
}

export interface FactTable {
  year: number;
  organisation_id: string;
  indicator_id: string;
  value: number;
  organisation_type: string;
  size_class: string;
  region: string;
  source: string;
  recorded_at: Timestamp;
}

export interface FactCubeTable {
  year: number;
  indicator_id: string;
  organisation_type: string;
  size_class: string;
  region: string;
  n: number;
  total: number;
}

export interface FactVersionTable {
  id: number;
  version: number;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    assessment_assessment: AssessmentTable;
    assessment_answer: AnswerTable;
    assessment_action: ActionTable;
    assessment_register: RegisterTable;
    assessment_survey: SurveyTable;
    assessment_survey_recipient: RecipientTable;
    assessment_survey_invitation: InvitationTable;
    assessment_survey_response: ResponseTable;
    assessment_fact: FactTable;
    assessment_fact_version: FactVersionTable;
    assessment_fact_cube: FactCubeTable;
  }
}
