import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFixture } from '../testing/analyse-fixture.js';
import { at, lookup, smallHospital } from '../testing/fixture.js';

const now = new Date('2026-04-01T12:00:00Z');

/**
 * The small hospital with an outpatient clinic (OP) and two of its secretaries. sec1 opens eight people, one a day,
 * nineteen days before each one's visit to OP (appointment letters: all of sec1's undocumented work is that). sec2
 * opens eight people the same way, but only p910 has a visit to OP; the other seven have no contact at all.
 */
async function analyse(): Promise<Map<string, number>> {
  const data = smallHospital();
  data.departments.push({ department_id: 'OP', name: 'Poliklinikk', kind: 'outpatient', parent_id: 'C2' });
  for (const id of ['sec1', 'sec2'])
    data.staff.push({
      user_id: id,
      family_name: `Sekretær${id}`,
      given_name: 'Anne',
      role: 'secretary',
      department_id: 'OP',
    });
  for (let i = 0; i < 8; i++) {
    for (const [user, first] of [
      ['sec1', 900],
      ['sec2', 910],
    ] as const) {
      const patient = `p${first + i}`;
      data.patients.push({ patient_id: patient, family_name: `Pasient${first + i}`, given_name: 'Per' });
      if (user === 'sec1' || i === 0)
        data.encounters.push({
          encounter_id: `enc${first + i}`,
          patient_id: patient,
          department_id: 'OP',
          start: at(21 + i, 9),
          end: at(21 + i, 10),
          kind: 'outpatient',
        });
      data.events.push(lookup(user, patient, at(2 + i, 10 + (first % 3)), { department_id: 'OP' }));
    }
  }
  return (await analyseFixture(data, { now, budget: 100 })).scores;
}

describe('planned visits', () => {
  let scores: Map<string, number>;
  beforeAll(async () => {
    scores = await analyse();
  });

  it('counts an upcoming visit for more when preparing visits is what the user does without documentation', () => {
    const single = scores.get('sec2/p910') ?? 0;
    expect(single).toBeGreaterThan(0);
    for (let i = 0; i < 8; i++) expect(scores.get(`sec1/p${900 + i}`)).toBeLessThan(0.5 * single);
  });

  it('still counts the lookups without a visit of a user who also prepares one', () => {
    for (let i = 1; i < 8; i++) expect(scores.get(`sec2/p${910 + i}`)).toBeGreaterThan(scores.get('sec2/p910') ?? 1);
  });
});
