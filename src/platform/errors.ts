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
  LOG_DATASET_INVALID: 422,
  LOG_WORKSPACE_INVALID: 409,
  FRAMEWORK_INVALID: 422,
  FRAMEWORK_NOT_FOUND: 404,
  FRAMEWORK_VERSION_CONFLICT: 409,
  // analysis (coverage and gap analysis)
  MAPPING_INVALID: 422,
  MAPPING_REVISION_CONFLICT: 409,
  ANALYSIS_FRAMEWORK_NOT_MAPPED: 422,
  DRAFT_NOT_FOUND: 404,
  DRAFT_NOT_EDITABLE: 409,
  DRAFT_INVALID: 422,
  // identity and audit
  CSRF_FAILED: 403,
  SESSION_EXPIRED: 401,
  LOGIN_FAILED: 401,
  LOGIN_NOT_REGISTERED: 403,
  LOGIN_SECURITY_LEVEL_TOO_LOW: 403,
  LOGIN_UNAVAILABLE: 503,
  ORGANISATION_NOT_FOUND: 404,
  ORGANISATION_INVALID: 400,
  ORGANISATION_HAS_CHILDREN: 409,
  ORGANISATION_NUMBER_TAKEN: 409,
  USER_NOT_FOUND: 404,
  USER_INVALID: 400,
  USER_IDENTITY_TAKEN: 409,
  ROLE_NOT_ALLOWED: 403,
  DEMO_PERSONA_NOT_FOUND: 404,
  AUDIT_EXPORT_TOO_LARGE: 422,
  // reporting
  REPORTING_CYCLE_NOT_FOUND: 404,
  REPORTING_CYCLE_EXISTS: 409,
  REPORTING_CYCLE_CLOSED: 409,
  STATUS_REPORT_NOT_FOUND: 404,
  REPORT_NOT_EDITABLE: 409,
  REPORT_TRANSITION_NOT_ALLOWED: 409,
  REPORT_INCOMPLETE: 422,
  REPORT_REVISION_CONFLICT: 409,
  EVIDENCE_NOT_FOUND: 404,
  EVIDENCE_TYPE_NOT_ALLOWED: 415,
  EVIDENCE_TOO_LARGE: 413,
  SECTOR_REPORT_NOT_FOUND: 404,
  SECTOR_REPORT_EMPTY: 409,
  SECTOR_REPORT_INTEGRITY: 500,
  // log review (logaudit/review)
  LOG_REVIEW_DATASET_NOT_FOUND: 404,
  LOG_REVIEW_RUN_NOT_FOUND: 404,
  LOG_REVIEW_CASE_NOT_FOUND: 404,
  LOG_REVIEW_RULE_NOT_FOUND: 404,
  LOG_REVIEW_PATIENT_NOT_FOUND: 404,
  LOG_REVIEW_FOLDER_NOT_ALLOWED: 403,
  LOG_REVIEW_UPLOAD_INVALID: 422,
  LOG_REVIEW_RUN_ACTIVE: 409,
  LOG_REVIEW_WORKSPACE_BUSY: 409,
  LOG_REVIEW_VIEW_REASON_REQUIRED: 400,
  LOG_REVIEW_DECISION_INVALID: 422,
  LOG_REVIEW_FOUR_EYES: 409,
  LOG_REVIEW_NOT_PENDING: 409,
  LOG_REVIEW_RULE_TRANSITION: 409,
  LOG_REVIEW_RULE_INVALID: 422,
  LOG_REVIEW_PORTAL_LINK_INVALID: 401,
  LOG_REVIEW_PERIOD_INVALID: 400,
  // assessment (self-assessment, action plans, surveys, benchmarks)
  ASSESSMENT_NOT_FOUND: 404,
  ASSESSMENT_LOCKED: 409,
  ASSESSMENT_INCOMPLETE: 422,
  ASSESSMENT_STATUS_INVALID: 409,
  ANSWER_CONFLICT: 409,
  REQUIREMENT_NOT_FOUND: 404,
  ACTION_NOT_FOUND: 404,
  ACTION_CONFLICT: 409,
  ENTERPRISE_PROFILE_MISSING: 422,
  SURVEY_NOT_FOUND: 404,
  SURVEY_INVALID: 422,
  SURVEY_NOT_OPEN: 409,
  RESPONSE_CONFLICT: 409,
  RESPONSE_SUBMITTED: 409,
  INVITATION_INVALID: 404,
  INVITATION_USED: 410,
  INVITATION_EXPIRED: 410,
  INDICATOR_NOT_FOUND: 404,
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
