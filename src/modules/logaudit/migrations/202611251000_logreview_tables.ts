/**
 * The log-review workflow's tables (src/modules/logaudit/review): datasets and their DuckDB workspaces, analysis runs
 * (background jobs with progress), findings and cases keyed by run-independent ids (dataset + user + patient) so that
 * decisions survive re-runs, decisions with four-eyes approval, explanation rules with their lifecycle, server folders
 * an administrator allows, patient access-log links and what patients were shown. The two history tables are
 * append-only: triggers refuse UPDATE, DELETE and TRUNCATE.
 */
import { sql, type Kysely } from 'kysely';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  await sql
    .raw(
      `create function ${table}_refuse_change() returns trigger language plpgsql as $$
       begin
         raise exception '${table} is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
       end
       $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_no_update_delete before update or delete on ${table}
       for each row execute function ${table}_refuse_change()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_no_truncate before truncate on ${table}
       for each statement execute function ${table}_refuse_change()`,
    )
    .execute(db);
  await sql.raw(`revoke update, delete, truncate on ${table} from public`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('logreview_folder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('env', 'admin')`))
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('logreview_folder_org_path_idx')
    .on('logreview_folder')
    .columns(['organisation_id', 'path'])
    .unique()
    .execute();

  await db.schema
    .createTable('logreview_dataset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull().check(sql`source_kind in ('upload', 'folder')`))
    .addColumn('folder_id', 'text', (c) => c.references('logreview_folder.id'))
    .addColumn('review_capacity', 'integer', (c) => c.notNull().check(sql`review_capacity between 1 and 10000`))
    .addColumn('finding_budget', 'integer', (c) => c.check(sql`finding_budget between 1 and 1000000`))
    .addColumn('patient_log_names', 'boolean', (c) => c.notNull())
    .addColumn('rules_applied_hash', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logreview_dataset_org_idx').on('logreview_dataset').column('organisation_id').execute();

  await db.schema
    .createTable('logreview_upload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('logreview_dataset.id'))
    .addColumn('files', 'jsonb', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ingested_by_run', 'text')
    .execute();
  await db.schema.createIndex('logreview_upload_dataset_idx').on('logreview_upload').column('dataset_id').execute();

  await db.schema
    .createTable('logreview_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('logreview_dataset.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in (${inList(['queued', 'running', 'succeeded', 'failed'])})`),
    )
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('progress', 'real', (c) => c.notNull())
    .addColumn('inputs', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('started_by', 'text')
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('logreview_run_dataset_idx')
    .on('logreview_run')
    .columns(['dataset_id', 'queued_at'])
    .execute();

  await db.schema
    .createTable('logreview_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('logreview_dataset.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in (${inList(['open', 'pending_approval', 'follow_up', 'closed', 'inactive'])})`),
    )
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('active_findings', 'integer', (c) => c.notNull())
    .addColumn('reason_codes', 'jsonb', (c) => c.notNull())
    .addColumn('user_role', 'text')
    .addColumn('department_id', 'text')
    .addColumn('department_name', 'text')
    .addColumn('first_seen', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen', 'timestamptz', (c) => c.notNull())
    .addColumn('first_flagged_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_run_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('logreview_case_dataset_user_idx')
    .on('logreview_case')
    .columns(['dataset_id', 'user_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('logreview_finding')
    .addColumn('case_id', 'text', (c) => c.notNull().references('logreview_case.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('first_seen', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen', 'timestamptz', (c) => c.notNull())
    .addColumn('event_ids', 'jsonb', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in (${inList(['open', 'pending_approval', 'follow_up', 'legitimate', 'not_legitimate'])})`),
    )
    .addColumn('decision_id', 'text')
    .addColumn('covered_until', 'timestamptz')
    .addColumn('first_flagged_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_run_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('logreview_finding_pk', ['case_id', 'patient_id'])
    .execute();

  await db.schema
    .createTable('logreview_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('logreview_case.id'))
    .addColumn('patient_ids', 'jsonb', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in (${inList(['legitimate', 'not_legitimate', 'follow_up'])})`),
    )
    .addColumn('explanation_kind', 'text')
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('follow_up_contact', 'text')
    .addColumn('follow_up_role', 'text', (c) => c.check(sql`follow_up_role in ('manager', 'hr')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in (${inList(['final', 'pending_approval', 'approved', 'rejected'])})`),
    )
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_note', 'text')
    .addColumn('rule_id', 'text')
    .execute();
  await db.schema.createIndex('logreview_decision_case_idx').on('logreview_decision').column('case_id').execute();

  await db.schema
    .createTable('logreview_case_history')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('logreview_case_history_case_idx')
    .on('logreview_case_history')
    .columns(['case_id', 'seq'])
    .execute();
  await appendOnly(db, 'logreview_case_history');

  await db.schema
    .createTable('logreview_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in (${inList(['proposed', 'approved', 'retired', 'rejected'])})`),
    )
    .addColumn('description_nb', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('user_role', 'text')
    .addColumn('user_department_id', 'text')
    .addColumn('user_department_kind', 'text')
    .addColumn('action', 'text')
    .addColumn('purpose', 'text')
    .addColumn('encounter_kind', 'text')
    .addColumn('window_days', 'integer', (c) => c.notNull().check(sql`window_days between 0 and 365`))
    .addColumn('source_case_id', 'text')
    .addColumn('source_decision_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_by_name', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('retired_by', 'text')
    .addColumn('retired_by_name', 'text')
    .addColumn('retired_at', 'timestamptz')
    .addColumn('status_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('logreview_rule_org_idx')
    .on('logreview_rule')
    .columns(['organisation_id', 'status'])
    .execute();

  await db.schema
    .createTable('logreview_rule_history')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('logreview_rule_history_rule_idx')
    .on('logreview_rule_history')
    .columns(['rule_id', 'seq'])
    .execute();
  await appendOnly(db, 'logreview_rule_history');

  await db.schema
    .createTable('logreview_portal_link')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('logreview_dataset.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull().check(sql`period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('period_to', 'text', (c) => c.notNull().check(sql`period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('reviewer', 'demo')`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('logreview_patient_log_view')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('logreview_dataset.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('reviewer', 'portal')`))
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull().check(sql`period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('period_to', 'text', (c) => c.notNull().check(sql`period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('lookups', 'integer', (c) => c.notNull())
    .addColumn('documented', 'integer', (c) => c.notNull())
    .addColumn('occasions', 'integer', (c) => c.notNull())
    .addColumn('viewed_by', 'text')
    .addColumn('viewed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('logreview_patient_log_view_dataset_idx')
    .on('logreview_patient_log_view')
    .columns(['dataset_id', 'viewed_at'])
    .execute();
}
