import { sql, type Kysely } from 'kysely';

/**
 * The sector aggregate kept up to date with the facts: count and sum per year × indicator × type × size × region,
 * changed in the same transaction as the facts, so a request never has to group the whole fact table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_fact_cube')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('organisation_type', 'text', (c) => c.notNull())
    .addColumn('size_class', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_fact_cube_pk', [
      'year',
      'indicator_id',
      'organisation_type',
      'size_class',
      'region',
    ])
    .execute();
  await sql`
    insert into assessment_fact_cube (year, indicator_id, organisation_type, size_class, region, n, total)
    select year, indicator_id, organisation_type, size_class, region, count(*), sum(value)
    from assessment_fact group by year, indicator_id, organisation_type, size_class, region`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assessment_fact_cube').ifExists().execute();
}
