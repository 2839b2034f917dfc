/**
 * "Who may do what" for service functions, on top of the route policies: role checks and organisation isolation.
 * Every service entry that touches an organisation's object calls `requireOrganisationScope` before reading it.
 *
 * Administrators manage organisations, users, roles and the audit trail of the whole installation, but get no
 * bypass here: they see another organisation's data in other modules only if they also hold a role there.
 */
import { AppError } from '../../platform/errors.js';
import type { Principal, Role } from '../../platform/http/access.js';

export function hasRole(principal: Principal | null, ...roles: readonly Role[]): boolean {
  return principal !== null && roles.some((role) => principal.roles.includes(role));
}

/** The principal, when logged in and holding one of the roles in the active organisation; otherwise 401/403. */
export function requireRole(principal: Principal | null, ...roles: readonly Role[]): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Log in to use this');
  if (roles.length > 0 && !hasRole(principal, ...roles))
    throw new AppError('FORBIDDEN', 'Your role does not allow this');
  return principal;
}

export function organisationScopeOf(principal: Principal): readonly string[] {
  return principal.organisationScope ?? (principal.organisationId ? [principal.organisationId] : []);
}

export function isInOrganisationScope(principal: Principal | null, organisationId: string | null): boolean {
  return principal !== null && organisationId !== null && organisationScopeOf(principal).includes(organisationId);
}

/**
 * Isolation: the object's organisation must be the principal's active organisation or below it. Refuses with 403
 * and a message that names nothing of the object.
 */
export function requireOrganisationScope(principal: Principal | null, organisationId: string | null): Principal {
  const who = requireRole(principal);
  if (!isInOrganisationScope(who, organisationId)) {
    throw new AppError('FORBIDDEN', 'This belongs to another organisation');
  }
  return who;
}
