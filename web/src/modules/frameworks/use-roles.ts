/** The logged-in user's roles (GET /api/v1/auth/session), to show the import form to those who may use it. */
import { useEffect, useState } from 'react';
import { apiRequest, setCsrfTokenProvider } from '../../api/client.js';

let token: string | null = null;

export function useRoles(): readonly string[] {
  const [roles, setRoles] = useState<readonly string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    apiRequest<{ authenticated: boolean; csrfToken?: string; roles?: string[] }>('/api/v1/auth/session', {
      signal: controller.signal,
    }).then(
      (session) => {
        if (session.csrfToken && session.csrfToken !== token) {
          token = session.csrfToken;
          setCsrfTokenProvider(() => token);
        }
        setRoles(session.roles ?? []);
      },
      () => setRoles([]),
    );
    return () => controller.abort();
  }, []);
  return roles;
}
