/**
 * Stories around the main flow: employees on long sick leave who are patients themselves, employees admitted (and so
 * not at work), complaint cases that the quality unit reads in depth, and research cohorts.
 */
import type { Planner } from './encounters.js';
import type { ComplaintCase } from './legit.js';
import type { Rng } from './rng.js';
import type { Scheduler } from './schedule.js';
import { DAY, MIN, utcToWall } from './time.js';
import type { Relation } from './types.js';
import { INPATIENT, OUTPATIENT } from './types.js';
import type { World } from './world.js';

export interface SideStories {
  complaints: ComplaintCase[];
  studies: number[][];
  studyRelations: Relation[];
}

export function planSideStories(world: World, sched: Scheduler, planner: Planner, rng: Rng): SideStories {
  const D = (id: string): number => world.deptById.get(id)!;
  const days = world.days;
  const encs = planner.encs;

  // Long sick leave of an employee who is also a patient: a contact where the illness is followed up.
  for (const s of world.staff) {
    if (s.patient < 0) continue;
    let run = 0;
    for (let d = 0; d <= days; d++) {
      if (s.off.has(d)) {
        run++;
        continue;
      }
      if (run >= 10) {
        const first = d - run;
        const pt = world.pop.patients[s.patient]!;
        const age = world.pop.year - pt.birthYear;
        const where = rng.pickWeighted([
          ['HMO-DPS', 35],
          ['BRK-OPOL', 20],
          [pt.sex === 1 && age < 50 ? 'BRK-GYN' : 'BRK-MPOL', 25],
          ['BRK-KREFT', 6],
          ['BRK-MSP2', 14],
        ] as const);
        const dept = D(where);
        const start = planner.at(first, rng.int(8 * 60, 14 * 60));
        if (where === 'BRK-MSP2') planner.inpatientStay(s.patient, dept, start, rng.logNormal(4, 0.5), 0);
        else {
          const visits = where === 'HMO-DPS' ? rng.int(2, 4) : 1;
          for (let k = 0; k < visits; k++) {
            const t = start + k * 7 * DAY;
            planner.add(
              s.patient,
              dept,
              OUTPATIENT,
              t,
              t + 45 * MIN,
              planner.clinician(dept, first, ['physician', 'therapist']),
            );
          }
        }
      }
      run = 0;
    }
  }

  // Employees who are admitted do not work those days.
  const dayOf = (t: number): number => Math.floor((utcToWall(t) - world.startWall) / DAY);
  for (let i = 0; i < encs.n; i++) {
    if (encs.kind[i] !== INPATIENT) continue;
    const e = world.pop.patients[encs.patient[i]!]!.employee;
    if (e < 0) continue;
    const end = Number.isNaN(encs.end[i]!) ? sched.day(days).start : encs.end[i]!;
    for (let d = dayOf(encs.start[i]!); d <= dayOf(end); d++) world.staff[e]!.off.add(d);
  }

  // Complaint and compensation (NPE) cases: the quality unit reads a patient's history over days or weeks.
  const day0 = sched.day(0).start;
  const old: number[] = [];
  for (let i = 0; i < encs.n && old.length < 20000; i++)
    if (encs.start[i]! < day0 - 30 * DAY) old.push(encs.patient[i]!);
  const complaints: ComplaintCase[] = [];
  const nCases = Math.max(2, Math.round((world.staff.length / 120) * (days / 30)));
  for (let k = 0; k < nCases && old.length > 0; k++) {
    const from = rng.int(0, Math.max(0, days - 5));
    complaints.push({ patient: rng.pick(old), from, to: from + rng.int(3, 25) });
  }

  // Research cohorts: heart failure, cancer treatment, stroke.
  const studies: number[][] = [];
  const studyRelations: Relation[] = [];
  const researchers = world.staff.filter((s) => world.depts[s.dept]!.tag === 'research');
  const fou = D('STAB-FOU');
  for (const ids of [['BRK-MSP1', 'BRK-HPOL'], ['BRK-KREFT'], ['BRK-SLAG']]) {
    const pool = new Set<number>();
    for (const id of ids) for (const p of planner.known.get(D(id)) ?? []) pool.add(p);
    const size = Math.min(pool.size, 25 + researchers.length * 12);
    const cohort = rng.sample([...pool], size);
    studies.push(cohort);
    for (const p of cohort)
      if (rng.chance(0.5))
        studyRelations.push({
          patient: p,
          user: -1,
          dept: fou,
          from: day0 - rng.int(60, 500) * DAY,
          to: null,
          kind: 'study',
        });
  }
  researchers.forEach((s, i) => (s.study = i % studies.length));
  return { complaints, studies, studyRelations };
}
