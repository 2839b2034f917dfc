import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('path', 'text', (c) => c.notNull().check(sql`path in ('full', 'small-enterprise')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'in-progress', 'submitted', 'approved')`),
    )
    .addColumn('share_anonymously', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'jsonb')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by', 'jsonb')
    .execute();
  await db.schema
    .createIndex('assessment_assessment_org_idx')
    .on('assessment_assessment')
    .columns(['organisation_id', 'year'])
    .execute();

  await db.schema
    .createTable('assessment_answer')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessment_assessment.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('level', 'not-relevant', 'dont-know')`))
    .addColumn('level', 'integer')
    .addColumn('target_level', 'integer')
    .addColumn('not_relevant_reason', 'text')
    .addColumn('comment', 'text')
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('answered_by', 'jsonb', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_answer_pk', ['assessment_id', 'requirement_id'])
    .execute();

  await db.schema
    .createTable('assessment_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('assessment_id', 'text', (c) => c.references('assessment_assessment.id').onDelete('set null'))
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('requirement_ids', 'jsonb', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner', 'text')
    .addColumn('due_date', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'in-progress', 'done', 'cancelled')`),
    )
    .addColumn('expected_level', 'integer')
    .addColumn('effort', 'text')
    .addColumn('priority', 'double precision')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_action_org_idx').on('assessment_action').column('organisation_id').execute();

  await db.schema
    .createTable('assessment_register')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_number', 'text', (c) => c.unique())
    .addColumn('organisation_type', 'text', (c) => c.notNull())
    .addColumn('size_class', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assessment_survey')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
    .addColumn('questionnaire', 'jsonb', (c) => c.notNull())
    .addColumn('target', 'jsonb', (c) => c.notNull())
    .addColumn('invitation_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closes_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('assessment_survey_recipient')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('assessment_survey.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invited', 'answering', 'submitted')`))
    .addColumn('size_class', 'text')
    .addColumn('invited_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_reminded_at', 'timestamptz')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'timestamptz')
    .addPrimaryKeyConstraint('assessment_survey_recipient_pk', ['survey_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('assessment_recipient_org_idx')
    .on('assessment_survey_recipient')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('assessment_survey_invitation')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('assessment_survey.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('answer_key_hash', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('assessment_invitation_recipient_idx')
    .on('assessment_survey_invitation')
    .columns(['survey_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('assessment_survey_response')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('assessment_survey.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_survey_response_pk', ['survey_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('assessment_fact')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('organisation_type', 'text', (c) => c.notNull())
    .addColumn('size_class', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('survey', 'self-assessment')`))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_fact_pk', ['year', 'organisation_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('assessment_fact_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into assessment_fact_version (id, version) values (1, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assessment_fact_version',
    'assessment_fact',
    'assessment_survey_response',
    'assessment_survey_invitation',
    'assessment_survey_recipient',
    'assessment_survey',
    'assessment_register',
    'assessment_action',
    'assessment_answer',
    'assessment_assessment',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
