import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFixture } from '../testing/analyse-fixture.js';
import { at, lookup, smallHospital } from '../testing/fixture.js';
import { MIN_FINDING_SCORE } from './analyze.js';

const now = new Date('2026-04-01T12:00:00Z');
const REMOTE_DAYS = [22, 24, 26];

/**
 * The small hospital, where u5 reads W1's inpatients at W1's workstation until the 20th. On three days after that u5
 * reads one of W1's new inpatients from a remote session nobody in W1 uses (a nurse on leave logging in from home):
 * documented lookups, made from a place the user does not work.
 */
async function analyse(): Promise<{ scores: Map<string, number>; remote: string[]; onSite: string[] }> {
  const data = smallHospital();
  const remote: string[] = [];
  for (const [i, day] of REMOTE_DAYS.entries()) {
    const patient = `p${830 + i}`;
    data.patients.push({ patient_id: patient, family_name: `Pasient${830 + i}`, given_name: 'Eva' });
    data.encounters.push({
      encounter_id: `enc${830 + i}`,
      patient_id: patient,
      department_id: 'W1',
      start: at(day - 1, 8),
      end: at(day + 1, 12),
      kind: 'inpatient',
    });
    data.events.push(lookup('u5', patient, at(day, 21), { department_id: 'W1', workstation: 'citrix-u5' }));
    remote.push(patient);
  }
  const onSite = [...new Set(data.events.filter((e) => e.user_id === 'u5').map((e) => String(e.patient_id)))].filter(
    (p) => !remote.includes(p),
  );
  return { scores: (await analyseFixture(data, { now, budget: 100 })).scores, remote, onSite };
}

describe('documented lookups from a remote workstation', () => {
  let run: Awaited<ReturnType<typeof analyse>>;
  beforeAll(async () => {
    run = await analyse();
  });

  it('rank above the same user’s documented lookups at work, and below any finding', () => {
    expect(run.remote.length).toBeGreaterThanOrEqual(3);
    expect(run.onSite.length).toBeGreaterThan(5);
    const onSite = Math.max(...run.onSite.map((p) => run.scores.get(`u5/${p}`) ?? 1));
    for (const p of run.remote) {
      const score = run.scores.get(`u5/${p}`) ?? 0;
      expect(score).toBeGreaterThan(onSite);
      expect(score).toBeLessThan(MIN_FINDING_SCORE);
    }
  });
});
