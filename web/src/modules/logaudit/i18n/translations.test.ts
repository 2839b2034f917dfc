/**
 * Log review's translation files: the same keys and placeholders in bokmål and English, a name for every reason
 * and explanation code the engine can report, and a text for every error code of the log-review API.
 */
import { describe, expect, it } from 'vitest';
import { EXPLANATION_KINDS, REASON_CODES } from '../../../../../src/modules/logaudit/index.js';
import { errorStatus } from '../../../../../src/platform/errors.js';
import en from './en.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('log-review translations', () => {
  it('have the same keys, no empty texts and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    for (const [key, text] of Object.entries(nb)) {
      const english = (en as Record<string, string>)[key] ?? '';
      expect(text.trim(), `nb ${key}`).not.toBe('');
      expect(english.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(english), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('name every reason and explanation the engine reports, and every log-review error', () => {
    const keys = new Set(Object.keys(nb));
    expect(REASON_CODES.filter((code) => !keys.has(`reason.${code}`))).toEqual([]);
    expect(EXPLANATION_KINDS.map((k) => k.code).filter((code) => !keys.has(`explanation.${code}`))).toEqual([]);
    const codes = Object.keys(errorStatus).filter((code) => code.startsWith('LOG_REVIEW_'));
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => !keys.has(`error.${code}`))).toEqual([]);
  });
});
