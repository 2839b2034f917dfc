/**
 * Planting misuse: the machinery (who is at work when, sessions of lookups, triggers such as a relative's admission,
 * "cover" encounters) and the allocation of pairs to scenarios. The scenarios themselves are in scenarios.ts.
 */
import type { Planner } from './encounters.js';
import { isLindvikMuni } from './encounters.js';
import { LegitGenerator } from './legit.js';
import type { Rng } from './rng.js';
import type { Scheduler, Shift } from './schedule.js';
import { SCENARIOS } from './scenarios.js';
import { DAY, MIN, utcToWall } from './time.js';
import type { Action, Ev, Purpose, Relation, Staff } from './types.js';
import { EMERGENCY, INPATIENT, ORDER, OUTPATIENT } from './types.js';
import type { World } from './world.js';

export interface PlantedPair {
  u: number;
  p: number;
  scenario: string;
}

export interface ScenarioStats {
  pairs: number;
  events: number;
  users: Set<number>;
}

export class MisusePlanner {
  readonly eventsByDay = new Map<number, Ev[]>();
  readonly relationsByDay = new Map<number, Relation[]>();
  readonly pairs: PlantedPair[] = [];
  readonly forbidden = new Set<number>();
  readonly stats = new Map<string, ScenarioStats>();
  readonly usedSnoopers = new Set<number>();
  private readonly pairSet = new Set<number>();
  private residentsOf: Map<number, number[]> | null = null;
  private streets: Map<string, number[]> | null = null;
  private byMuni: number[][] | null = null;
  readonly days: number;

  constructor(
    readonly world: World,
    readonly sched: Scheduler,
    readonly planner: Planner,
    readonly rng: Rng,
  ) {
    this.days = world.days;
  }

  // ------------------------------------------------------------------------------------------ allocation

  /** Splits the pairs over the scenarios by weight (whole shares first, the rest drawn by the fractions). */
  plan(totalPairs: number): void {
    const weights = SCENARIOS.map((s) => s.weight);
    const sum = weights.reduce((a, b) => a + b, 0);
    const exact = weights.map((w) => (w / sum) * totalPairs);
    const wanted = exact.map(Math.floor);
    const frac = exact.map((x, i) => x - wanted[i]!);
    for (let left = totalPairs - wanted.reduce((a, b) => a + b, 0); left > 0; left--) {
      const i = this.rng.weighted(frac);
      wanted[i]!++;
      frac[i] = 0;
    }
    SCENARIOS.forEach((sc, i) => {
      this.stats.set(sc.name, { pairs: 0, events: 0, users: new Set() });
      if (wanted[i]! > 0) sc.plant(this, wanted[i]!);
    });
  }

  // ------------------------------------------------------------------------------------------ people

  staffPool(filter: (s: Staff) => boolean): Staff[] {
    return this.world.staff.filter(
      (s) =>
        !s.service &&
        !this.usedSnoopers.has(s.idx) &&
        s.from <= 0 &&
        (s.worksUntil === null || s.worksUntil >= this.days - 1) &&
        filter(s),
    );
  }

  age(s: Staff | number): number {
    const by = typeof s === 'number' ? this.world.pop.patients[s]!.birthYear : s.birthYear;
    return this.world.pop.year - by;
  }

  private buildResidents(): Map<number, number[]> {
    if (!this.residentsOf) {
      const m = new Map<number, number[]>();
      this.world.pop.patients.forEach((p, i) => {
        if (p.addr < 0) return;
        const l = m.get(p.addr);
        if (l) l.push(i);
        else m.set(p.addr, [i]);
      });
      this.residentsOf = m;
      const streets = new Map<string, number[]>();
      this.world.pop.addresses.forEach((a, i) => {
        const k = `${a.muni}:${a.street}`;
        const l = streets.get(k);
        if (l) l.push(i);
        else streets.set(k, [i]);
      });
      this.streets = streets;
    }
    return this.residentsOf;
  }

  residents(addr: number): number[] {
    return this.buildResidents().get(addr) ?? [];
  }

  /** People in the same building (other dwellings) or a few house numbers away on the same street. */
  neighbours(s: Staff): number[] {
    if (s.addr < 0) return [];
    this.buildResidents();
    const a = this.world.pop.addresses[s.addr]!;
    const out: number[] = [];
    for (const j of this.streets!.get(`${a.muni}:${a.street}`) ?? []) {
      const b = this.world.pop.addresses[j]!;
      if (j === s.addr || b.institution || Math.abs(b.house - a.house) > 4) continue;
      for (const p of this.residents(j)) if (this.age(p) >= 16) out.push(p);
    }
    return out;
  }

  /** Random people from one municipality. */
  townsfolk(muni: number): number[] {
    if (!this.byMuni) {
      this.byMuni = [];
      this.world.pop.patients.forEach((p, i) => {
        if (p.muni < 0 || p.test) return;
        (this.byMuni![p.muni] ??= []).push(i);
      });
    }
    return this.byMuni[muni] ?? [];
  }

  /** Everyone in the employee's private circle (to keep scenario targets apart). */
  circleOf(s: Staff): Set<number> {
    const c = this.world.circles[s.idx]!;
    return new Set([
      ...c.household,
      ...c.parents,
      ...c.siblings,
      ...c.adultChildren,
      ...c.inLaws,
      ...c.ex,
      ...c.exHousehold,
      s.patient,
    ]);
  }

  // ------------------------------------------------------------------------------------------ time

  /** Shifts of an employee on days [from, to] within the window, optionally filtered. */
  shifts(u: number, from: number, to: number, filter?: (sh: Shift) => boolean): Shift[] {
    const s = this.world.staff[u]!;
    const out: Shift[] = [];
    for (let d = Math.max(0, from); d <= Math.min(this.days - 1, to); d++)
      for (const sh of this.sched.duty(s, d)) if (sh.kind !== 'sys' && (!filter || filter(sh))) out.push(sh);
    return out;
  }

  at(d: number, minutes: number): number {
    return this.planner.at(d, minutes);
  }

  dayOf(t: number): number {
    return Math.floor((utcToWall(t) - this.world.startWall) / DAY);
  }

  // ------------------------------------------------------------------------------------------ planting

  /** Registers a pair; false if it is taken. Legit activity will avoid the pair unless `allowLegit`. */
  claim(u: number, p: number, scenario: string, allowLegit = false): boolean {
    const key = LegitGenerator.pairKey(u, p);
    if (this.pairSet.has(key) || u < 0 || p < 0) return false;
    if (this.world.pop.patients[p]!.test) return false;
    this.pairSet.add(key);
    if (!allowLegit) this.forbidden.add(key);
    this.pairs.push({ u, p, scenario });
    const st = this.stats.get(scenario)!;
    st.pairs++;
    st.users.add(u);
    this.usedSnoopers.add(u);
    return true;
  }

  /** A burst of lookups starting at t. */
  session(
    u: number,
    p: number,
    scenario: string,
    t: number,
    actions: readonly Action[],
    pur: Purpose,
    dep: number,
    ws: string,
  ): number {
    const rng = this.rng;
    let time = t + rng.int(0, 59_999);
    for (const a of actions) {
      const ev: Ev = { t: Math.floor(time / 1000) * 1000, u, p, a, pur, dep, ws, tag: scenario, misuse: true };
      const d = this.dayOf(ev.t);
      const list = this.eventsByDay.get(d);
      if (list) list.push(ev);
      else this.eventsByDay.set(d, [ev]);
      this.stats.get(scenario)!.events++;
      time += (a === 'search' ? rng.int(6, 45) : rng.int(15, 170)) * 1000;
    }
    return time;
  }

  /** A session inside a shift (at its own terminal, in its own unit), at a random moment unless t is given. */
  onShift(
    sh: Shift,
    p: number,
    scenario: string,
    actions: readonly Action[],
    pur: Purpose = 'TREAT',
    t?: number,
  ): number {
    const time = t ?? sh.start + 15 * MIN + this.rng.next() * Math.max(MIN, sh.end - sh.start - 30 * MIN);
    const terminals = this.world.depts[sh.workDept]!.terminals;
    const ws = sh.kind === 'remote' || !this.rng.chance(0.2) ? sh.ws : this.rng.pick(terminals);
    return this.session(sh.staff, p, scenario, time, actions, pur, sh.logDept, ws);
  }

  /** A session from home on day d between two wall-clock minutes. */
  fromHome(
    u: number,
    p: number,
    scenario: string,
    d: number,
    fromMin: number,
    toMin: number,
    actions: readonly Action[],
    ws: string,
  ): number {
    const t = this.at(d, this.rng.int(fromMin, toMin)) + this.rng.int(0, 59) * 1000;
    return this.session(u, p, scenario, t, actions, 'TREAT', this.world.staff[u]!.dept, ws);
  }

  /** A contact somewhere else in the hospital that gives the snooper a reason to be curious. */
  trigger(p: number, d: number, avoidDept: number): void {
    const rng = this.rng;
    const pl = this.planner;
    const D = (id: string): number => this.world.deptById.get(id)!;
    const pt = this.world.pop.patients[p]!;
    const age = this.world.pop.year - pt.birthYear;
    const site = isLindvikMuni(pt.muni) ? 1 : 0;
    const r = rng.next();
    if (r < 0.4) {
      const [, end] = pl.edVisit(p, site, d);
      if (rng.chance(0.35)) {
        const ward =
          age < 16
            ? D('BRK-BAR')
            : age > 80
              ? D('BRK-GER')
              : D(rng.pick(['BRK-MSP1', 'BRK-MSP2', 'BRK-MSP3', 'BRK-ORT', 'BRK-KSP1']));
        if (ward !== avoidDept) pl.inpatientStay(p, ward, end, rng.logNormal(3, 0.5), 0);
      }
    } else {
      const choices =
        age < 16
          ? ['BRK-BPOL', 'HMO-BUP']
          : pt.sex === 1 && age < 50
            ? ['BRK-GYN', 'HMO-DPS', 'BRK-MPOL', 'BRK-OPOL']
            : ['HMO-DPS', 'BRK-MPOL', 'BRK-OPOL', 'BRK-KREFT', 'BRK-HPOL'];
      let dept = D(rng.pick(choices));
      if (dept === avoidDept) dept = D('BRK-MPOL');
      const start = this.at(d, rng.int(8 * 60, 15 * 60));
      pl.add(
        p,
        dept,
        OUTPATIENT,
        start,
        start + rng.int(30, 60) * MIN,
        pl.clinician(dept, d, ['physician', 'therapist']),
      );
    }
  }

  /** An old contact of the patient in the snooper's own unit: documentation that looks like a reason. */
  cover(u: number, p: number): boolean {
    const s = this.world.staff[u]!;
    const dept = this.world.depts[s.dept]!;
    const kind =
      dept.kind === 'ward'
        ? INPATIENT
        : dept.kind === 'outpatient'
          ? OUTPATIENT
          : dept.kind === 'emergency'
            ? EMERGENCY
            : dept.kind === 'lab' || dept.kind === 'radiology'
              ? ORDER
              : -1;
    if (kind < 0) return false;
    const d = -this.rng.int(50, 700);
    const start = this.at(d, this.rng.int(8 * 60, 20 * 60));
    const len = kind === INPATIENT ? this.rng.int(1, 6) * DAY : this.rng.int(1, 5) * 60 * MIN;
    this.planner.add(
      p,
      s.dept,
      kind,
      start,
      start + len,
      kind === ORDER ? -1 : this.planner.clinician(s.dept, d, ['physician', 'nurse']),
    );
    return true;
  }

  relation(r: Relation): void {
    const d = this.dayOf(r.from);
    const list = this.relationsByDay.get(d);
    if (list) list.push(r);
    else this.relationsByDay.set(d, [r]);
  }

  newClient(): string {
    const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let s = '';
    for (let i = 0; i < 7; i++) s += chars[this.rng.int(0, chars.length - 1)];
    return `DESKTOP-${s}`;
  }

  totalEvents(): number {
    let n = 0;
    for (const list of this.eventsByDay.values()) n += list.length;
    return n;
  }
}
