import { describe, expect, it } from 'vitest';
import { completeOrgNumber, isValidOrgNumber, orgNumberCheckDigit, orgNumberProblem } from './org-number.js';

describe('organisation numbers (mod 11)', () => {
  it('accepts the public numbers of bodies named in the strategy', () => {
    for (const n of ['983887406', '915933149', '983544622', '974761424', '994598759'])
      expect(isValidOrgNumber(n)).toBe(true);
  });

  it('accepts spaces as people write them', () => {
    expect(isValidOrgNumber('994 598 759')).toBe(true);
  });

  it('refuses a mistyped digit, a wrong length and letters, saying why', () => {
    expect(isValidOrgNumber('994598758')).toBe(false);
    expect(orgNumberProblem('994598758')).toMatch(/check digit/);
    expect(orgNumberProblem('99459875')).toMatch(/9 digits, this has 8/);
    expect(orgNumberProblem('99459875x')).toMatch(/only digits/);
    expect(orgNumberProblem('994598759')).toBeNull();
  });

  it('computes check digits, and none where the remainder gives 10', () => {
    expect(orgNumberCheckDigit('99459875')).toBe(9);
    // weights 3 2 7 6 5 4 3 2: 1 at the second-last place gives sum 3 → 11 - 3 = 8; find a prefix with remainder 1
    const impossible = Array.from({ length: 100 }, (_, i) => `899000${String(i).padStart(2, '0')}`).find(
      (p) => orgNumberCheckDigit(p) === null,
    );
    expect(impossible).toBeDefined();
    expect(completeOrgNumber(impossible!)).toBeNull();
    expect(isValidOrgNumber(completeOrgNumber('89900001')!)).toBe(true);
  });
});
