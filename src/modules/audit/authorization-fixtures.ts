/** Authorization fixtures of the audit trail's routes, for the generated walk (tests/authorization). */
import type { AuthorizationFixtures, WalkContext } from '../identity/index.js';
import { writeAuditEvent } from './audit-service.js';

const administrators = {
  roles: ['administrator'] as const,
  reason: "administrators review the whole installation's audit trail",
};

async function eventOfA(ctx: WalkContext): Promise<void> {
  const user = ctx.orgA.users['enterprise-lead'];
  await writeAuditEvent(ctx.db, {
    at: new Date(),
    actorUserId: user.id,
    actorName: user.principal.displayName,
    organisationId: ctx.orgA.id,
    action: 'walk.read',
    objectType: 'walk-object',
    objectId: `obj-${ctx.marker}`,
    outcome: 'success',
    detail: { note: ctx.marker },
  });
}

export const authorizationFixtures: AuthorizationFixtures = {
  module: 'audit',
  routes: [
    {
      kind: 'collection',
      route: 'GET /api/v1/audit/events',
      crossOrganisation: administrators,
      prepare: async (ctx) => (await eventOfA(ctx), { url: '/api/v1/audit/events' }),
    },
    {
      kind: 'collection',
      route: 'GET /api/v1/audit/events.csv',
      crossOrganisation: administrators,
      prepare: async (ctx) => (await eventOfA(ctx), { url: '/api/v1/audit/events.csv' }),
    },
    {
      kind: 'collection',
      route: 'GET /api/v1/audit/verify',
      crossOrganisation: administrators,
      prepare: async () => ({ url: '/api/v1/audit/verify' }),
    },
  ],
};
