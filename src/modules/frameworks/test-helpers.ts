/** Helpers shared by this module's tests. */
import { isAppError, type ErrorDetail } from '../../platform/errors.js';

/** Runs `fn`, expects FRAMEWORK_INVALID, returns its problem list. */
export function problemsOf(fn: () => unknown): ErrorDetail[] {
  try {
    fn();
  } catch (error) {
    if (isAppError(error) && error.code === 'FRAMEWORK_INVALID') return [...error.details];
    throw error;
  }
  throw new Error('expected FRAMEWORK_INVALID, but the input was accepted');
}

/** 1-based number of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= from && line.includes(needle));
  if (index < 0) throw new Error(`test text has no line with ${needle}`);
  return index + 1;
}

const header = `format: varde-framework-library/1
library:
  id: urn:test:framework:sample
  name: { nb: Prøverammeverk, en: Sample framework }
  version: 1
  publisher: Varde tests
  language: nb
`;

/** A Varde framework library file with the given `nodes:` block (and optional extra top-level YAML). */
export function vardeFile(nodes: string, extra = ''): string {
  return `${header}nodes:\n${nodes}${extra}`;
}
