// Who works when, and where: three-week rotas with every third weekend (turnus), fixed-night and day/evening-only
// nurses, part-time and extra shifts, office hours, physicians' day work plus on-call (vakt) with rest the day after,
// float-pool nurses lent to a different ward each shift, holidays, sick leave and parental leave.
// Everything is a stateless function of (seed, staff, day), so the counting pass and the writing pass agree.

import { hash32, hunit } from './rng.js';
import type { World } from './world.js';

export const SH_D = 0;
export const SH_E = 1;
export const SH_N = 2;
export const SH_OC = 3;

export interface Duty {
  sh: number;
  unit: number;
  /** Wall minutes of the day; end may run past midnight (night shifts, on-call). */
  start: number;
  end: number;
}

export class Roster {
  private readonly oncallTable = new Map<number, Int32Array>();
  private readonly wards: number[];
  private readonly wardsStr: number[];
  private readonly siblingWards = new Map<number, number[]>();

  constructor(private readonly w: World) {
    this.wards = [];
    this.wardsStr = [];
    for (const d of w.depts) {
      if (d.level !== 3 || d.service !== 'ward') continue;
      if (d.site === 'FJV') this.wards.push(d.idx);
      if (d.site === 'STR') this.wardsStr.push(d.idx);
    }
    for (const d of w.depts) {
      if (d.level !== 3 || (d.service !== 'ward' && d.service !== 'icu')) continue;
      this.siblingWards.set(
        d.idx,
        w.depts
          .filter((x) => x.idx !== d.idx && x.clinic === d.clinic && x.site === d.site && x.service === 'ward')
          .map((x) => x.idx),
      );
    }
  }

  /** Forget cached on-call tables (after employment dates or leaves were changed). */
  reset(): void {
    this.oncallTable.clear();
  }

  employed(s: number, day: number): boolean {
    const st = this.w.staff[s]!;
    return day >= st.from && (day <= st.to || st.extended);
  }

  onLeave(s: number, day: number): boolean {
    const l = this.w.staff[s]!.leaves;
    for (let i = 0; i < l.length; i += 2) if (day >= l[i]! && day <= l[i + 1]!) return true;
    return false;
  }

  available(s: number, day: number): boolean {
    return this.employed(s, day) && !this.onLeave(s, day);
  }

  /** The physician of a section on call on a day (weekends: the same person Saturday and Sunday). */
  oncall(section: number, day: number): number {
    let t = this.oncallTable.get(section);
    if (!t) {
      t = new Int32Array(this.w.cal.length).fill(-1);
      const list = this.w.physiciansBySection.get(section) ?? [];
      const phase = hash32(this.w.opts.seed, section, 41) % 97;
      for (let d = 0; d < t.length && list.length > 0; d++) {
        const abs = this.w.cal.absDay[d]! - (this.w.cal.dow[d] === 6 ? 1 : 0);
        for (let k = 0; k < list.length; k++) {
          const s = list[(abs + phase + k) % list.length]!;
          if (this.available(s, d)) {
            t[d] = s;
            break;
          }
        }
      }
      this.oncallTable.set(section, t);
    }
    return day >= 0 && day < t.length ? t[day]! : -1;
  }

  /** The shift of a staff member on a world day, or null when off, on leave or not employed. */
  duty(s: number, day: number): Duty | null {
    const w = this.w;
    const st = w.staff[s]!;
    if (st.pattern === 'always') return { sh: SH_D, unit: st.unit, start: 0, end: 1440 };
    if (!this.available(s, day)) return null;
    const cal = w.cal;
    const abs = cal.absDay[day]!;
    const seed = w.opts.seed;
    const dow = cal.dow[day]!;
    const off = cal.offDay(day);
    const week = Math.floor((abs + 3) / 7);
    const jitter = (k: number, span: number): number => Math.floor(hunit(seed, s, abs, k) * span);
    switch (st.pattern) {
      case 'office':
      case 'student': {
        if (off) return null;
        if (st.fte < 1 && hunit(seed, s, abs, 1) > st.fte) return null;
        if (st.pattern === 'student' && st.title === 'sykepleierstudent' && hunit(seed, s, abs, 2) < 0.4)
          return { sh: 1, unit: st.unit, start: 885 + jitter(3, 15), end: 1350 };
        return { sh: SH_D, unit: st.unit, start: 455 + jitter(3, 50), end: 915 + jitter(4, 50) };
      }
      case 'doctor': {
        const oc = this.oncall(st.section, day);
        if (oc === s) return { sh: SH_OC, unit: st.unit, start: off ? 480 : 465 + jitter(3, 30), end: 1440 + 480 };
        if (off) return null;
        if (this.oncall(st.section, day - 1) === s && hunit(seed, s, abs, 5) < 0.7) return null;
        if (st.fte < 1 && hunit(seed, s, abs, 1) > st.fte) return null;
        const units = w.sectionUnits.get(st.section) ?? [st.unit];
        const unit =
          units.length > 1 && hunit(seed, s, abs, 6) < 0.25 ? units[hash32(seed, s, abs, 7) % units.length]! : st.unit;
        return { sh: SH_D, unit, start: 460 + jitter(3, 35), end: 950 + jitter(4, 70) };
      }
      case 'extra': {
        if (hunit(seed, s, abs, 1) > 0.2) return null;
        return this.shift(s, abs, [0.5, 0.3, 0.2]);
      }
      case 'rota':
      case 'rotaDE': {
        const weekendWeek = (week + st.phase) % 3 === 0;
        if (off) {
          if (!weekendWeek) return null;
          if (st.pattern === 'rotaDE' && dow === 6) return null;
          if (st.fte < 0.5 && hunit(seed, s, abs, 1) < 0.5) return null;
        } else {
          const q = Math.min(1, Math.max(0, (4.6 * st.fte - (weekendWeek ? 2 : 0)) / 5));
          if (hunit(seed, s, abs, 1) >= q) return null;
        }
        if (st.pattern === 'rotaDE') return this.shift(s, abs, [0.65, 0.35, 0]);
        const pref = st.nightPref === 1 ? [0, 0, 1] : st.nightPref === 2 ? [0.6, 0.4, 0] : [0.5, 0.33, 0.17];
        return this.shift(s, abs, pref);
      }
    }
  }

  private shift(s: number, abs: number, weights: number[]): Duty {
    const w = this.w;
    const st = w.staff[s]!;
    const seed = w.opts.seed;
    const x = hunit(seed, s, abs, 8);
    const sh = x < weights[0]! ? SH_D : x < weights[0]! + weights[1]! ? SH_E : SH_N;
    let unit = st.unit;
    const svc = w.depts[st.unit]!.service;
    if (svc === 'float') {
      const pool = this.wardsStr.length > 0 && hunit(seed, s, abs, 9) < 0.2 ? this.wardsStr : this.wards;
      unit = pool[hash32(seed, s, abs, 10) % pool.length]!;
    } else if ((svc === 'ward' || svc === 'icu') && hunit(seed, s, abs, 11) < 0.04) {
      const sib = this.siblingWards.get(st.unit) ?? [];
      if (sib.length > 0) unit = sib[hash32(seed, s, abs, 12) % sib.length]!;
    }
    const j = Math.floor(hunit(seed, s, abs, 13) * 20);
    if (sh === SH_D) return { sh, unit, start: 410 + j, end: 900 + j };
    if (sh === SH_E) return { sh, unit, start: 875 + j, end: 1350 + j };
    return { sh, unit, start: 1325 + j, end: 1440 + 460 + j };
  }
}
