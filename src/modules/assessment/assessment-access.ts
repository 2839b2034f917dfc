/**
 * Isolation for the assessment module. An enterprise's assessments, answers, action plan and survey responses are
 * read and written only by members of that enterprise acting for it (their active organisation). Parent
 * organisations get no access by default; sector analysts see aggregates only. Anything else looks exactly like a
 * missing object (404 with nothing of it in the body), so ids cannot be probed.
 */
import { AppError, type ErrorCode } from '../../platform/errors.js';
import type { Principal, Role } from '../../platform/http/access.js';
import { requireRole } from '../identity/index.js';

export const enterpriseRoles: readonly Role[] = ['enterprise-lead', 'enterprise-member'];

/** The enterprise the principal acts for, when it holds an enterprise role there. */
export function actingEnterprise(principal: Principal | null): { principal: Principal; organisationId: string } {
  const who = requireRole(principal, ...enterpriseRoles);
  if (!who.organisationId) throw new AppError('FORBIDDEN', 'Choose the enterprise you act for');
  return { principal: who, organisationId: who.organisationId };
}

/** Refuses, as "not found", any object that does not belong to the enterprise the principal acts for. */
export function requireOwnEnterprise(
  principal: Principal | null,
  organisationId: string,
  notFound: ErrorCode,
  what: string,
): Principal {
  const acting =
    principal?.organisationId && principal.roles.some((r) => enterpriseRoles.includes(r)) ? principal : null;
  if (!acting || acting.organisationId !== organisationId) throw new AppError(notFound, `No such ${what}`);
  return acting;
}

export const answerer = (principal: Principal) => ({ userId: principal.userId, name: principal.displayName });
