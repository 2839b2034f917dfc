/**
 * The analysis tables. Mapping revisions and draft changes are history: triggers refuse UPDATE and DELETE on them
 * (on PGlite and PostgreSQL alike), so a change is always a new row with its author, time and reason.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analysis_mapping_set')
    .addColumn('edition_id', 'text', (c) => c.primaryKey())
    .addColumn('mapping_id', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('file_version', 'integer')
    .addColumn('file_hash', 'text')
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('analysis', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('analysis_mapping_revision')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('analysis_mapping_set.edition_id'))
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision >= 1`))
    .addColumn('links', 'jsonb', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('shipped', 'edit', 'published-draft')`))
    .addColumn('file_version', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('analysis_mapping_revision_unique', ['edition_id', 'measure_id', 'revision'])
    .execute();
  await db.schema
    .createTable('analysis_draft')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('base_edition_id', 'text', (c) => c.notNull())
    .addColumn('proposed_edition_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'discarded')`))
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'text')
    .addColumn('closed_by_name', 'text')
    .execute();
  await db.schema
    .createTable('analysis_draft_change')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('analysis_draft.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision >= 1`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('add', 'change', 'retire', 'revert')`))
    .addColumn('measure', 'jsonb')
    .addColumn('links', 'jsonb')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('analysis_draft_change_unique', ['draft_id', 'measure_id', 'revision'])
    .execute();
  await sql`
    create function analysis_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'analysis history is append-only: % on % refused', tg_op, tg_table_name;
    end $$`.execute(db);
  for (const table of ['analysis_mapping_revision', 'analysis_draft_change']) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function analysis_refuse_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'analysis_draft_change',
    'analysis_draft',
    'analysis_mapping_revision',
    'analysis_mapping_set',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists analysis_refuse_change()`.execute(db);
}
