/** Authorization fixtures of the identity module's routes, for the generated walk (tests/authorization). */
import type { AuthorizationFixtures, WalkContext } from './authorization-fixture-types.js';
import { sectorWideRoles } from './organisation-service.js';

const administrators = {
  roles: ['administrator'] as const,
  reason: 'administrators manage the users and organisations of the whole installation',
};
const register = {
  roles: sectorWideRoles,
  reason: 'the organisation register is public register data, and these roles work across the sector',
};

/** A unit of org A with the marker in its name. */
async function unitOfA(ctx: WalkContext): Promise<string> {
  const id = 'walk-a-fixture-unit';
  const at = new Date().toISOString();
  await ctx.db
    .insertInto('identity_organisation')
    .values({
      id,
      parent_id: ctx.orgA.id,
      level: 'unit',
      organisation_type: 'hospital-trust',
      name: `Enhet ${ctx.marker}`,
      org_number: null,
      size_class: null,
      region: null,
      actor_id: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

/** A user of org A, holding the member role there. */
async function userOfA(ctx: WalkContext, id: string): Promise<string> {
  const at = new Date().toISOString();
  await ctx.db
    .insertInto('identity_user')
    .values({
      id,
      display_name: `Offer ${ctx.marker}`,
      email: `${id}@a.example`,
      pid: null,
      hpr_number: null,
      oidc_subject: null,
      active: true,
      demo_persona: null,
      created_at: at,
      updated_at: at,
      last_login_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('identity_role_assignment')
    .values({ user_id: id, organisation_id: ctx.orgA.id, role: 'enterprise-member', granted_at: at, granted_by: null })
    .execute();
  return id;
}

export const authorizationFixtures: AuthorizationFixtures = {
  module: 'identity',
  routes: [
    {
      kind: 'collection',
      route: 'GET /api/v1/identity/organisations',
      crossOrganisation: register,
      prepare: async (ctx) => (await unitOfA(ctx), { url: '/api/v1/identity/organisations' }),
    },
    {
      kind: 'object',
      route: 'GET /api/v1/identity/organisations/:id',
      crossOrganisation: register,
      prepare: async (ctx) => ({ url: `/api/v1/identity/organisations/${await unitOfA(ctx)}` }),
    },
    {
      kind: 'object',
      route: 'PATCH /api/v1/identity/organisations/:id',
      crossOrganisation: administrators,
      prepare: async (ctx) => ({
        url: `/api/v1/identity/organisations/${await unitOfA(ctx)}`,
        payload: { region: 'nord' },
      }),
    },
    {
      kind: 'unscoped',
      route: 'POST /api/v1/identity/organisations',
      reason: 'adds a new organisation; administrators only',
      prepare: async (ctx) => ({
        url: '/api/v1/identity/organisations',
        payload: { level: 'unit', parentId: ctx.orgB.id, name: 'Ny enhet i B' },
      }),
    },
    {
      kind: 'collection',
      route: 'GET /api/v1/identity/users',
      crossOrganisation: administrators,
      prepare: async (ctx) => (await userOfA(ctx, 'walk-a-listed'), { url: '/api/v1/identity/users' }),
    },
    {
      kind: 'object',
      route: 'GET /api/v1/identity/users/:id',
      crossOrganisation: administrators,
      prepare: async (ctx) => ({ url: `/api/v1/identity/users/${await userOfA(ctx, 'walk-a-read')}` }),
    },
    {
      kind: 'object',
      route: 'PATCH /api/v1/identity/users/:id',
      crossOrganisation: administrators,
      prepare: async (ctx) => ({
        url: `/api/v1/identity/users/${await userOfA(ctx, 'walk-a-patched')}`,
        payload: { email: 'changed@b.example' },
      }),
    },
    {
      kind: 'unscoped',
      route: 'POST /api/v1/identity/users',
      reason: 'registers a new user; administrators only',
      prepare: async () => ({ url: '/api/v1/identity/users', payload: { displayName: 'Ny bruker' } }),
    },
    {
      kind: 'object',
      route: 'POST /api/v1/identity/users/:id/roles',
      crossOrganisation: administrators,
      prepare: async (ctx) => ({
        url: `/api/v1/identity/users/${await userOfA(ctx, 'walk-a-granted')}/roles`,
        payload: { organisationId: ctx.orgA.id, role: 'enterprise-member' },
      }),
    },
    {
      kind: 'object',
      route: 'DELETE /api/v1/identity/users/:id/roles/:organisationId/:role',
      crossOrganisation: administrators,
      prepare: async (ctx) => ({
        url: `/api/v1/identity/users/${await userOfA(ctx, 'walk-a-revoked')}/roles/${ctx.orgA.id}/enterprise-member`,
      }),
    },
    { kind: 'unscoped', route: 'POST /api/v1/auth/logout', reason: "ends the caller's own session" },
    {
      kind: 'object',
      route: 'POST /api/v1/auth/session/organisation',
      prepare: async (ctx) => ({ url: '/api/v1/auth/session/organisation', payload: { organisationId: ctx.orgA.id } }),
      async unchanged(ctx) {
        const sessionsInA = await ctx.db
          .selectFrom('identity_session')
          .select('user_id')
          .where('organisation_id', '=', ctx.orgA.id)
          .where('user_id', 'like', 'walk-b-%')
          .execute();
        return sessionsInA.length === 0;
      },
    },
  ],
};
