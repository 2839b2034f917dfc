/** Turns a thrown value into an ApiError the forms can show (with field details). */
import { ApiError } from '../../api/client.js';

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0);
}
