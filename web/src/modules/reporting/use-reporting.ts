/**
 * Data hooks for the reporting pages. Reporting data changes while the page is open (a report is saved, a
 * reminder sent), so these hooks fetch fresh on every `reload()` instead of keeping answers for the page view.
 *
 * `useSession` reads who is logged in (GET /api/v1/auth/session) and installs the session's CSRF token for the
 * API client. It is the reporting module's own reader of the session until the identity module's web part
 * provides a shared one; then this hook should use that instead.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest, setCsrfTokenProvider } from '../../api/client.js';

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

export interface SessionView {
  readonly authenticated: boolean;
  readonly csrfToken?: string;
  readonly user?: { readonly id: string; readonly displayName: string };
  readonly roles?: readonly string[];
  readonly actorIds?: readonly string[];
}

let csrfToken: string | null = null;

export function useSession(): { session: SessionView | undefined; error: ApiError | undefined; loading: boolean } {
  const { data, error, loading } = useFresh<SessionView>('/api/v1/auth/session');
  useEffect(() => {
    if (data?.csrfToken && csrfToken !== data.csrfToken) {
      csrfToken = data.csrfToken;
      setCsrfTokenProvider(() => csrfToken);
    }
  }, [data]);
  return { session: data, error, loading };
}

export const hasRole = (session: SessionView | undefined, role: string) => Boolean(session?.roles?.includes(role));
