import { describe, expect, it } from 'vitest';
import { contribution, SIGNALS, type SignalSpec } from './scoring.js';

const signal = (code: string): SignalSpec => SIGNALS.find((s) => s.code === code) as SignalSpec;

describe('contribution', () => {
  it('counts a crowd on the patient in full for a lookup explained only by a stay in a sibling unit', () => {
    // A celebrity admitted to one ward draws readers from the clinic's other units too: the weak reason (a stay in
    // the same clinic) does not explain why so many units looked at once.
    const burst = signal('PATIENT_ACCESS_BURST');
    expect(contribution(burst, 'weak', 0.8)).toBe(contribution(burst, 'unexplained', 0.8));
    expect(contribution(burst, 'explained', 0.8)).toBeLessThan(0.05);
    // Other statistics about the user count at half for such a lookup.
    const breadth = signal('USER_BREADTH_UNUSUAL');
    expect(contribution(breadth, 'weak', 0.8)).toBe(contribution(breadth, 'unexplained', 0.8) / 2);
  });
});
