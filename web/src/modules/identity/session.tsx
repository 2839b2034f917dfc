/**
 * The session as the whole UI sees it: who is logged in, for which organisation, with which roles, and whether
 * this is the demo. It installs the session's CSRF token in the API client. After a login, a logout or a switch of
 * organisation the page reloads, so every module reads the new session.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfTokenProvider } from '../../api/client.js';
import { identityActions, type SessionView } from './identity-api.js';

interface SessionContextValue {
  readonly session: SessionView | undefined;
  readonly error: unknown;
  readonly reload: () => Promise<SessionView | undefined>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionView | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const next = await identityActions.session();
      setSession(next);
      setError(null);
      return next;
    } catch (e) {
      setError(e);
      return undefined;
    }
  }, []);

  useEffect(() => {
    setCsrfTokenProvider(async () => {
      const current = session ?? (await reload());
      return current?.authenticated ? current.csrfToken : null;
    });
  }, [session, reload]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo(() => ({ session, error, reload }), [session, error, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useIdentity(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useIdentity must be used inside <SessionProvider>');
  return value;
}

export function hasAnyRole(session: SessionView | undefined, ...roles: readonly string[]): boolean {
  return Boolean(session?.authenticated && roles.some((r) => session.roles.includes(r)));
}

/** Reloads the page at `to`, so every part of the UI starts from the new session. */
export function goFresh(to: string): void {
  window.location.assign(to);
}
