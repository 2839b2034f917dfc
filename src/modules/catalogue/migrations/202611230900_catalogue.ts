import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalogue_edition')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('published', 'draft', 'retired')`))
    .addColumn('published_on', 'date')
    .addColumn('supersedes', 'text', (c) => c.references('catalogue_edition.id'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('remarks', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addColumn('strategy', 'jsonb', (c) => c.notNull())
    .addColumn('basic_intro', 'jsonb', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('catalogue_actor')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('catalogue_edition.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('part_of', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_actor_pk', ['edition_id', 'id'])
    .execute();
  await db.schema
    .createTable('catalogue_area')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('catalogue_edition.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_area_pk', ['edition_id', 'id'])
    .execute();
  await db.schema
    .createTable('catalogue_strategic_area')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('catalogue_edition.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('expected_effects', 'jsonb', (c) => c.notNull())
    .addColumn('beneficiaries', 'text', (c) => c.notNull())
    .addColumn('audiences', 'jsonb', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_strategic_area_pk', ['edition_id', 'id'])
    .execute();
  await db.schema
    .createTable('catalogue_measure')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('catalogue_edition.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('overview_title', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('existing', 'new')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'retired')`))
    .addColumn('responsible_text', 'text', (c) => c.notNull())
    .addColumn('responsibility_status', 'text', (c) =>
      c.notNull().check(sql`responsibility_status in ('placed', 'unplaced')`),
    )
    .addColumn('relevant_text', 'text', (c) => c.notNull())
    .addColumn('audiences', 'jsonb', (c) => c.notNull())
    .addColumn('relevant_actor_ids', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('remark', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_measure_pk', ['edition_id', 'id'])
    .addForeignKeyConstraint('catalogue_measure_area_fk', ['edition_id', 'area_id'], 'catalogue_area', [
      'edition_id',
      'id',
    ])
    .execute();
  await db.schema
    .createTable('catalogue_measure_responsible')
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_measure_responsible_pk', ['edition_id', 'measure_id', 'actor_id'])
    .addForeignKeyConstraint(
      'catalogue_responsible_measure_fk',
      ['edition_id', 'measure_id'],
      'catalogue_measure',
      ['edition_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'catalogue_responsible_actor_fk',
      ['edition_id', 'actor_id'],
      'catalogue_actor',
      ['edition_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('catalogue_basic_measure')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('catalogue_edition.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('guidance', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_basic_measure_pk', ['edition_id', 'id'])
    .execute();
  await db.schema
    .createTable('catalogue_edition_load')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'catalogue_edition_load',
    'catalogue_basic_measure',
    'catalogue_measure_responsible',
    'catalogue_measure',
    'catalogue_strategic_area',
    'catalogue_area',
    'catalogue_actor',
    'catalogue_edition',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
