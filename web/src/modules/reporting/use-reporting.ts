/**
 * Data hooks for the reporting pages. Reporting data changes while the page is open (a report is saved, a
 * reminder sent), so these hooks fetch fresh on every `reload()` instead of keeping answers for the page view.
 */
import type { SessionView } from '../identity/identity-api.js';
import { useIdentity } from '../identity/routes.js';

export { useFresh, type FreshState as LoadState } from '../../api/use-fresh.js';

/** The logged-in session, from the identity module's shared session context (which also installs the CSRF token). */
export function useSession(): { session: SessionView | undefined; loading: boolean } {
  const { session, error } = useIdentity();
  return { session, loading: session === undefined && !error };
}

export const hasRole = (session: SessionView | undefined, role: string) =>
  Boolean(session?.authenticated && session.roles.includes(role));
