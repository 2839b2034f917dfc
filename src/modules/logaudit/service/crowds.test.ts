import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../domain/findings.js';
import { analyseFixture } from '../testing/analyse-fixture.js';
import { at, lookup, smallHospital } from '../testing/fixture.js';

const now = new Date('2026-04-01T12:00:00Z');
const CROWDS = 10;
/** The readers of crowd i: u2 (a W1 physician) and one user of each ward who is in no other crowd. */
/** The five users of the nursing home NH. */
const TEAM = ['nh0', 'nh1', 'nh2', 'nh3', 'nh4'];
const readers = (i: number): string[] => ['u2', `u${4 + i}`, `u${14 + i}`, `u${27 + i}`, `u${40 + i}`];

/**
 * The small hospital with ten crowds: on ten afternoons a patient without any documented reason for them is opened
 * by five users of the four wards. u2 (a W1 physician, as a consultant would be) is one of every crowd; everyone
 * else is one of one.
 */
async function analyse(): Promise<readonly Finding[]> {
  const data = smallHospital();
  // A crowd is rare against all patients looked up: 6,000 more patients, each read once during a stay in W1.
  for (let i = 0; i < 6000; i++) {
    const patient = `pb${i}`;
    const day = 1 + (i % 27);
    data.patients.push({
      patient_id: patient,
      family_name: `Bakgrunn${i}`,
      given_name: 'Ola',
      address_id: `a-${patient}`,
    });
    data.encounters.push({
      encounter_id: `eb${i}`,
      patient_id: patient,
      department_id: 'W1',
      start: at(day, 8),
      end: at(day + 1, 12),
      kind: 'inpatient',
    });
    data.events.push(lookup(`u${4 + (i % 10)}`, patient, at(day, 10, i % 60)));
  }
  for (let i = 0; i < CROWDS; i++) {
    const patient = `p${820 + i}`;
    data.patients.push({
      patient_id: patient,
      family_name: `Kjendis${i}`,
      given_name: 'Kari',
      address_id: `a-${patient}`,
    });
    for (const [k, user] of readers(i).entries()) data.events.push(lookup(user, patient, at(2 + 2 * i, 13, k * 7)));
  }
  // A unit's routine: the nursing home NH reads its resident pr0 (no contact, no relation) without a documented reason
  // on seven days, two of its five users a day; on the twentieth all five open the record, as a crowd's five would.
  data.departments.push({ department_id: 'NH', name: 'Sykehjem', kind: 'ward' });
  data.patients.push({ patient_id: 'pr0', family_name: 'Beboer', given_name: 'Eva', address_id: 'a-pr0' });
  for (const user of TEAM)
    data.staff.push({
      user_id: user,
      family_name: `Team${user}`,
      given_name: 'Kari',
      role: 'nurse',
      department_id: 'NH',
    });
  for (let day = 1; day <= 7; day++)
    for (const user of [TEAM[day % 5], TEAM[(day + 1) % 5]]) data.events.push(lookup(String(user), 'pr0', at(day, 11)));
  for (const [k, user] of TEAM.entries()) data.events.push(lookup(user, 'pr0', at(20, 13, k * 7)));
  return (await analyseFixture(data, { now, budget: 200 })).result.findings;
}

describe('crowds', () => {
  let findings: readonly Finding[];
  beforeAll(async () => {
    findings = await analyse();
  });

  const burstWeight = (user: string, patient: string): number =>
    findings
      .find((f) => f.user_id === user && f.patient_id === patient)
      ?.reasons.find((r) => r.code === 'PATIENT_ACCESS_BURST')?.weight ?? 0;

  it('sees each crowd', () => {
    for (let i = 0; i < CROWDS; i++) expect(burstWeight(readers(i)[2] ?? '', `p${820 + i}`)).toBeGreaterThan(0.1);
  });

  it('does not take a unit that reads a patient without documentation on many days for a crowd', () => {
    for (const user of TEAM) expect(burstWeight(user, 'pr0')).toBe(0);
  });

  it('counts a crowd for less for a user who is one of many crowds (a consultant) than for one who joins one', () => {
    for (let i = 0; i < CROWDS; i++)
      expect(burstWeight('u2', `p${820 + i}`)).toBeLessThan(0.6 * burstWeight(readers(i)[2] ?? '', `p${820 + i}`));
  });
});
