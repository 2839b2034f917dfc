/**
 * API errors are shown to the user by their stable code: `error.<CODE>` in the translation files, with a
 * general text for codes the UI does not know yet.
 */
import { hasMessage, type MessageKey } from '../i18n/i18n.js';
import { ApiError } from './client.js';

export function errorMessageKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const key = `error.${code}`;
  return hasMessage(key) ? key : 'error.UNKNOWN';
}
