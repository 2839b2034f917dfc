/**
 * Who is logged in (GET /api/v1/auth/session), for showing the strategy owner's tools; also installs the session's
 * CSRF token for the API client. The server decides access on every request; this only chooses what to show.
 */
import { useEffect, useState } from 'react';
import { apiRequest, setCsrfTokenProvider } from '../../api/client.js';

export interface SessionInfo {
  readonly authenticated: boolean;
  readonly csrfToken?: string;
  readonly roles?: readonly string[];
}

let token: string | null = null;

export function useSessionRoles(): { loaded: boolean; loggedIn: boolean; roles: readonly string[] } {
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    apiRequest<SessionInfo>('/api/v1/auth/session', { signal: controller.signal }).then(
      (data) => {
        if (data.csrfToken && data.csrfToken !== token) {
          token = data.csrfToken;
          setCsrfTokenProvider(() => token);
        }
        setSession(data);
      },
      () => setSession({ authenticated: false }),
    );
    return () => controller.abort();
  }, []);
  return { loaded: session !== null, loggedIn: Boolean(session?.authenticated), roles: session?.roles ?? [] };
}
