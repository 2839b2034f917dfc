/** The logged-in user's roles, from the identity module's session context (to show the import form). */
import { useIdentity } from '../identity/session.js';

export function useRoles(): readonly string[] {
  const { session } = useIdentity();
  return session?.authenticated ? session.roles : [];
}
