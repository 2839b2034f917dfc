/**
 * What is going on in the hospital on one day, as seen from the units: who is admitted where, who is in the
 * emergency department, today's clinic lists and orders, fresh referrals, booked appointments, recent discharges.
 * Built from start/end buckets of the encounter store, one day at a time.
 */
import { F_ELECTIVE, F_PHARM, F_PHYSIO, F_SOCIAL, F_SURGERY } from './encounters.js';
import type { EncStore } from './encounters.js';
import type { Scheduler } from './schedule.js';
import { DAY, utcToWall } from './time.js';
import { EMERGENCY, INPATIENT, ORDER, OTHER, OUTPATIENT, REFERRAL } from './types.js';
import type { World } from './world.js';

export interface DayContext {
  d: number;
  inpatients: number[][];
  ed: number[][];
  outToday: number[][];
  ordersToday: number[][];
  refRecent: number[][];
  upcoming: number[][];
  ended: number[][];
  surgeries: number[];
  electiveSoon: number[];
  physio: number[][];
  pharm: number[][];
  social: number[];
  endedInpatients: number[];
  endedOutpatients: number[];
  quality: number[];
  refRecentAll: number[];
  upcomingAll: number[];
  outTodayAll: number[];
  endedAll: number[];
}

export class EncIndex {
  private readonly byStart = new Map<number, number[]>();
  private readonly byEnd = new Map<number, number[]>();
  private active: number[] = [];
  private readonly qualityDepts: Set<number>;

  constructor(
    private readonly world: World,
    private readonly encs: EncStore,
    private readonly sched: Scheduler,
  ) {
    const push = (m: Map<number, number[]>, k: number, i: number): void => {
      const l = m.get(k);
      if (l) l.push(i);
      else m.set(k, [i]);
    };
    for (let i = 0; i < encs.n; i++) {
      push(this.byStart, this.dayOf(encs.start[i]!), i);
      const end = encs.end[i]!;
      if (!Number.isNaN(end)) push(this.byEnd, this.dayOf(end), i);
    }
    const q = ['BRK-SLAG', 'BRK-ORT', 'BRK-MSP1', 'BRK-INT'];
    this.qualityDepts = new Set(q.map((id) => world.deptById.get(id)!));
    const day0 = sched.day(0);
    for (let i = 0; i < encs.n; i++) {
      if (encs.kind[i] !== INPATIENT) continue;
      const end = encs.end[i]!;
      if (encs.start[i]! < day0.start && (Number.isNaN(end) || end > day0.start)) this.active.push(i);
    }
  }

  dayOf(t: number): number {
    return Math.floor((utcToWall(t) - this.world.startWall) / DAY);
  }

  starts(d: number): readonly number[] {
    return this.byStart.get(d) ?? [];
  }

  context(d: number): DayContext {
    const nd = this.world.depts.length;
    const per = (): number[][] => Array.from({ length: nd }, () => []);
    const encs = this.encs;
    const info = this.sched.day(d);
    const ctx: DayContext = {
      d,
      inpatients: per(),
      ed: per(),
      outToday: per(),
      ordersToday: per(),
      refRecent: per(),
      upcoming: per(),
      ended: per(),
      surgeries: [],
      electiveSoon: [],
      physio: [[], [], [], []],
      pharm: [[], [], [], []],
      social: [],
      endedInpatients: [],
      endedOutpatients: [],
      quality: [],
      refRecentAll: [],
      upcomingAll: [],
      outTodayAll: [],
      endedAll: [],
    };
    // Admitted patients: carry over, add today's admissions, drop the discharged.
    const next: number[] = [];
    for (const i of [...this.active, ...this.starts(d).filter((i) => encs.kind[i] === INPATIENT)]) {
      const end = encs.end[i]!;
      if (!Number.isNaN(end) && end <= info.start) continue;
      next.push(i);
    }
    this.active = next;
    for (const i of this.active) {
      const dept = encs.dept[i]!;
      ctx.inpatients[dept]!.push(i);
      const site = this.world.depts[dept]!.site;
      const f = encs.flags[i]!;
      if (f & F_PHYSIO) ctx.physio[site]!.push(i);
      if (f & F_PHARM) ctx.pharm[site]!.push(i);
      if (f & F_SOCIAL) ctx.social.push(i);
    }
    for (const i of this.starts(d)) {
      const k = encs.kind[i]!;
      const dept = encs.dept[i]!;
      if (k === EMERGENCY) ctx.ed[dept]!.push(i);
      else if (k === OUTPATIENT) {
        ctx.outToday[dept]!.push(i);
        ctx.outTodayAll.push(i);
      } else if (k === ORDER) ctx.ordersToday[dept]!.push(i);
      else if (k === OTHER && encs.flags[i]! & F_SURGERY) ctx.surgeries.push(i);
    }
    // Emergency visits that began the evening before and run past midnight.
    for (const i of this.starts(d - 1))
      if (encs.kind[i] === EMERGENCY && encs.end[i]! > info.start) ctx.ed[encs.dept[i]!]!.push(i);
    for (let k = 0; k <= 2; k++)
      for (const i of this.starts(d + k))
        if (encs.kind[i] === INPATIENT && encs.flags[i]! & F_ELECTIVE) ctx.electiveSoon.push(i);
    for (let k = 0; k <= 14; k++)
      for (const i of this.starts(d - k))
        if (encs.kind[i] === REFERRAL) {
          ctx.refRecent[encs.dept[i]!]!.push(i);
          ctx.refRecentAll.push(i);
        }
    for (let k = 3; k <= 30; k++)
      for (const i of this.starts(d + k))
        if (encs.kind[i] === OUTPATIENT) {
          ctx.upcoming[encs.dept[i]!]!.push(i);
          ctx.upcomingAll.push(i);
        }
    for (let k = 1; k <= 60; k++) {
      for (const i of this.byEnd.get(d - k) ?? []) {
        const kind = encs.kind[i]!;
        const dept = encs.dept[i]!;
        if (k <= 21 && (kind === INPATIENT || kind === OUTPATIENT || kind === EMERGENCY)) {
          ctx.ended[dept]!.push(i);
          ctx.endedAll.push(i);
        }
        if (k <= 20 && kind === INPATIENT) ctx.endedInpatients.push(i);
        if (k <= 10 && kind === OUTPATIENT) ctx.endedOutpatients.push(i);
        if (k >= 14 && kind === INPATIENT && this.qualityDepts.has(dept)) ctx.quality.push(i);
      }
    }
    return ctx;
  }
}
