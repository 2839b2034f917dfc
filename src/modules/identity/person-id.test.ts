import { describe, expect, it } from 'vitest';
import { completePersonId, isValidPersonId, maskPersonId } from './person-id.js';

/** The first valid number born 1 January 1990 (some individual numbers have no valid check digit). */
function firstValid(): string {
  for (let i = 100; i < 500; i++) {
    const pid = completePersonId(`010190${i}`);
    if (pid) return pid;
  }
  throw new Error('none');
}

describe('national identity numbers', () => {
  it('completes and accepts numbers with both check digits', () => {
    const pid = firstValid();
    expect(pid).toMatch(/^010190\d{5}$/);
    expect(isValidPersonId(pid)).toBe(true);
    expect(completePersonId('01019012')).toBeNull();
  });

  it('refuses a changed digit and a wrong length', () => {
    const pid = firstValid();
    const changed = `${pid.slice(0, 3)}${(Number(pid[3]) + 1) % 10}${pid.slice(4)}`;
    expect(isValidPersonId(changed)).toBe(false);
    expect(isValidPersonId(pid.slice(1))).toBe(false);
  });

  it('masks all but the birth date', () => {
    expect(maskPersonId('01019012345')).toBe('010190*****');
    expect(maskPersonId(null)).toBeNull();
  });
});
