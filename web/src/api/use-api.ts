/**
 * Reading data for a page: `useApi(path)` loads a GET path and re-loads when the path changes. Answers are kept
 * for the page view (the catalogue does not change while the page is open), so going back is instant. While a
 * new path loads, the previous answer stays visible and `loading` is true (no flicker when a filter changes).
 */
import { useEffect, useState } from 'react';
import { ApiError, apiRequest } from './client.js';

const cache = new Map<string, unknown>();

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
}

/** Forget stored answers (after a change the user made, so the next read is fresh). */
export function clearApiCache(prefix = ''): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}

export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ path: string | null; data: T | undefined; error: ApiError | undefined }>(() => ({
    path,
    data: path ? (cache.get(path) as T | undefined) : undefined,
    error: undefined,
  }));

  useEffect(() => {
    if (!path) return;
    if (cache.has(path)) {
      setState({ path, data: cache.get(path) as T, error: undefined });
      return;
    }
    const controller = new AbortController();
    apiRequest<T>(path, { signal: controller.signal }).then(
      (data) => {
        cache.set(path, data);
        setState({ path, data, error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error), 0);
        setState((previous) => ({ path, data: previous.data, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [path]);

  const current = state.path === path;
  return {
    data: path && !current && cache.has(path) ? (cache.get(path) as T) : state.data,
    error: current ? state.error : undefined,
    loading: path !== null && (!current || (state.data === undefined && state.error === undefined)) && !cache.has(path),
  };
}
