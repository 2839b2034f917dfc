/**
 * Data hooks for the assessment pages. Assessment data changes while the page is open (answers are saved, actions
 * move), so reads are fresh on every `reload()`. `useSessionRoles` reads who is logged in from the identity module;
 * the server decides access on every request, this only chooses what to show.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest } from '../../api/client.js';
import { useIdentity } from '../identity/routes.js';
import type { Localized } from './assessment-api.js';

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

/** Who is logged in, from the identity module's session (it also installs the CSRF token for the API client). */
export function useSessionRoles(): { loaded: boolean; loggedIn: boolean; roles: readonly string[] } {
  const { session, error } = useIdentity();
  return {
    loaded: session !== undefined || Boolean(error),
    loggedIn: Boolean(session?.authenticated),
    roles: session?.authenticated ? session.roles : [],
  };
}

/** Picks the reader's language from a text the server gives in both. */
export const pick = (text: Localized | null | undefined, locale: string): string =>
  text ? (locale === 'en' ? text.en : text.nb) : '';

/** Numbers as the reader's language writes them (decimal comma in bokmål). */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
