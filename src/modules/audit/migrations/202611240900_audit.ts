/**
 * The append-only audit trail. Triggers refuse UPDATE, DELETE and TRUNCATE on both PGlite and PostgreSQL; on
 * PostgreSQL the privileges are also revoked from PUBLIC, so an application role that is not the table's owner can
 * only insert and read (see docs/architecture.md, "Audit trail").
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success', 'denied', 'failure')`))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
  await db.schema.createIndex('audit_event_actor_idx').on('audit_event').columns(['actor_user_id', 'seq']).execute();
  await db.schema.createIndex('audit_event_org_idx').on('audit_event').columns(['organisation_id', 'seq']).execute();
  await sql`
    create function audit_event_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_refuse_change()`.execute(db);
  await sql`create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_refuse_change()`.execute(db);
  await sql`revoke update, delete, truncate on audit_event from public`.execute(db);
}
