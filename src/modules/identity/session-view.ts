/** What the browser learns about its session: who, acting for which organisation, with which roles. No tokens. */
import type { AppConfig } from '../../platform/config.js';
import { defaultSessionConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { findOrganisations } from './organisation-repository.js';
import { idleExpiry } from './session-policy.js';
import type { ResolvedSession } from './session-service.js';
import { findAssignments } from './user-repository.js';

export async function presentSession(db: Db, config: AppConfig, resolved: ResolvedSession | null) {
  const mode = { demo: config.demo, oidc: config.oidc !== null };
  if (!resolved) return { authenticated: false as const, mode };
  const { session, user, principal } = resolved;
  const assignments = await findAssignments(db, { userIds: [user.id] });
  const orgIds = [...new Set(assignments.map((a) => a.organisationId))];
  const orgs = await findOrganisations(db, { ids: orgIds });
  const organisations = orgs.map((o) => ({
    id: o.id,
    name: o.name,
    level: o.level,
    organisationType: o.organisationType,
    roles: assignments.filter((a) => a.organisationId === o.id).map((a) => a.role),
  }));
  const active = organisations.find((o) => o.id === session.organisationId) ?? null;
  return {
    authenticated: true as const,
    mode,
    csrfToken: session.csrfToken,
    authMethod: session.authMethod,
    user: { id: user.id, displayName: user.displayName, demoPersona: user.demoPersona },
    organisation: active
      ? { id: active.id, name: active.name, level: active.level, organisationType: active.organisationType }
      : null,
    roles: principal.roles,
    actorIds: principal.actorIds,
    organisations,
    expiresAt: session.expiresAt.toISOString(),
    idleExpiresAt: idleExpiry(session.lastSeenAt, config.session ?? defaultSessionConfig).toISOString(),
  };
}
