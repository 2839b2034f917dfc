/**
 * Who may do what in the analysis: the published edition's coverage is public (the strategy is public); editing the
 * mapping and everything about drafts is for the strategy owner. A draft is answered as "not found" to anyone else.
 */
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';

export const strategyOwnerRoles = ['strategy-owner'] as const;

export function isStrategyOwner(principal: Principal | null): boolean {
  return principal?.roles.includes('strategy-owner') ?? false;
}

export function requireStrategyOwner(principal: Principal | null, what: string): asserts principal is Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', `Log in to ${what}`);
  if (!isStrategyOwner(principal)) throw new AppError('FORBIDDEN', `Only the strategy owner may ${what}`);
}

export function requireLoggedIn(principal: Principal | null, what: string): asserts principal is Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', `Log in to ${what}`);
}

/** The author fields written with a change. */
export function authorOf(principal: Principal | null): { userId: string | null; name: string | null } {
  if (!principal) return { userId: null, name: null };
  return { userId: principal.userId === 'system' ? null : principal.userId, name: principal.displayName };
}

export interface RequestOrigin {
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}
