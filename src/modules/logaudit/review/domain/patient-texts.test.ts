import { describe, expect, it } from 'vitest';
import { EXPLANATION_KINDS } from '../../domain/explanations.js';
import { reasonText, texts, type Lang } from './patient-texts.js';

describe('patient texts', () => {
  it.each(['nb', 'en'] as Lang[])('tell the patient a reason for every explanation the engine gives (%s)', (lang) => {
    const silent = EXPLANATION_KINDS.filter(
      (k) =>
        reasonText({ code: k.code, role: null, encounterKind: null, reviewedKind: null }, lang) ===
        texts.noReason[lang],
    );
    expect(silent.map((k) => k.code)).toEqual([]);
  });
});
