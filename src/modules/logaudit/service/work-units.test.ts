import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { at, lookup, smallHospital, tempDir, writeDataset, type Row } from '../testing/fixture.js';
import { rows } from '../workspace/sql.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { analyzeWorkspace } from './analyze.js';
import { ingestDataset } from './ingest-dataset.js';

const now = new Date('2026-04-01T12:00:00Z');
const open: Workspace[] = [];
afterAll(() => open.forEach((ws) => ws.close()));

/**
 * The small hospital, where the staff of ward W2 often look up people without contact (say, referrals being
 * assessed). Two new physicians of ward W1: x1 also works in W2 (the sibling ward of the same clinic), x2 only in
 * W1. Each opens one person without contact. With `namesUnits` false, the log names no unit for any lookup.
 */
async function analysed(namesUnits: boolean): Promise<Workspace> {
  const data = smallHospital();
  const unit = (ward: string): Row => (namesUnits ? { department_id: ward } : {});
  if (!namesUnits) for (const e of data.events) delete e.department_id;
  const template = data.staff.find((s) => s.user_id === 'u1') as Row;
  for (const id of ['x1', 'x2']) data.staff.push({ ...template, user_id: id, address_id: `addr-${id}` });
  const person = (id: string): void =>
    void data.patients.push({ patient_id: id, family_name: `Other${id}`, given_name: 'Anne', address_id: `a-${id}` });
  const stays = (ward: string): Row[] => data.encounters.filter((e) => e.department_id === ward).slice(0, 10);
  for (const [user, wards] of [
    ['x1', ['W1', 'W2']],
    ['x2', ['W1']],
  ] as const)
    for (const ward of wards)
      for (const e of stays(ward)) {
        const day = Number(String(e.start).slice(8, 10));
        data.events.push(lookup(user, String(e.patient_id), at(day, 14), unit(ward)));
      }
  const w2 = data.staff.filter((s) => s.department_id === 'W2').slice(0, 8);
  for (const [i, s] of w2.entries())
    for (const k of [0, 1]) {
      person(`nc${i}-${k}`);
      data.events.push(lookup(String(s.user_id), `nc${i}-${k}`, at(3 + i + 7 * k, 11), unit('W2')));
    }
  for (const user of ['x1', 'x2']) {
    person(`n-${user}`);
    data.events.push(lookup(user, `n-${user}`, at(20, 15), unit('W1')));
  }
  const ws = await openWorkspace(path.join(tempDir(), 'ws'), { threads: 2, memoryLimit: '512MB' });
  open.push(ws);
  await ingestDataset(ws, writeDataset(tempDir(), data), { now });
  await analyzeWorkspace(ws, { now, saveRun: false });
  return ws;
}

const familiarity = async (ws: Workspace): Promise<Map<string, number>> =>
  new Map(
    (
      await rows<{ user_id: string; f: number }>(
        ws.db,
        `SELECT u.user_id, f.f FROM a_fam f JOIN users u USING (uid) JOIN patients p USING (pid)
         WHERE p.patient_id = 'n-' || u.user_id`,
      )
    ).map((r) => [r.user_id, r.f]),
  );

const learnedUnits = async (ws: Workspace): Promise<string[]> =>
  (
    await rows<{ unit: string }>(
      ws.db,
      `SELECT u.user_id || '→' || d.department_id AS unit FROM a_user_units uu JOIN users u USING (uid)
       JOIN departments d ON d.dept = uu.unit ORDER BY 1`,
    )
  ).map((r) => r.unit);

describe('the units a user works in', () => {
  it("learns them from the documented work where the log names no unit, and judges the user's lookups there too", async () => {
    const ws = await analysed(false);
    expect(await learnedUnits(ws)).toEqual(['x1→W2']);
    const f = await familiarity(ws);
    // Looking up people without contact is common in W2, where x1 also works; in W1 it is not.
    expect(f.get('x1')).toBeGreaterThan(0.5);
    expect(f.get('x2')).toBeLessThan(0.2);
  });

  it('learns nothing where the log names the unit of each lookup', async () => {
    const ws = await analysed(true);
    expect(await learnedUnits(ws)).toEqual([]);
    const f = await familiarity(ws);
    expect(f.get('x1')).toBeLessThan(0.2);
  });
});
