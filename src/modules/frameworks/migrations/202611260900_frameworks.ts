import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('framework_library_version')
    .addColumn('library_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('framework', 'library')`))
    .addColumn('ref_id', 'text')
    .addColumn('name', 'jsonb', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull().check(sql`source_format in ('varde', 'ciso')`))
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('shipped', 'imported')`))
    .addColumn('node_count', 'integer', (c) => c.notNull())
    .addColumn('mapping_count', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('imported_by_name', 'text')
    .addPrimaryKeyConstraint('framework_library_version_pk', ['library_id', 'version'])
    .execute();
  await db.schema
    .createTable('framework_shipped_load')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('library_id', 'text')
    .addColumn('version', 'integer')
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('framework_shipped_load').ifExists().execute();
  await db.schema.dropTable('framework_library_version').ifExists().execute();
}
