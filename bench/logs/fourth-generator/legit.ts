/**
 * Legitimate use of the record, one day at a time. A day's budget of lookups is spread over the shifts of that day
 * in proportion to their activity; each draw picks a shift, then a work pattern that fits the person's role and unit,
 * then a patient from what is going on in the hospital (see context.ts), and emits a short burst of lookups.
 */
import type { DayContext } from './context.js';
import type { Planner } from './encounters.js';
import { F_NEWBORN } from './encounters.js';
import type { Rng } from './rng.js';
import { WeightedTable, hash32 } from './rng.js';
import type { Scheduler, Shift } from './schedule.js';
import { Scheduler as Sched } from './schedule.js';
import { DAY, HOUR, MIN, utcToWall } from './time.js';
import type { Action, Ev, Purpose, Relation, Staff } from './types.js';
import type { Pattern, Profile, Recipe } from './work-patterns.js';
import { R, profileFor } from './work-patterns.js';
import type { World } from './world.js';

export interface ComplaintCase {
  patient: number;
  from: number;
  to: number;
}

export class LegitGenerator {
  private readonly profiles = new Map<string, { table: WeightedTable; items: Profile }>();
  private readonly recent = new Int32Array(4096).fill(-1);
  private recentPos = 0;
  private out: Ev[] = [];
  private budget = 0;
  readonly relationsToday: Relation[] = [];
  /** Patients with contacts before the window (for record requests). */
  private readonly historic: number[] = [];
  private readonly studies: number[][];
  private readonly depts: World['depts'];
  private readonly staff: Staff[];
  private readonly encs: Planner['encs'];

  constructor(
    private readonly world: World,
    private readonly sched: Scheduler,
    private readonly planner: Planner,
    private readonly rng: Rng,
    private readonly forbidden: Set<number>,
    private readonly complaints: ComplaintCase[],
    studies: number[][],
  ) {
    this.depts = world.depts;
    this.staff = world.staff;
    this.encs = planner.encs;
    this.studies = studies;
    const seen = new Uint8Array(world.pop.patients.length);
    const day0 = sched.day(0).start;
    for (let i = 0; i < this.encs.n; i++) {
      const p = this.encs.patient[i]!;
      if (!seen[p] && this.encs.start[i]! < day0 - 60 * DAY) {
        seen[p] = 1;
        this.historic.push(p);
      }
    }
  }

  static pairKey(u: number, p: number): number {
    return u * 4_194_304 + p;
  }

  // ------------------------------------------------------------------------------------------- profiles

  private profileOf(s: Staff, sh: Shift, d: number): { table: WeightedTable; items: Profile } {
    const newbie = d - s.from >= 0 && d - s.from < 3 && !s.service;
    const key = `${s.idx}:${sh.kind === 'oncall' ? 'oc' : 'n'}:${newbie ? 1 : 0}`;
    let prof = this.profiles.get(key);
    if (!prof) {
      const items = profileFor(s, this.depts[s.dept]!.tag, sh.kind === 'oncall', newbie);
      prof = { table: new WeightedTable(items.map((x) => x[1])), items };
      this.profiles.set(key, prof);
    }
    return prof;
  }

  // ------------------------------------------------------------------------------------------- the day

  generateDay(d: number, budget: number, ctx: DayContext): Ev[] {
    this.out = [];
    this.budget = budget;
    this.relationsToday.length = 0;
    const shifts: Shift[] = [];
    for (const s of this.staff) for (const sh of this.sched.shiftsOn(s, d)) shifts.push(sh);
    if (shifts.length === 0 || budget <= 0) return this.out;
    const table = new WeightedTable(shifts.map((sh) => Sched.weight(this.staff[sh.staff]!, sh)));
    let attempts = 0;
    while (this.out.length < budget && attempts < budget * 30 + 1000) {
      attempts++;
      const sh = shifts[table.draw(this.rng)]!;
      const s = this.staff[sh.staff]!;
      const prof = this.profileOf(s, sh, d);
      let pattern = prof.items[prof.table.draw(this.rng)]![0];
      if (!this.run(pattern, s, sh, ctx)) {
        // Nothing to do in that line of work right now: fall back to the person's main pattern once.
        pattern = prof.items[0]![0];
        this.run(pattern, s, sh, ctx);
      }
    }
    if (this.out.length > budget) this.out.length = budget;
    return this.out;
  }

  // ------------------------------------------------------------------------------------------- helpers

  private allowed(s: Staff, p: number): boolean {
    const pt = this.world.pop.patients[p]!;
    if (pt.employee === s.idx) return false;
    if (s.addr >= 0 && pt.addr === s.addr) return false;
    return !this.forbidden.has(LegitGenerator.pairKey(s.idx, p));
  }

  /** A moment in the shift and inside [lo, hi], avoiding part of the lunch break; NaN if there is none. */
  private timeIn(sh: Shift, lo: number, hi: number): number {
    const a = Math.max(lo, sh.start + 5 * MIN);
    const b = Math.min(hi, sh.end - 5 * MIN);
    if (!(b > a)) return Number.NaN;
    for (let k = 0; k < 3; k++) {
      const t = a + this.rng.next() * (b - a);
      const wallMin = Math.floor(utcToWall(t) / MIN) % 1440;
      if (wallMin >= 690 && wallMin < 720 && this.rng.chance(0.6)) continue;
      return t;
    }
    return a + this.rng.next() * (b - a);
  }

  private recipe(r: Recipe): readonly Action[] {
    return this.rng.pickWeighted(r);
  }

  /** A lookup at a random time in the shift (the time is drawn before the recipe, as everywhere). */
  private emitInShift(s: Staff, sh: Shift, p: number, recipe: Recipe, pur: Purpose, tag: Pattern): boolean {
    const t0 = this.timeIn(sh, sh.start, sh.end);
    return this.emit(s, sh, p, t0, this.recipe(recipe), pur, tag);
  }

  private emit(
    s: Staff,
    sh: Shift,
    p: number,
    t0: number,
    actions: readonly Action[],
    pur: Purpose,
    tag: Pattern,
    dep = sh.logDept,
  ): boolean {
    if (Number.isNaN(t0) || !this.allowed(s, p)) return false;
    const rng = this.rng;
    let t = t0;
    const terminals = this.depts[sh.workDept]!.terminals;
    let ws = sh.ws;
    if (sh.kind !== 'remote' && sh.kind !== 'sys' && rng.chance(0.22))
      ws = terminals[rng.int(0, terminals.length - 1)]!;
    if (sh.kind === 'oncall' && s.homeClient) {
      const h = Math.floor(utcToWall(t) / HOUR) % 24;
      if ((h >= 22 || h < 7) && rng.chance(0.6)) {
        ws = s.homeClient;
        dep = s.dept;
      }
    }
    for (const a of actions) {
      this.out.push({ t: Math.floor(t / 1000) * 1000, u: s.idx, p, a, pur, dep, ws, tag, misuse: false });
      t += (a === 'search' ? rng.int(5, 40) : rng.int(10, 150)) * 1000;
    }
    if (s.role !== 'it') {
      this.recent[this.recentPos] = p;
      this.recentPos = (this.recentPos + 1) % this.recent.length;
    }
    return true;
  }

  /** An encounter from the list, preferring (in a few tries) one that satisfies `prefer`. */
  private choose(list: readonly number[], prefer?: (e: number) => boolean): number {
    if (list.length === 0) return -1;
    let e = list[this.rng.int(0, list.length - 1)]!;
    if (prefer)
      for (let k = 0; k < 5 && !prefer(e); k++) {
        e = list[this.rng.int(0, list.length - 1)]!;
      }
    return e;
  }

  private encWindow(e: number, before: number, after: number): [number, number] {
    const end = this.encs.end[e]!;
    return [this.encs.start[e]! - before, Number.isNaN(end) ? Number.POSITIVE_INFINITY : end + after];
  }

  private site(dept: number): number {
    const s = this.depts[dept]!.site;
    return s === 1 ? 1 : 0;
  }

  // ------------------------------------------------------------------------------------------- patterns

  private run(pattern: Pattern, s: Staff, sh: Shift, ctx: DayContext): boolean {
    const rng = this.rng;
    const encs = this.encs;
    const D = (id: string): number => this.world.deptById.get(id)!;
    const isPhys = s.role === 'physician';
    switch (pattern) {
      case 'ward_care':
      case 'float_cover':
      case 'borrowed_cover': {
        const list = ctx.inpatients[sh.workDept]!;
        const teams = Math.max(1, Math.round(list.length / 6));
        const team = hash32(s.idx, ctx.d) % teams;
        const e = this.choose(list, isPhys ? (x) => encs.clin[x] === s.idx : (x) => x % teams === team);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 0, 0);
        const t = this.timeIn(sh, lo, hi);
        const tag: Pattern =
          this.depts[s.dept]!.tag === 'pool' ? 'float_cover' : sh.workDept !== s.dept ? 'borrowed_cover' : 'ward_care';
        const recipe = isPhys ? R.physWard : s.role === 'secretary' ? R.read : R.nurseWard;
        const icu = this.depts[sh.workDept]!.tag === 'icu';
        const pur: Purpose = icu && t - encs.start[e]! < 3 * HOUR && rng.chance(0.05) ? 'ETREAT' : 'TREAT';
        return this.emit(s, sh, encs.patient[e]!, t, this.recipe(recipe), pur, tag);
      }
      case 'admission': {
        const list = ctx.inpatients[sh.workDept]!.filter(
          (x) => encs.start[x]! > sh.start - 2 * HOUR && encs.start[x]! < sh.end,
        );
        const e = this.choose(list);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, isPhys ? 3 * HOUR : 0, 0);
        const newborn = (encs.flags[e]! & F_NEWBORN) !== 0;
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, lo, Math.min(hi, encs.start[e]! + 6 * HOUR)),
          this.recipe(newborn ? R.newborn : R.admission),
          'TREAT',
          'admission',
        );
      }
      case 'ed_care':
      case 'ed_registration': {
        const ed =
          this.depts[sh.workDept]!.kind === 'emergency'
            ? sh.workDept
            : D(this.site(sh.workDept) === 1 ? 'LVK-AMOT' : 'BRK-AMOT');
        const e = this.choose(ctx.ed[ed]!, (x) => encs.start[x]! < sh.end && encs.end[x]! > sh.start);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 5 * MIN, 40 * MIN);
        const recipe = pattern === 'ed_registration' ? R.edSecretary : R.ed;
        const pur: Purpose = s.role !== 'secretary' && rng.chance(0.02) ? 'ETREAT' : 'TREAT';
        // Doctors called down to the emergency department often switch to its unit in the record system.
        const dep = sh.workDept !== ed && rng.chance(0.55) ? ed : sh.logDept;
        return this.emit(s, sh, encs.patient[e]!, this.timeIn(sh, lo, hi), this.recipe(recipe), pur, pattern, dep);
      }
      case 'followup_recent': {
        const e = this.choose(ctx.ended[s.dept]!, isPhys ? (x) => encs.clin[x] === s.idx : undefined);
        if (e < 0) return false;
        return this.emitInShift(s, sh, encs.patient[e]!, R.read, 'TREAT', 'followup_recent');
      }
      case 'oncall_consult': {
        const site = this.site(s.dept);
        const wards = this.depts.filter(
          (x) => x.kind === 'ward' && x.idx !== s.dept && (x.site === site || (site === 0 && x.site === 2)),
        );
        const w = rng.pick(wards);
        const e = this.choose(ctx.inpatients[w.idx]!);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 0, 0);
        const t = this.timeIn(sh, lo, hi);
        const ok = this.emit(
          s,
          sh,
          encs.patient[e]!,
          t,
          this.recipe(R.consult),
          rng.chance(0.01) ? 'ETREAT' : 'TREAT',
          'oncall_consult',
        );
        if (ok && rng.chance(0.45))
          this.relationsToday.push({
            patient: encs.patient[e]!,
            user: s.idx,
            dept: -1,
            from: t - rng.int(1, 30) * MIN,
            to: t + rng.int(1, 3) * DAY,
            kind: 'consult',
          });
        return ok;
      }
      case 'preop_assessment': {
        const e = this.choose(ctx.electiveSoon.length > 0 ? ctx.electiveSoon : ctx.surgeries);
        if (e < 0) return false;
        const t = this.timeIn(sh, sh.start, sh.end);
        const ok = this.emit(s, sh, encs.patient[e]!, t, this.recipe(R.referralPhysician), 'TREAT', 'preop_assessment');
        if (ok && rng.chance(0.3))
          this.relationsToday.push({
            patient: encs.patient[e]!,
            user: s.idx,
            dept: -1,
            from: t - 5 * MIN,
            to: t + 4 * DAY,
            kind: 'consult',
          });
        return ok;
      }
      case 'anest_icu': {
        const e = this.choose([...ctx.inpatients[D('BRK-INT')]!, ...ctx.inpatients[D('BRK-POST')]!]);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 0, 0);
        // Anaesthetists working in intensive care usually log in to that unit.
        const dep = rng.chance(0.7) ? encs.dept[e]! : sh.logDept;
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, lo, hi),
          this.recipe(isPhys ? R.physWard : R.nurseWard),
          'TREAT',
          'anest_icu',
          dep,
        );
      }
      case 'periop': {
        const e = this.choose(ctx.surgeries, (x) => encs.start[x]! < sh.end && encs.end[x]! > sh.start);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 2 * HOUR, HOUR);
        const dep = this.depts[s.dept]!.tag === 'anest' && rng.chance(0.6) ? encs.dept[e]! : sh.logDept;
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, lo, hi),
          this.recipe(R.nurseWard),
          'TREAT',
          'periop',
          dep,
        );
      }
      case 'outpatient_visit':
      case 'outpatient_checkin': {
        const list = ctx.outToday[sh.workDept]!;
        const e = this.choose(list, pattern === 'outpatient_visit' ? (x) => encs.clin[x] === s.idx : undefined);
        if (e < 0) return false;
        const late = pattern === 'outpatient_visit' && rng.chance(0.2);
        const [lo, hi] =
          pattern === 'outpatient_checkin'
            ? this.encWindow(e, 40 * MIN, -20 * MIN)
            : this.encWindow(e, 60 * MIN, late ? 8 * HOUR : 90 * MIN);
        const recipe = pattern === 'outpatient_checkin' ? R.checkin : R.opdClinician;
        return this.emit(s, sh, encs.patient[e]!, this.timeIn(sh, lo, hi), this.recipe(recipe), 'TREAT', pattern);
      }
      case 'referral_handling':
      case 'referral_registration': {
        const list = pattern === 'referral_registration' ? ctx.refRecentAll : ctx.refRecent[sh.workDept]!;
        const e = this.choose(list);
        if (e < 0) return false;
        const recipe = s.role === 'physician' || s.role === 'therapist' ? R.referralPhysician : R.referralSecretary;
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, encs.start[e]!, sh.end),
          this.recipe(recipe),
          'TREAT',
          pattern,
        );
      }
      case 'appointment_letters':
      case 'appointment_phone': {
        const list = pattern === 'appointment_phone' ? ctx.upcomingAll : ctx.upcoming[sh.workDept]!;
        const e = this.choose(list);
        if (e < 0) return false;
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, sh.start, sh.end),
          this.recipe(pattern === 'appointment_phone' ? R.phone : R.letters),
          'TREAT',
          pattern,
        );
      }
      case 'lab_order':
      case 'radiology_order': {
        const e = this.choose(ctx.ordersToday[sh.workDept]!, (x) => encs.start[x]! < sh.end && encs.end[x]! > sh.start);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 10 * MIN, 2 * HOUR);
        const recipe = isPhys ? R.labPhysician : R.lab;
        return this.emit(s, sh, encs.patient[e]!, this.timeIn(sh, lo, hi), this.recipe(recipe), 'TREAT', pattern);
      }
      case 'gp_sample': {
        // Samples from general practitioners: the person is in the patient register, but no hospital contact exists.
        const p = this.planner.drawPatient(this.site(s.dept), 'biochem');
        return this.emit(s, sh, p, this.timeIn(sh, sh.start, sh.end), this.recipe(R.lab), 'TREAT', 'gp_sample');
      }
      case 'pharmacy_review': {
        const e = this.choose(ctx.pharm[this.site(s.dept)]!);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 0, 0);
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, lo, hi),
          this.recipe(R.read),
          'TREAT',
          'pharmacy_review',
        );
      }
      case 'oncology_pharmacy': {
        const e = this.choose(ctx.outToday[D('BRK-KREFT')]!);
        if (e < 0) return false;
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, sh.start, encs.start[e]!),
          [rng.chance(0.7) ? 'read' : 'update'],
          'TREAT',
          'oncology_pharmacy',
        );
      }
      case 'therapy_referral':
      case 'social_work': {
        const list = pattern === 'social_work' ? ctx.social : ctx.physio[this.site(s.dept)]!;
        const e = this.choose(list);
        if (e < 0) return false;
        const [lo, hi] = this.encWindow(e, 0, 0);
        return this.emit(s, sh, encs.patient[e]!, this.timeIn(sh, lo, hi), this.recipe(R.therapy), 'TREAT', pattern);
      }
      case 'neonatal_mother': {
        const e = this.choose(ctx.inpatients[sh.workDept]!);
        const mother = e < 0 ? undefined : this.world.motherOf.get(encs.patient[e]!);
        if (mother === undefined) return false;
        return this.emit(s, sh, mother, this.timeIn(sh, sh.start, sh.end), ['read'], 'TREAT', 'neonatal_mother');
      }
      case 'patient_request': {
        if (this.historic.length === 0) return false;
        const p = rng.pick(this.historic);
        return this.emitInShift(s, sh, p, R.request, 'PATRQT', 'patient_request');
      }
      case 'archive_scanning': {
        const r = rng.next();
        let p: number;
        if (r < 0.45 && ctx.refRecentAll.length) p = encs.patient[rng.pick(ctx.refRecentAll)]!;
        else if (r < 0.8 && ctx.endedAll.length) p = encs.patient[rng.pick(ctx.endedAll)]!;
        else p = this.planner.drawPatient(rng.chance(0.8) ? 0 : 1, 'opd');
        return this.emitInShift(s, sh, p, R.scanning, 'HOPERAT', 'archive_scanning');
      }
      case 'coding': {
        const e = this.choose(ctx.endedInpatients);
        if (e < 0) return false;
        return this.emitInShift(s, sh, encs.patient[e]!, R.coding, 'HOPERAT', 'coding');
      }
      case 'typing_pool': {
        const today = ctx.outTodayAll;
        const e = rng.chance(0.55) && today.length ? rng.pick(today) : this.choose(ctx.endedAll);
        if (e < 0) return false;
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, encs.start[e]! + 30 * MIN, sh.end),
          this.recipe(R.typing),
          'TREAT',
          'typing_pool',
        );
      }
      case 'quality_registry': {
        const e = this.choose(ctx.quality);
        if (e < 0) return false;
        return this.emitInShift(s, sh, encs.patient[e]!, R.registry, 'HOPERAT', 'quality_registry');
      }
      case 'complaint_case': {
        const open = this.complaints.filter((c) => c.from <= ctx.d && c.to >= ctx.d);
        if (open.length === 0) return false;
        const c = rng.pick(open);
        return this.emitInShift(s, sh, c.patient, R.complaint, 'HOPERAT', 'complaint_case');
      }
      case 'research_study': {
        const cohort = this.studies[s.study] ?? this.studies[s.idx % Math.max(1, this.studies.length)];
        if (!cohort || cohort.length === 0) return false;
        return this.emitInShift(s, sh, rng.pick(cohort), R.research, 'HRESCH', 'research_study');
      }
      case 'billing': {
        const e = this.choose(ctx.endedOutpatients);
        if (e < 0) return false;
        return this.emitInShift(s, sh, encs.patient[e]!, R.billing, 'HPAYMT', 'billing');
      }
      case 'it_support': {
        const p = this.recent[rng.int(0, this.recent.length - 1)]!;
        if (p < 0) return false;
        return this.emit(s, sh, p, this.timeIn(sh, sh.start, sh.end), this.recipe(R.it), 'HOPERAT', 'it_support');
      }
      case 'test_patient':
      case 'training': {
        const p = rng.pick(this.world.testPatients);
        return this.emit(
          s,
          sh,
          p,
          this.timeIn(sh, sh.start, sh.end),
          this.recipe(R.test),
          pattern === 'training' ? 'TREAT' : 'HOPERAT',
          pattern,
        );
      }
      case 'svc_results': {
        const depts =
          s.id === 'svc-ris'
            ? ['BRK-RTG', 'LVK-RTG', 'BRK-NUK']
            : ['BRK-BIOK', 'LVK-LAB', 'BRK-MIKR', 'BRK-BLOD', 'BRK-PAT'];
        const e = this.choose(ctx.ordersToday[D(rng.pick(depts))]!);
        if (e < 0) return false;
        const t = Math.min(encs.end[e]!, sh.end - MIN);
        return this.emit(
          s,
          sh,
          encs.patient[e]!,
          this.timeIn(sh, t, t + 20 * MIN),
          this.recipe(R.svcResult),
          '',
          'svc_results',
        );
      }
      case 'svc_documents': {
        const p =
          rng.chance(0.5) && ctx.refRecentAll.length
            ? encs.patient[rng.pick(ctx.refRecentAll)]!
            : this.planner.drawPatient(rng.chance(0.8) ? 0 : 1, 'opd');
        return this.emit(s, sh, p, this.timeIn(sh, sh.start, sh.end), this.recipe(R.svcDoc), '', 'svc_documents');
      }
      case 'svc_discharge_letters': {
        const e = this.choose(ctx.endedInpatients);
        if (e < 0) return false;
        return this.emitInShift(s, sh, encs.patient[e]!, R.svcEpi, 'HOPERAT', 'svc_discharge_letters');
      }
    }
  }
}
