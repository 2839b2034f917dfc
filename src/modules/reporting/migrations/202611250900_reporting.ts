/**
 * The reporting module's tables. Report revisions and published sector reports are append-only: triggers refuse
 * UPDATE and DELETE on them (PGlite and PostgreSQL alike), so history and published snapshots cannot be rewritten
 * through the application.
 */
import { sql, type Kysely } from 'kysely';

async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  await sql
    .raw(
      `create trigger ${table}_append_only before update or delete on ${table}
       for each row execute function reporting_refuse_change()`,
    )
    .execute(db);
  await sql.raw(`revoke update, delete, truncate on ${table} from public`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reporting_cycle')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('catalogue_edition.id'))
    .addColumn('due_date', 'text', (c) => c.notNull().check(sql`due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('delegations', 'jsonb', (c) => c.notNull())
    .addColumn('reminder_policy', 'jsonb', (c) => c.notNull())
    .addColumn('gap', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reporting_status_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('reporting_cycle.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('reporter_actor_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'submitted', 'returned', 'approved')`))
    .addColumn('status', 'text', (c) =>
      c.check(sql`status in ('not-started', 'planned', 'in-progress', 'in-operation', 'completed', 'stopped')`),
    )
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('contribution_level', 'text', (c) => c.notNull())
    .addColumn('contribution_text', 'text', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('blockers', 'text', (c) => c.notNull())
    .addColumn('contact', 'jsonb', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'text')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by', 'text')
    .addUniqueConstraint('reporting_status_report_key', ['cycle_id', 'measure_id', 'actor_id'])
    .execute();
  await db.schema
    .createIndex('reporting_status_report_reporter_idx')
    .on('reporting_status_report')
    .columns(['reporter_actor_id', 'cycle_id'])
    .execute();

  await db.schema
    .createTable('reporting_report_revision')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reporting_status_report.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('changed_fields', 'jsonb', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('reporting_report_revision_pk', ['report_id', 'revision'])
    .execute();

  await db.schema
    .createTable('reporting_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reporting_status_report.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('link', 'file')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('sha256', 'text')
    .addColumn('stored_name', 'text')
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('reporting_evidence_report_idx').on('reporting_evidence').column('report_id').execute();

  await db.schema
    .createTable('reporting_sector_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('reporting_cycle.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('reporting_sector_report_version', ['cycle_id', 'version'])
    .execute();

  await db.schema
    .createTable('reporting_actor_contact')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('reporting_actor_contact_pk', ['actor_id', 'email'])
    .execute();

  await db.schema
    .createTable('reporting_reminder')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('reporting_cycle.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('report_ids', 'jsonb', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reporting_reminder_pk', ['cycle_id', 'actor_id', 'kind'])
    .execute();

  await db.schema
    .createTable('reporting_notification')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('cycle_id', 'text', (c) => c.references('reporting_cycle.id'))
    .addColumn('report_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reporting_notification_actor_idx')
    .on('reporting_notification')
    .columns(['actor_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('reporting_notification_read')
    .addColumn('notification_id', 'bigint', (c) => c.notNull().references('reporting_notification.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('reporting_notification_read_pk', ['notification_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('reporting_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('reporting_outbox_due_idx')
    .on('reporting_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await sql`
    create function reporting_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await appendOnly(db, 'reporting_report_revision');
  await appendOnly(db, 'reporting_sector_report');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'reporting_outbox',
    'reporting_notification_read',
    'reporting_notification',
    'reporting_reminder',
    'reporting_actor_contact',
    'reporting_sector_report',
    'reporting_evidence',
    'reporting_report_revision',
    'reporting_status_report',
    'reporting_cycle',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists reporting_refuse_change()`.execute(db);
}
