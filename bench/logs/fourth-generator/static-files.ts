/**
 * The files that do not stream: departments, staff, patients, encounters (in start order, ids by rank), care
 * relations that follow from encounters and studies, and the ground truth.
 */
import { join } from 'node:path';
import { F_PHARM, F_PHYSIO, F_SOCIAL } from './encounters.js';
import type { Planner } from './encounters.js';
import type { MisusePlanner } from './misuse.js';
import { CsvWriter } from './output.js';
import { MUNICIPALITIES } from './population.js';
import { hash32, hfloat } from './rng.js';
import { DAY, formatOslo, formatWallDate } from './time.js';
import type { Relation } from './types.js';
import { EMERGENCY, ENC_KINDS, INPATIENT, ORDER, OTHER, OUTPATIENT, REFERRAL } from './types.js';
import type { World } from './world.js';

const MUNI_NAMES = MUNICIPALITIES.map((m) => m.name);

export const RELATION_HEADER = ['patient_id', 'user_id', 'department_id', 'from', 'to', 'kind'] as const;

export function relationRow(world: World, r: Relation): (string | null)[] {
  return [
    world.pop.patients[r.patient]!.id,
    r.user >= 0 ? world.staff[r.user]!.id : null,
    r.user < 0 && r.dept >= 0 ? world.depts[r.dept]!.id : null,
    formatOslo(r.from),
    r.to === null ? null : formatOslo(r.to),
    r.kind,
  ];
}

export function writeStatic(
  out: string,
  world: World,
  planner: Planner,
  misuse: MisusePlanner,
  studyRelations: Relation[],
  seed: number,
): { encounters: number; relations: number; relationWriter: CsvWriter } {
  const date = (d: number): string => formatWallDate(world.startWall + d * DAY);

  const dw = new CsvWriter(join(out, 'departments.csv'), ['department_id', 'name', 'kind', 'parent_id']);
  for (const d of world.depts) dw.row([d.id, d.name, d.kind, d.parent >= 0 ? world.depts[d.parent]!.id : null]);
  dw.close();

  const sw = new CsvWriter(join(out, 'staff.csv'), [
    'user_id',
    'family_name',
    'given_name',
    'role',
    'title',
    'department_id',
    'address_id',
    'employed_from',
    'employed_to',
  ]);
  for (const s of world.staff)
    sw.row([
      s.id,
      s.family,
      s.given,
      s.role,
      s.title,
      world.depts[s.dept]!.id,
      s.addr >= 0 ? world.pop.addresses[s.addr]!.id : null,
      date(s.from),
      s.to === null ? null : date(s.to),
    ]);
  sw.close();

  const pw = new CsvWriter(join(out, 'patients.csv'), [
    'patient_id',
    'family_name',
    'given_name',
    'birth_year',
    'sex',
    'address_id',
    'municipality',
    'employee_user_id',
  ]);
  const munis = world.pop.addresses;
  for (const p of world.pop.patients) {
    const muni = p.addr >= 0 ? munis[p.addr]!.muni : -1;
    pw.row([
      p.id,
      p.family,
      p.given,
      p.birthYear,
      p.sex === 0 ? 'M' : 'F',
      p.addr >= 0 ? munis[p.addr]!.id : null,
      muni >= 0 ? MUNI_NAMES[muni] : null,
      p.employee >= 0 ? world.staff[p.employee]!.id : null,
    ]);
  }
  pw.close();

  // Encounters in start order; relations that a record system derives from them.
  const encs = planner.encs;
  const order = Array.from({ length: encs.n }, (_, i) => i).sort((a, b) => encs.start[a]! - encs.start[b]! || a - b);
  const ew = new CsvWriter(join(out, 'encounters.csv'), [
    'encounter_id',
    'patient_id',
    'department_id',
    'start',
    'end',
    'kind',
  ]);
  const rw = new CsvWriter(join(out, 'care_relations.csv'), RELATION_HEADER);
  const nurses = new Map<number, number[]>();
  for (const s of world.staff)
    if (s.role === 'nurse') (nurses.get(s.dept) ?? nurses.set(s.dept, []).get(s.dept)!).push(s.idx);
  const D = (id: string): number => world.deptById.get(id)!;
  const physio = D('BRK-FYS');
  const pharmacy = D('BRK-APO');
  const ergo = D('BRK-ERGO');
  const ptOffice = D('STAB-PKT');
  const social = D('BRK-SOS');
  const rel = (r: Relation): void => rw.row(relationRow(world, r));
  order.forEach((i, rank) => {
    const p = encs.patient[i]!;
    const dept = encs.dept[i]!;
    const kind = encs.kind[i]!;
    const start = encs.start[i]!;
    const endRaw = encs.end[i]!;
    const end = Number.isNaN(endRaw) ? null : endRaw;
    ew.row([
      `K${1_000_001 + rank}`,
      world.pop.patients[p]!.id,
      world.depts[dept]!.id,
      formatOslo(start),
      end === null ? null : formatOslo(end),
      ENC_KINDS[kind],
    ]);
    const h = (salt: number): number => hfloat(seed, i, salt);
    const clin = encs.clin[i]!;
    if (kind === INPATIENT) {
      if (clin >= 0 && h(1) < 0.6) rel({ patient: p, user: clin, dept: -1, from: start, to: end, kind: 'assigned' });
      const ns = nurses.get(dept);
      if (ns && ns.length && h(2) < 0.25)
        rel({
          patient: p,
          user: ns[hash32(seed, i, 3) % ns.length]!,
          dept: -1,
          from: start,
          to: end,
          kind: 'assigned',
        });
      if (encs.flags[i]! & F_PHYSIO && h(4) < 0.75)
        rel({ patient: p, user: -1, dept: physio, from: start + DAY / 2, to: end, kind: 'referral' });
      if (encs.flags[i]! & F_PHYSIO && h(6) < 0.35)
        rel({ patient: p, user: -1, dept: ergo, from: start + DAY, to: end, kind: 'referral' });
      if (encs.flags[i]! & F_SOCIAL && h(7) < 0.5)
        rel({ patient: p, user: -1, dept: social, from: start + DAY, to: end, kind: 'referral' });
      if (encs.flags[i]! & F_PHARM && h(5) < 0.4)
        rel({ patient: p, user: -1, dept: pharmacy, from: start + DAY / 3, to: end, kind: 'consult' });
    } else if (kind === OUTPATIENT) {
      if (clin >= 0 && h(1) < 0.8) rel({ patient: p, user: clin, dept: -1, from: start, to: end, kind: 'appointment' });
    } else if (kind === EMERGENCY || kind === OTHER) {
      if (clin >= 0 && h(1) < 0.45) rel({ patient: p, user: clin, dept: -1, from: start, to: end, kind: 'assigned' });
    } else if (kind === REFERRAL) {
      if (h(1) < 0.9) rel({ patient: p, user: -1, dept, from: start, to: end, kind: 'referral' });
      // Referrals received centrally by the patient office before they reach the clinic.
      if (h(2) < 0.35)
        rel({ patient: p, user: -1, dept: ptOffice, from: start, to: start + 7 * DAY, kind: 'referral' });
    } else if (kind === ORDER) {
      const radiology = world.depts[dept]!.kind === 'radiology';
      if (h(1) < (radiology ? 0.5 : 0.12)) rel({ patient: p, user: -1, dept, from: start, to: end, kind: 'order' });
    }
  });
  ew.close();
  for (const r of studyRelations) rel(r);
  rw.flush();

  const gw = new CsvWriter(join(out, 'ground_truth.csv'), ['user_id', 'patient_id', 'scenario']);
  const rows = misuse.pairs.map((x) => [world.staff[x.u]!.id, world.pop.patients[x.p]!.id, x.scenario] as const);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const r of rows) gw.row(r);
  gw.close();
  // The care-relation file stays open: relations recorded during the days are appended while events stream.
  return { encounters: encs.n, relations: rw.lines, relationWriter: rw };
}
