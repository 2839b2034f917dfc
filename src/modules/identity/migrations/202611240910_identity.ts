import { sql, type Kysely } from 'kysely';

const roles = [
  'strategy-owner',
  'ministry-reader',
  'measure-owner',
  'enterprise-lead',
  'enterprise-member',
  'sector-analyst',
  'log-reviewer',
  'administrator',
];
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('identity_organisation.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('sector', 'type', 'enterprise', 'unit')`))
    .addColumn('organisation_type', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_number', 'text', (c) => c.unique().check(sql`org_number ~ '^[0-9]{9}$'`))
    .addColumn('size_class', 'text', (c) => c.check(sql`size_class in ('micro', 'small', 'medium', 'large')`))
    .addColumn('region', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('identity_organisation_parent_idx')
    .on('identity_organisation')
    .column('parent_id')
    .execute();
  await db.schema
    .createIndex('identity_organisation_actor_idx')
    .on('identity_organisation')
    .column('actor_id')
    .execute();

  await db.schema
    .createTable('identity_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('pid', 'text', (c) => c.unique())
    .addColumn('hpr_number', 'text', (c) => c.unique())
    .addColumn('oidc_subject', 'text', (c) => c.unique())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('demo_persona', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_login_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('identity_role_assignment')
    .addColumn('user_id', 'text', (c) => c.notNull().references('identity_user.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('identity_organisation.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in (${inList(roles)})`))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addPrimaryKeyConstraint('identity_role_assignment_pk', ['user_id', 'organisation_id', 'role'])
    .execute();
  await db.schema
    .createIndex('identity_role_assignment_org_idx')
    .on('identity_role_assignment')
    .columns(['organisation_id', 'role'])
    .execute();

  await db.schema
    .createTable('identity_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('identity_user.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('identity_organisation.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('auth_method', 'text', (c) => c.notNull().check(sql`auth_method in ('oidc', 'demo', 'test')`))
    .addColumn('security_level', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('token_set', 'jsonb')
    .execute();
  await db.schema.createIndex('identity_session_user_idx').on('identity_session').column('user_id').execute();

  await db.schema
    .createTable('identity_login_flow')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('dpop_key', 'jsonb')
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
}
