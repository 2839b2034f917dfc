/**
 * The one way the web UI talks to the Varde API. It sends the session cookie, adds the CSRF token to unsafe
 * requests (the identity module installs the token provider), and turns the API's error envelope
 * `{ error: { code, message, details } }` into an ApiError with a stable code the UI translates (`error.<CODE>`).
 */

export interface ApiErrorDetail {
  readonly place?: string;
  readonly field?: string;
  readonly message: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: readonly ApiErrorDetail[];

  constructor(code: string, message: string, status: number, details: readonly ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Returns the CSRF token for this session, or null when there is none (not logged in). */
export type CsrfTokenProvider = () => string | null | Promise<string | null>;

let csrfTokenProvider: CsrfTokenProvider = () => null;

/** Called once by the identity module when it knows how to get the session's CSRF token. */
export function setCsrfTokenProvider(provider: CsrfTokenProvider): void {
  csrfTokenProvider = provider;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON unless it is FormData (file uploads). */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
}

function isErrorEnvelope(
  value: unknown,
): value is { error: { code: string; message?: string; details?: ApiErrorDetail[] } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** Reads an error response; a body that is not our envelope (a proxy's HTML page) still gives a usable error. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorEnvelope(body)) {
    return new ApiError(
      body.error.code,
      body.error.message ?? response.statusText,
      response.status,
      body.error.details ?? [],
    );
  }
  const code = response.status === 404 ? 'NOT_FOUND' : response.status >= 500 ? 'INTERNAL' : 'UNKNOWN';
  return new ApiError(code, `HTTP ${response.status} ${response.statusText}`, response.status);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (unsafeMethods.has(method)) {
    const token = await csrfTokenProvider();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network error', 0);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds `path?query` from the defined, non-empty values only. */
export function withQuery(path: string, query: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
