/**
 * Who is at work when, and where. Answers are stateless (hashes of seed, employee and day), so encounter planning,
 * legitimate activity and misuse planting all see the same rota.
 *
 * Models: office hours; day work; three- and two-shift rotas with every third weekend; fixed nights; physicians with
 * day work plus an on-call rota (evening and night, 24 h at weekends); emergency department rotas; lab and radiology
 * with a few evening/night shifts; on-call temps ("tilkallingsvikar") who take random shifts anywhere.
 */
import { hash32, hfloat } from './rng.js';
import type { DayInfo } from './time.js';
import { DAY, HOUR, MIN, dayInfo, wallToUtc } from './time.js';
import type { Dept, Staff } from './types.js';

export type ShiftKind = 'D' | 'E' | 'N' | 'oncall' | 'remote' | 'sys';

export interface Shift {
  staff: number;
  kind: ShiftKind;
  start: number;
  end: number;
  /** Where the person physically works (decides which patients are around). */
  workDept: number;
  /** The unit the person is logged in to (what the log shows). */
  logDept: number;
  /** Main terminal for this shift. */
  ws: string;
  day: number;
}

const SHIFT_WALL: Record<'D' | 'E' | 'N', [number, number]> = {
  D: [7 * 60, 15 * 60 + 15],
  E: [14 * 60 + 30, 22 * 60 + 30],
  N: [22 * 60 + 15, 31 * 60 + 30],
};

export class Scheduler {
  private readonly infoCache = new Map<number, DayInfo>();
  /** Wards per site, for float and borrowed nurses. */
  private readonly wardsBySite: number[][] = [[], [], [], []];
  private readonly wardsByParent = new Map<number, number[]>();
  private readonly nightLab = new Set<number>();

  constructor(
    private readonly seed: number,
    private readonly startWall: number,
    private readonly depts: Dept[],
  ) {
    for (const d of depts) {
      if (d.kind === 'ward' && d.tag !== 'neo' && d.tag !== 'psych' && d.tag !== 'tsb') {
        this.wardsBySite[d.site]!.push(d.idx);
        const list = this.wardsByParent.get(d.parent) ?? [];
        list.push(d.idx);
        this.wardsByParent.set(d.parent, list);
      }
      if (d.id === 'BRK-BIOK' || d.id === 'BRK-RTG' || d.id === 'BRK-BLOD' || d.id === 'LVK-LAB' || d.id === 'LVK-RTG')
        this.nightLab.add(d.idx);
    }
  }

  day(d: number): DayInfo {
    let info = this.infoCache.get(d);
    if (!info) {
      info = dayInfo(this.startWall + d * DAY);
      this.infoCache.set(d, info);
    }
    return info;
  }

  private at(d: number, minutes: number): number {
    return wallToUtc(this.startWall + d * DAY + minutes * MIN);
  }

  employed(s: Staff, d: number): boolean {
    return d >= s.from && (s.worksUntil === null || d <= s.worksUntil);
  }

  /** Shifts of one employee starting on day d (a night shift belongs to the evening it starts). */
  duty(s: Staff, d: number): Shift[] {
    if (s.service) return [this.make(s, d, 'sys', this.day(d).start, this.day(d).end, s.dept, s.dept, 'INT-ENGINE-01')];
    if (!this.employed(s, d) || s.off.has(d)) return [];
    const info = this.day(d);
    const h = (salt: number): number => hfloat(this.seed, s.idx, d, salt);
    const absWeek = Math.floor((this.startWall / DAY + d + 3) / 7);
    const workingWeekend = (absWeek + s.phase) % 3 === 0;
    const out: Shift[] = [];
    const dept = this.depts[s.dept]!;

    const office = (remoteShare: number): void => {
      if (info.closed || h(1) > s.fte * 0.96) return;
      const startMin = 7 * 60 + 30 + Math.floor(h(2) * 90);
      const len = 7 * 60 + 30 + Math.floor(h(3) * 60) - 30;
      const remote = s.homeClient !== null && h(4) < remoteShare;
      out.push(this.shift(s, d, remote ? 'remote' : 'D', startMin, startMin + len));
    };
    const rota = (kinds: readonly (readonly ['D' | 'E' | 'N', number])[]): void => {
      const p = info.weekend || info.holiday ? (workingWeekend ? Math.min(1, s.fte + 0.15) : 0.04) : s.fte * 0.8;
      if (h(1) >= p) return;
      let x = h(2) * kinds.reduce((a, k) => a + k[1], 0);
      let kind: 'D' | 'E' | 'N' = 'D';
      for (const [k, w] of kinds) {
        x -= w;
        if (x < 0) {
          kind = k;
          break;
        }
      }
      const [a, b] = SHIFT_WALL[kind];
      out.push(this.shift(s, d, kind, a, b));
    };

    switch (s.model) {
      case 'office':
        office(dept.tag === 'coding' || dept.tag === 'typing' ? 0.35 : 0.15);
        break;
      case 'day':
        office(0);
        break;
      case 'rot3':
        rota([
          ['D', 50],
          ['E', 35],
          ['N', 15],
        ]);
        break;
      case 'rot2':
        rota([
          ['D', 60],
          ['E', 40],
        ]);
        break;
      case 'night':
        rota([['N', 1]]);
        break;
      case 'ed':
        rota([
          ['D', 42],
          ['E', 38],
          ['N', 20],
        ]);
        break;
      case 'lab':
        if (this.nightLab.has(s.dept))
          rota([
            ['D', 78],
            ['E', 14],
            ['N', 8],
          ]);
        else office(0);
        break;
      case 'phys': {
        const oncall = s.oncallEvery > 0 && (Math.floor(this.startWall / DAY) + d + s.phase) % s.oncallEvery === 0;
        if (!info.closed && h(1) < s.fte * 0.93) out.push(this.shift(s, d, 'D', 8 * 60, 16 * 60));
        if (oncall) {
          if (info.closed) out.push(this.shift(s, d, 'oncall', 9 * 60, 33 * 60));
          else out.push(this.shift(s, d, 'oncall', 16 * 60, 32 * 60));
        }
        break;
      }
      case 'extra': {
        if (h(1) < 0.2) {
          const kinds = ['D', 'E', 'N'] as const;
          const kind = kinds[Math.floor(h(2) * 3)]!;
          const [a, b] = SHIFT_WALL[kind];
          out.push(this.shift(s, d, kind, a, b));
        }
        break;
      }
      case 'system':
        break;
    }
    return out;
  }

  /** Shifts at work on day d; on the first day also the night shift that began the evening before (from midnight). */
  shiftsOn(s: Staff, d: number): Shift[] {
    const out = this.duty(s, d);
    if (d === 0)
      for (const sh of this.duty(s, -1))
        if (sh.kind !== 'sys' && sh.end > this.day(0).start + HOUR) out.push({ ...sh, start: this.day(0).start });
    return out;
  }

  private shift(s: Staff, d: number, kind: ShiftKind, fromMin: number, toMin: number): Shift {
    let workDept = s.dept;
    let logDept = s.dept;
    const dept = this.depts[s.dept]!;
    const h = hfloat(this.seed, s.idx, d, 77);
    if (dept.tag === 'pool' || (s.model === 'extra' && h < 0.5)) {
      const wards = this.wardsBySite[dept.site]!;
      if (wards.length > 0) {
        workDept = wards[hash32(this.seed, s.idx, d, 78) % wards.length]!;
        logDept = hfloat(this.seed, s.idx, d, 79) < 0.6 ? workDept : s.dept;
      }
    } else if (dept.kind === 'ward' && (s.role === 'nurse' || s.role === 'other') && h < 0.04 && kind !== 'N') {
      // Lent to a neighbouring ward for one shift; half of them forget to switch unit in the record system.
      const wards = (this.wardsByParent.get(dept.parent) ?? []).filter((w) => w !== s.dept);
      if (wards.length > 0) {
        workDept = wards[hash32(this.seed, s.idx, d, 80) % wards.length]!;
        logDept = hfloat(this.seed, s.idx, d, 81) < 0.5 ? workDept : s.dept;
      }
    }
    const terminals = this.depts[workDept]!.terminals;
    let ws = terminals[hash32(this.seed, s.idx, d, 82) % terminals.length]!;
    if (kind === 'remote') ws = s.homeClient!;
    else if (s.laptop && hfloat(this.seed, s.idx, d, 83) < 0.6) ws = s.laptop;
    return this.make(s, d, kind, this.at(d, fromMin), this.at(d, toMin), workDept, logDept, ws);
  }

  private make(
    s: Staff,
    d: number,
    kind: ShiftKind,
    start: number,
    end: number,
    workDept: number,
    logDept: number,
    ws: string,
  ): Shift {
    return { staff: s.idx, kind, start, end, workDept, logDept, ws, day: d };
  }

  /** Relative activity of a shift (lookups per shift), by role and time of day. */
  static weight(s: Staff, sh: Shift): number {
    const hours = (sh.end - sh.start) / HOUR;
    const roleRate: Record<string, number> = {
      physician: 1.15,
      nurse: 1.15,
      secretary: 1.25,
      lab: 0.55,
      radiology: 0.65,
      pharmacist: 0.9,
      therapist: 0.7,
      admin: 0.75,
      it: 0.25,
      other: 0.55,
    };
    let rate = roleRate[s.role] ?? 0.5;
    if (sh.kind === 'N') rate *= 0.35;
    if (sh.kind === 'E') rate *= 0.8;
    if (sh.kind === 'oncall') rate *= 0.45;
    if (sh.kind === 'sys') rate = 0.35;
    if (s.manager) rate *= 0.5;
    return rate * hours;
  }
}
