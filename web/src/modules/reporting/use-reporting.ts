/**
 * Data hooks for the reporting pages. Reporting data changes while the page is open (a report is saved, a
 * reminder sent), so these hooks fetch fresh on every `reload()` instead of keeping answers for the page view.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest } from '../../api/client.js';
import type { SessionView } from '../identity/identity-api.js';
import { useIdentity } from '../identity/routes.js';

export interface LoadState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useFresh<T>(path: string | null): LoadState<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: path !== null,
  });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    apiRequest<T>(path, { signal: controller.signal }).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error), 0);
        setState((previous) => ({ data: previous.data, error: apiError, loading: false }));
      },
    );
    return () => controller.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}

/** The logged-in session, from the identity module's shared session context (which also installs the CSRF token). */
export function useSession(): { session: SessionView | undefined; loading: boolean } {
  const { session, error } = useIdentity();
  return { session, loading: session === undefined && !error };
}

export const hasRole = (session: SessionView | undefined, role: string) =>
  Boolean(session?.authenticated && session.roles.includes(role));
