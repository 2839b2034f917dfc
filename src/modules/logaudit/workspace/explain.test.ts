import { afterEach, describe, expect, it } from 'vitest';
import { explanationId, type ExplanationCode } from '../domain/explanations.js';
import { ingestDataset } from '../service/ingest-dataset.js';
import { at, lookup, smallHospital, tempDir, writeDataset, type FixtureData } from '../testing/fixture.js';
import { saveExplanationRule } from './rules-repository.js';
import { rows } from './sql.js';
import { openWorkspace, type Workspace } from './workspace.js';

const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

const now = new Date('2026-04-01T12:00:00Z');

async function explanations(data: FixtureData, setup?: (ws: Workspace) => Promise<void>): Promise<Map<string, number>> {
  const ws = await openWorkspace(tempDir(), { threads: 2, memoryLimit: '512MB' });
  open.push(ws);
  await setup?.(ws);
  await ingestDataset(ws, writeDataset(tempDir(), data), { now });
  const found = await rows<{ event_id: string; explanation: number }>(
    ws.db,
    'SELECT event_id, explanation FROM events',
  );
  return new Map(found.map((r) => [r.event_id, r.explanation]));
}

const code = (c: ExplanationCode): number => explanationId(c);

// In smallHospital: p1 lies in W2 (clinic C1) from 2 March 08:00 to 5 March 12:00; u1–u13 work in W1 (C1),
// u14–u26 in W2, u27–u39 in W3 (C2). Patient pN lies in ward W((N mod 4) + 1) from day 1 + (N mod 20) for three days.
describe('explain', () => {
  it("explains by encounter, clinic, relation, a colleague's relation, order, emergency and administrative follow-up", async () => {
    const data = smallHospital();
    data.encounters.push(
      { encounter_id: 'ord1', patient_id: 'p3', department_id: 'W4', start: at(10, 9), end: at(10, 10), kind: 'order' },
      {
        encounter_id: 'em1',
        patient_id: 'p5',
        department_id: 'ED',
        start: at(12, 20),
        end: at(13, 1),
        kind: 'emergency',
      },
      {
        encounter_id: 'ord2',
        patient_id: 'p8',
        department_id: 'LAB',
        start: at(20, 9),
        end: at(20, 10),
        kind: 'order',
      },
    );
    data.departments.push({ department_id: 'PHA', name: 'Sykehusapotek', kind: 'pharmacy' });
    data.staff.push({
      user_id: 'ph0',
      family_name: 'Apotek',
      given_name: 'Ida',
      role: 'pharmacist',
      department_id: 'PHA',
    });
    data.care_relations.push(
      { patient_id: 'p13', user_id: 'u27', from: at(14, 8), to: at(16, 8), kind: 'consult' },
      { patient_id: 'p9', department_id: 'W3', from: at(20, 8), kind: 'referral' },
    );
    const cases = {
      ward: lookup('u14', 'p1', at(3, 10)), // u14 works in W2, where p1 lies
      wardBefore: lookup('u14', 'p1', at(1, 10)), // within a day before admission
      wardTooEarly: lookup('u14', 'p1', at(1, 6)), // 26 hours before: not explained
      wardAfter: lookup('u14', 'p1', at(11, 10)), // 6 days after discharge
      wardTooLate: lookup('u14', 'p1', at(13, 10)), // 8 days after discharge: not explained
      clinic: lookup('u1', 'p1', at(3, 10)), // W1, same clinic as W2
      otherClinic: lookup('u27', 'p1', at(3, 10)), // W3: no reason
      order: lookup('lab0', 'p3', at(11, 9)),
      orderWithoutOrder: lookup('lab0', 'p4', at(11, 9)),
      labOrderForLab: lookup('lab1', 'p8', at(21, 9)),
      labOrderForPharmacy: lookup('ph0', 'p8', at(21, 9)),
      emergencyEd: lookup('ed2', 'p5', at(12, 21)),
      emergencyAccess: lookup('u27', 'p5', at(12, 22), { purpose: 'ETREAT' }),
      relation: lookup('u27', 'p13', at(15, 10)),
      relationAfter: lookup('u27', 'p13', at(18, 10)), // two days after the relation ended
      colleagueRelation: lookup('u28', 'p13', at(15, 11)), // u28 works in W3 with u27, who holds the relation
      colleagueRelationAfter: lookup('u28', 'p13', at(18, 11)),
      otherUnitThanRelation: lookup('u40', 'p13', at(15, 11)), // W4: u27's relation is not its unit's
      deptRelation: lookup('u30', 'p9', at(25, 10)), // open-ended relation to W3
      admin: lookup('adm0', 'p1', at(20, 10)),
      adminTooLate: lookup('adm0', 'p1', '2026-04-10T10:00:00+02:00'),
    };
    data.events.push(...Object.values(cases));
    const got = await explanations(data);
    const of = (key: keyof typeof cases): number | undefined => got.get(String(cases[key]?.event_id));
    expect(of('ward')).toBe(code('ENCOUNTER_IN_DEPARTMENT'));
    expect(of('wardBefore')).toBe(code('ENCOUNTER_IN_DEPARTMENT'));
    expect(of('wardTooEarly')).toBe(0);
    expect(of('wardAfter')).toBe(code('ENCOUNTER_IN_DEPARTMENT'));
    expect(of('wardTooLate')).toBe(0);
    expect(of('clinic')).toBe(code('ENCOUNTER_IN_CLINIC'));
    expect(of('otherClinic')).toBe(0);
    expect(of('order')).toBe(code('ORDER_TO_SERVICE'));
    expect(of('orderWithoutOrder')).toBe(0);
    expect(of('labOrderForLab')).toBe(code('ENCOUNTER_IN_DEPARTMENT'));
    expect(of('labOrderForPharmacy')).toBe(0);
    expect(of('emergencyEd')).toBe(code('ENCOUNTER_IN_DEPARTMENT'));
    expect(of('emergencyAccess')).toBe(code('EMERGENCY_VISIT'));
    expect(of('relation')).toBe(code('USER_CARE_RELATION'));
    expect(of('relationAfter')).toBe(0);
    expect(of('colleagueRelation')).toBe(code('COLLEAGUE_CARE_RELATION'));
    expect(of('colleagueRelationAfter')).toBe(0);
    expect(of('otherUnitThanRelation')).toBe(0);
    expect(of('deptRelation')).toBe(code('DEPARTMENT_CARE_RELATION'));
    expect(of('admin')).toBe(code('ADMIN_AFTER_DISCHARGE'));
    expect(of('adminTooLate')).toBe(0);
  });

  it('applies organisation-approved rules to lookups nothing else explains', async () => {
    const data = smallHospital();
    data.patients.push({ patient_id: 'p300', family_name: 'Berg', given_name: 'Eva' });
    const e = lookup('adm1', 'p300', at(27, 10));
    const other = lookup('u27', 'p300', at(27, 10));
    data.events.push(e, other);
    const got = await explanations(data, (ws) =>
      saveExplanationRule(
        ws.db,
        {
          rule_id: 'patient-office',
          description_nb: 'Pasientkontoret svarer på henvendelser',
          description_en: 'The patient office answers enquiries',
          user_role: 'secretary',
          user_department_id: null,
          user_department_kind: 'administration',
          action: null,
          purpose: null,
          encounter_kind: null,
          window_days: 7,
        },
        now,
      ),
    );
    expect(got.get(String(e.event_id))).toBe(code('ORGANISATION_RULE'));
    expect(got.get(String(other.event_id))).toBe(0);
  });

  it('flags emergency access without an emergency contact, lookups after employment and lookups with no unit', async () => {
    const data = smallHospital();
    (data.staff.find((s) => s.user_id === 'u30') as Record<string, unknown>).employed_to = '2026-03-25';
    const etreat = lookup('u27', 'p6', at(14, 3), { purpose: 'ETREAT', department_id: 'W3' });
    const late = lookup('u30', 'p2', at(27, 10), { department_id: 'W3' });
    const unnamed = lookup('u1', 'p4', at(6, 10));
    data.events.push(etreat, late, unnamed);
    const ws = await openWorkspace(tempDir(), { threads: 2 });
    open.push(ws);
    await ingestDataset(ws, writeDataset(tempDir(), data), { now });
    const flags = new Map(
      (
        await rows<{ event_id: string; flags: number }>(ws.db, 'SELECT event_id, flags FROM events WHERE flags > 0')
      ).map((r) => [r.event_id, r.flags]),
    );
    expect(flags.get(String(etreat.event_id))).toBe(2);
    expect(flags.get(String(late.event_id))).toBe(1);
    expect(flags.get(String(unnamed.event_id))).toBe(4);
    expect(flags.size).toBe(3);
  });
});
