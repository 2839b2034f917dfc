/**
 * One error type for the whole application. Every error has a stable `code` (used by clients, tests and the
 * translation files) and is mapped to an HTTP status in one table, so domain code never speaks HTTP.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  CONFIG_INVALID: 500,
  DATA_INVALID: 422,
  MEASURE_NOT_FOUND: 404,
  AREA_NOT_FOUND: 404,
  STRATEGIC_AREA_NOT_FOUND: 404,
  BASIC_MEASURE_NOT_FOUND: 404,
  ACTOR_NOT_FOUND: 404,
  EDITION_NOT_FOUND: 404,
  EDITION_INVALID: 422,
} as const satisfies Record<string, number>;

/** Modules add their own codes here (keep them SCREAMING_SNAKE and stable: clients depend on them). */
export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  /** Where the problem is: a file and line, a JSON pointer, a field name. */
  readonly place?: string;
  readonly field?: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: readonly ErrorDetail[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
