import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFixture } from '../testing/analyse-fixture.js';
import { at, lookup, smallHospital } from '../testing/fixture.js';
import type { AnalysisResult } from './analyze.js';

const now = new Date('2026-04-01T12:00:00Z');

/**
 * The small hospital with a test patient: p810 (no contact with the hospital, no address) is opened by twelve users
 * of all four wards in five different weeks, as every newcomer practises on it. The same twelve open p811 (no
 * contact either) on one afternoon, as a crowd does when someone is in the news. u99, whose employment ended on 1
 * March, opens p810 on the 24th. With `weeks` = 1, the twelve open p810 within one week instead.
 */
async function analyse(weeks: number): Promise<{ result: AnalysisResult; scores: Map<string, number> }> {
  const data = smallHospital();
  data.staff.push({ ...data.staff.find((s) => s.user_id === 'u4'), user_id: 'u99', employed_to: '2026-03-01' });
  data.patients.push(
    { patient_id: 'p810', family_name: 'Testpasient', given_name: 'Ola' },
    { patient_id: 'p811', family_name: 'Nyhetsdal', given_name: 'Kari', address_id: 'a-p811' },
  );
  for (let i = 0; i < 12; i++) {
    const user = `u${2 + 13 * (i % 4) + Math.floor(i / 4)}`;
    data.events.push(
      lookup(user, 'p810', at(3 + 5 * (i % weeks), 11 + (i % 3))),
      lookup(user, 'p811', at(20, 14, i * 3)),
    );
  }
  data.events.push(lookup('u99', 'p810', at(24, 11)));
  return analyseFixture(data, { now, budget: 100 });
}

describe('shared records (test and training patients)', () => {
  let weekAfterWeek: Awaited<ReturnType<typeof analyse>>;
  let oneWeek: Awaited<ReturnType<typeof analyse>>;
  beforeAll(async () => {
    weekAfterWeek = await analyse(5);
    oneWeek = await analyse(1);
  });

  const readersOfP810 = (run: Awaited<ReturnType<typeof analyse>>): number[] =>
    [...run.scores].filter(([key]) => key.endsWith('/p810') && !key.startsWith('u99/')).map(([, score]) => score);

  it('does not judge lookups of a record with no contact that everyone opens week after week', () => {
    const scores = readersOfP810(weekAfterWeek);
    expect(scores).toHaveLength(12);
    for (const score of scores) expect(score).toBe(0);
  });

  it('still judges the account that opens it after the employment ended', () => {
    const finding = weekAfterWeek.result.findings.find((f) => f.user_id === 'u99' && f.patient_id === 'p810');
    expect(finding?.reasons.map((r) => r.code)).toEqual(['AFTER_EMPLOYMENT']);
  });

  it('still sees a crowd on a record with no contact within days, and judges lookups within one week', () => {
    const crowd = weekAfterWeek.result.findings.filter((f) => f.patient_id === 'p811');
    expect(crowd).toHaveLength(12);
    for (const f of crowd) expect(f.reasons.map((r) => r.code)).toContain('PATIENT_ACCESS_BURST');
    // The same twelve readers of p810 within one week are judged like anyone's lookups, not as a shared record's.
    for (const score of readersOfP810(oneWeek)) expect(score).toBeGreaterThan(0.02);
  });
});
