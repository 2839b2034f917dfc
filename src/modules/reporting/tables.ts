/** The reporting module's tables, added to the typed database schema. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, string, string>;
type NullableTimestamp = ColumnType<Date | null, string | null, string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface CycleTable {
  id: string;
  year: number;
  edition_id: string;
  /** YYYY-MM-DD. */
  due_date: string;
  state: string;
  opened_at: Timestamp;
  opened_by: string;
  closed_at: NullableTimestamp;
  delegations: Json<Record<string, string>>;
  reminder_policy: Json<unknown>;
  gap: Json<unknown>;
}

export interface StatusReportTable {
  id: string;
  cycle_id: string;
  measure_id: string;
  actor_id: string;
  reporter_actor_id: string;
  state: string;
  status: string | null;
  progress: string;
  contribution_level: string;
  contribution_text: string;
  indicators: Json<unknown>;
  next_steps: string;
  blockers: string;
  contact: Json<unknown>;
  review_comment: string | null;
  revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  approved_at: NullableTimestamp;
  approved_by: string | null;
}

export interface ReportRevisionTable {
  report_id: string;
  revision: number;
  at: Timestamp;
  author_user_id: string | null;
  author_name: string;
  action: string;
  state: string;
  comment: string | null;
  changed_fields: Json<string[]>;
  content: Json<unknown>;
}

export interface EvidenceTable {
  id: string;
  report_id: string;
  kind: string;
  title: string;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  stored_name: string | null;
  added_at: Timestamp;
  added_by: string;
  removed_at: NullableTimestamp;
}

export interface SectorReportTable {
  id: string;
  cycle_id: string;
  year: number;
  version: number;
  title: string;
  published_at: Timestamp;
  published_by: string;
  content_hash: string;
  snapshot: Json<unknown>;
}

export interface ActorContactTable {
  actor_id: string;
  email: string;
  name: string;
  updated_at: Timestamp;
}

export interface ReminderTable {
  cycle_id: string;
  actor_id: string;
  kind: string;
  sent_at: Timestamp;
  report_ids: Json<string[]>;
  recipients: number;
}

export interface NotificationTable {
  id: Generated<number>;
  actor_id: string;
  cycle_id: string | null;
  report_id: string | null;
  kind: string;
  params: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface NotificationReadTable {
  notification_id: number;
  user_id: string;
  read_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: Timestamp;
  status: string;
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_until: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    reporting_cycle: CycleTable;
    reporting_status_report: StatusReportTable;
    reporting_report_revision: ReportRevisionTable;
    reporting_evidence: EvidenceTable;
    reporting_sector_report: SectorReportTable;
    reporting_actor_contact: ActorContactTable;
    reporting_reminder: ReminderTable;
    reporting_notification: NotificationTable;
    reporting_notification_read: NotificationReadTable;
    reporting_outbox: OutboxTable;
  }
}
