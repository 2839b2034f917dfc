/** Writes the demo organisations, personas and their roles; safe to run at every demo start. */
import type { Db } from '../../platform/db/database.js';
import { demoOrganisations, demoPersonas, demoUserId } from './demo-data.js';

export async function seedIdentityDemo(db: Db, now: Date): Promise<{ organisations: number; personas: number }> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const o of demoOrganisations) {
      const row = {
        parent_id: o.parentId,
        level: o.level,
        organisation_type: o.organisationType,
        name: o.name,
        org_number: o.orgNumber,
        size_class: o.sizeClass,
        region: o.region,
        actor_id: o.actorId,
        updated_at: at,
      };
      await trx
        .insertInto('identity_organisation')
        .values({ id: o.id, ...row, created_at: at })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    }
    for (const p of demoPersonas) {
      const id = demoUserId(p.id);
      await trx
        .insertInto('identity_user')
        .values({
          id,
          display_name: p.displayName,
          email: null,
          pid: null,
          hpr_number: null,
          oidc_subject: null,
          active: true,
          demo_persona: p.id,
          created_at: at,
          updated_at: at,
          last_login_at: null,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet({ display_name: p.displayName, active: true, updated_at: at }))
        .execute();
      for (const r of p.roles) {
        await trx
          .insertInto('identity_role_assignment')
          .values({ user_id: id, organisation_id: r.organisationId, role: r.role, granted_at: at, granted_by: null })
          .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
          .execute();
      }
    }
  });
  return { organisations: demoOrganisations.length, personas: demoPersonas.length };
}
