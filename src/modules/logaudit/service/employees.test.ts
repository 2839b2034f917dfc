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
 * (W1), and no one else has it; physician u2 (also W1) opens pe's record without a reason. With `linkOne`, one
 * other patient is linked to a staff member, so the file does say who the employees are.
 */
async function findingOfU2(linkOne: boolean): Promise<Finding | undefined> {
  const data = smallHospital();
  const u5 = data.staff.find((s) => s.user_id === 'u5');
  data.patients.push({
    patient_id: 'pe',
    family_name: u5?.family_name,
    given_name: u5?.given_name,
    address_id: 'a-pe',
  });
  if (linkOne) {
    const u40 = data.staff.find((s) => s.user_id === 'u40');
    data.patients.push({
      patient_id: 'pl',
      family_name: u40?.family_name,
      given_name: u40?.given_name,
      employee_user_id: 'u40',
    });
  }
  data.events.push(lookup('u2', 'pe', at(12, 13)));
  const ws = await openWorkspace(path.join(tempDir(), 'ws'), { threads: 2, memoryLimit: '512MB' });
  open.push(ws);
  await ingestDataset(ws, writeDataset(tempDir(), data), { now });
  const result = await analyzeWorkspace(ws, { now, saveRun: false });
  return result.findings.find((f) => f.user_id === 'u2' && f.patient_id === 'pe');
}

describe('employees among the patients', () => {
  it('takes a patient with the full name of exactly one staff member as that employee when no patient is linked', async () => {
    const finding = await findingOfU2(false);
    const colleague = finding?.reasons.find((r) => r.code === 'COLLEAGUE_PATIENT');
    expect(colleague?.text_nb).toMatch(/fulle navnet til én kollega.*trolig samme person/);
    expect(colleague?.text_en).toMatch(/probably the same person/);
  });

  it('goes by the links alone when the file links employees', async () => {
    const finding = await findingOfU2(true);
    expect(finding, 'the undocumented lookup is still a finding').toBeDefined();
    expect(finding?.reasons.map((r) => r.code)).not.toContain('COLLEAGUE_PATIENT');
  });
});
