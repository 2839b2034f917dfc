/**
 * Who is logged in, from the identity module's session context, for choosing which tools to show (the server
 * decides access on every request; this only chooses what to show).
 */
import { useIdentity } from '../identity/session.js';

export function useSessionRoles(): { loaded: boolean; loggedIn: boolean; roles: readonly string[] } {
  const { session } = useIdentity();
  return {
    loaded: session !== undefined,
    loggedIn: Boolean(session?.authenticated),
    roles: session?.authenticated ? session.roles : [],
  };
}
