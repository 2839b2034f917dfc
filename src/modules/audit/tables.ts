/** The audit trail's table, added to the typed database schema. Rows are only ever inserted (see the migration). */
import type { ColumnType } from 'kysely';

export interface AuditEventTable {
  seq: number;
  at: ColumnType<Date, string, never>;
  actor_user_id: string | null;
  actor_name: string | null;
  organisation_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    audit_event: AuditEventTable;
  }
}
