import { describe, expect, it } from 'vitest';
import { compareFindings, defaultBudget, groupIntoCases, reasonsFor, type Finding } from './findings.js';
import { REASON_CODES, REASONS } from './reasons.js';
import { combine, contribution, informativeness, SIGNALS } from './scoring.js';
import { familyNameStrength, robustStrength } from './statistics.js';
import { formatInZone } from './time.js';

const finding = (user_id: string, patient_id: string, score: number, codes: string[] = ['NO_RELATION']): Finding => ({
  user_id,
  patient_id,
  score,
  first_seen: '',
  last_seen: '',
  events: [],
  reasons: codes.map((code) => ({ code: code as 'NO_RELATION', weight: 0.1, text_nb: '', text_en: '' })),
});

describe('reasons', () => {
  it('have a text in bokmål and English for every code, and every signal has a catalogued code', () => {
    for (const code of REASON_CODES) {
      expect(REASONS[code].nb({}).length).toBeGreaterThan(10);
      expect(REASONS[code].en({}).length).toBeGreaterThan(10);
    }
    for (const s of SIGNALS) expect(REASON_CODES).toContain(s.code);
  });
  it('lists the strongest reason first and drops negligible ones', () => {
    const reasons = reasonsFor('unexplained', { s_self: 1, s_no_relation: 1, s_print: 0.05 }, {});
    expect(reasons.map((r) => r.code)).toEqual(['SELF_LOOKUP', 'NO_RELATION']);
    expect(reasons[0]?.weight).toBe(0.95);
  });
  it('speaks statistics only for unexplained lookups, rules such as self-lookup always', () => {
    expect(reasonsFor('explained', { s_self: 1, s_rare_dept: 1 }, {}).map((r) => r.code)).toEqual(['SELF_LOOKUP']);
  });
});

describe('scoring', () => {
  it('combines contributions as a noisy-OR', () => {
    expect(combine([0.5, 0.5])).toBe(0.75);
    expect(combine([])).toBe(0);
    const name = SIGNALS.find((s) => s.code === 'SAME_FAMILY_NAME_RARE');
    expect(name && contribution(name, 'explained', 1)).toBeCloseTo(0.1, 10);
  });
  it('counts a household member in full even when the lookup is documented', () => {
    const same = SIGNALS.find((s) => s.code === 'SAME_ADDRESS');
    expect(same && contribution(same, 'explained', 1)).toBeCloseTo(0.8, 10);
  });
  it('counts a circumstance half unless another signal corroborates it', () => {
    const weightOf = (strengths: Record<string, number>, code: string): number | undefined =>
      reasonsFor('unexplained', strengths, {}).find((r) => r.code === code)?.weight;
    const rare = SIGNALS.find((s) => s.code === 'RARE_DEPARTMENT_FOR_PATIENT');
    const full = rare ? rare.weight : NaN;
    expect(weightOf({ s_rare_dept: 1, s_no_relation: 1 }, 'RARE_DEPARTMENT_FOR_PATIENT')).toBeCloseTo(full / 2, 10);
    expect(weightOf({ s_rare_dept: 1, s_hours: 1, s_no_relation: 1 }, 'RARE_DEPARTMENT_FOR_PATIENT')).toBeCloseTo(
      full,
      10,
    );
    expect(weightOf({ s_rare_dept: 1, s_breadth: 1 }, 'RARE_DEPARTMENT_FOR_PATIENT')).toBeCloseTo(full, 10);
    expect(weightOf({ s_breadth: 1 }, 'USER_BREADTH_UNUSUAL')).toBe(0.5);
  });
  it('counts an absence in full without a second circumstance', () => {
    const absence = reasonsFor('unexplained', { s_absence: 1, s_no_relation: 1 }, {});
    expect(absence.find((r) => r.code === 'ACTIVITY_DURING_ABSENCE')?.weight).toBe(0.5);
  });
  it('does not let two circumstances of the same aspect corroborate each other', () => {
    const hours = SIGNALS.find((s) => s.code === 'OUTSIDE_USUAL_HOURS')?.weight ?? NaN;
    const timeOnly = reasonsFor('unexplained', { s_hours: 1, s_off_session: 1, s_no_relation: 1 }, {});
    expect(timeOnly.find((r) => r.code === 'OUTSIDE_USUAL_HOURS')?.weight).toBeCloseTo(hours / 2, 10);
    const withPlace = reasonsFor('unexplained', { s_hours: 1, s_workstation: 1, s_no_relation: 1 }, {});
    expect(withPlace.find((r) => r.code === 'OUTSIDE_USUAL_HOURS')?.weight).toBeCloseTo(hours, 10);
  });
  it('takes weight from flags that fire often', () => {
    expect(informativeness(0.001)).toBe(1);
    expect(informativeness(0.5)).toBeCloseTo(0.1, 2);
    expect(informativeness(0)).toBe(1);
  });
  it('finds outliers against peers only beyond the floors', () => {
    expect(robustStrength(1, 0, 0)).toBe(0);
    expect(robustStrength(60, 0, 0)).toBe(1);
    expect(familyNameStrength(0.05)).toBe(0);
    expect(familyNameStrength(0.00005)).toBe(1);
  });
});

describe('findings and cases', () => {
  it('orders by score, then user id, then patient id', () => {
    const list = [
      finding('u2', 'p1', 0.5),
      finding('u1', 'p2', 0.5),
      finding('u1', 'p1', 0.5),
      finding('u9', 'p9', 0.9),
    ];
    expect(list.sort(compareFindings).map((f) => `${f.user_id}/${f.patient_id}`)).toEqual([
      'u9/p9',
      'u1/p1',
      'u1/p2',
      'u2/p1',
    ]);
  });
  it('groups per user; more findings raise the case score', () => {
    const cases = groupIntoCases([finding('u1', 'p1', 0.6), finding('u1', 'p2', 0.5), finding('u2', 'p3', 0.6)]);
    expect(cases.map((c) => c.user_id)).toEqual(['u1', 'u2']);
    expect(cases[0]?.score).toBeCloseTo(1 - 0.4 * 0.9, 6);
    expect(cases[0]?.patients).toEqual(['p1', 'p2']);
  });
  it('budgets one finding per thousand lookups', () => {
    expect(defaultBudget(4_000_000)).toBe(4000);
    expect(defaultBudget(10)).toBe(1);
  });
});

describe('formatInZone', () => {
  it('writes the offset that applied, across the DST change', () => {
    expect(formatInZone(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Oslo')).toBe('2026-03-29T01:30:00+01:00');
    expect(formatInZone(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Oslo')).toBe('2026-03-29T03:30:00+02:00');
  });
});
