import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../domain/findings.js';
import { at, lookup, smallHospital, tempDir, writeDataset } from '../testing/fixture.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { analyzeWorkspace } from './analyze.js';
import { ingestDataset } from './ingest-dataset.js';

const now = new Date('2026-04-01T12:00:00Z');
const open: Workspace[] = [];
afterAll(() => open.forEach((ws) => ws.close()));

/**
 * The small hospital, whose patients.csv links no patient to the staff. Patient pe has the full name of nurse u5
 * (W1), no one else has it, and pe has no address. Patients pa and pb have the full name of nurse u6 (W1); pa also
 * her address. Physician u2 (also W1) opens the three records without a reason. With `linkOne`, one other
 * patient is linked to a staff member, so the file does say who the employees are.
 */
async function findingsOfU2(linkOne: boolean): Promise<Map<string, Finding>> {
  const data = smallHospital();
  const u5 = data.staff.find((s) => s.user_id === 'u5');
  const u6 = data.staff.find((s) => s.user_id === 'u6');
  data.patients.push(
    { patient_id: 'pe', family_name: u5?.family_name, given_name: u5?.given_name },
    { patient_id: 'pa', family_name: u6?.family_name, given_name: u6?.given_name, address_id: u6?.address_id },
    { patient_id: 'pb', family_name: u6?.family_name, given_name: u6?.given_name, address_id: 'a-pb' },
  );
  if (linkOne) {
    const u40 = data.staff.find((s) => s.user_id === 'u40');
    data.patients.push({
      patient_id: 'pl',
      family_name: u40?.family_name,
      given_name: u40?.given_name,
      employee_user_id: 'u40',
    });
  }
  data.events.push(lookup('u2', 'pe', at(12, 13)), lookup('u2', 'pa', at(13, 13)), lookup('u2', 'pb', at(14, 13)));
  const ws = await openWorkspace(path.join(tempDir(), 'ws'), { threads: 2, memoryLimit: '512MB' });
  open.push(ws);
  await ingestDataset(ws, writeDataset(tempDir(), data), { now });
  const result = await analyzeWorkspace(ws, { now, saveRun: false, budget: 50 });
  return new Map(result.findings.filter((f) => f.user_id === 'u2').map((f) => [f.patient_id, f]));
}

const codes = (finding: Finding | undefined): string[] => finding?.reasons.map((r) => r.code) ?? [];

describe('employees among the patients', () => {
  it('takes a patient with the full name and address of a staff member (or, without an address, the unique full name) as that employee when no patient is linked', async () => {
    const findings = await findingsOfU2(false);
    const colleague = findings.get('pe')?.reasons.find((r) => r.code === 'COLLEAGUE_PATIENT');
    expect(colleague?.text_nb).toMatch(/samme fulle navn som en kollega.*trolig samme person/);
    expect(colleague?.text_en).toMatch(/probably the same person/);
    expect(codes(findings.get('pa'))).toContain('COLLEAGUE_PATIENT');
    expect(findings.get('pb'), 'the namesake is still a finding').toBeDefined();
    expect(codes(findings.get('pb'))).not.toContain('COLLEAGUE_PATIENT');
  });

  it('goes by the links alone when the file links employees', async () => {
    const findings = await findingsOfU2(true);
    for (const p of ['pe', 'pa']) {
      expect(findings.get(p), `the undocumented lookup of ${p} is still a finding`).toBeDefined();
      expect(codes(findings.get(p))).not.toContain('COLLEAGUE_PATIENT');
    }
  });
});
