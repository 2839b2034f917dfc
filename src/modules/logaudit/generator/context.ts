/**
 * The simulation's shared state and its two basic verbs: "who is at work in this unit at this moment" and "this
 * user opens this patient's record" (a session of a few events). Everything the clinical patterns and the misuse
 * scenarios emit goes through `session`, so legitimate and illegitimate lookups are made of the same material.
 */
import type { Hospital, Role, StaffMember } from './model.js';
import type { Roster, Shift } from './roster.js';
import type { Rng } from './rng.js';
import { Action, type EventSink, Purpose } from './sink.js';
import type { Calendar } from './time.js';

export const roleBit: Readonly<Record<Role, number>> = {
  physician: 1,
  nurse: 2,
  secretary: 4,
  lab: 8,
  radiology: 16,
  pharmacist: 32,
  therapist: 64,
  admin: 128,
  it: 256,
  other: 512,
};
export const ANY_ROLE = 1023;

/** How a record is used in one sitting: decides the number of events and the mix of actions. */
export type SessionStyle =
  'review' | 'document' | 'admin' | 'booking' | 'glance' | 'diagnostic' | 'coding' | 'archive' | 'browse';

interface ShiftEntry {
  readonly staff: number;
  readonly start: number;
  readonly end: number;
  readonly bit: number;
}

export interface DayStaffing {
  readonly day: number;
  readonly weekend: boolean;
  readonly shifts: (Shift | null)[];
  /** Unit → shifts touching this day (yesterday's night shifts shifted to negative start). */
  readonly byUnit: Map<number, ShiftEntry[]>;
}

export interface SessionOptions {
  readonly user: number;
  readonly patient: number;
  readonly day: number;
  /** Seconds after local midnight of `day` (may exceed a day). */
  readonly at: number;
  readonly unit: number;
  readonly purpose: Purpose;
  readonly style: SessionStyle;
  readonly incident?: number;
  readonly workstation?: number;
  readonly searchFirst?: boolean;
}

export class SimContext {
  private readonly staffingCache = new Map<number, DayStaffing>();
  /** (user, patient) pairs reserved for misuse: legitimate patterns never touch them. */
  readonly blockedPairs = new Set<number>();
  /** Patients legitimately touched by users under watch (misuse actors), to keep misuse pairs clean. */
  readonly touched = new Map<number, Set<number>>();

  constructor(
    readonly seed: number,
    readonly hospital: Hospital,
    readonly roster: Roster,
    readonly calendar: Calendar,
    readonly sink: EventSink,
    readonly days: number,
  ) {}

  staffing(day: number): DayStaffing {
    let cached = this.staffingCache.get(day);
    if (cached) return cached;
    const weekend = this.calendar.day(day).isWeekend;
    const shifts = this.hospital.staff.map((member) => this.roster.shiftOf(member, day, weekend));
    const byUnit = new Map<number, ShiftEntry[]>();
    const add = (unit: number, entry: ShiftEntry): void => {
      const list = byUnit.get(unit);
      if (list) list.push(entry);
      else byUnit.set(unit, [entry]);
    };
    shifts.forEach((shift, staff) => {
      if (shift) add(shift.unit, { staff, start: shift.start, end: shift.end, bit: this.bitOf(staff) });
    });
    const previous = day > -60 ? (this.staffingCache.get(day - 1) ?? null) : null;
    const yesterday =
      previous?.shifts ??
      this.hospital.staff.map((m) => this.roster.shiftOf(m, day - 1, this.calendar.day(day - 1).isWeekend));
    yesterday.forEach((shift, staff) => {
      if (shift && shift.end > 86_400)
        add(shift.unit, { staff, start: shift.start - 86_400, end: shift.end - 86_400, bit: this.bitOf(staff) });
    });
    cached = { day, weekend, shifts, byUnit };
    this.staffingCache.set(day, cached);
    // Only the days around the simulated day are asked for; later days use the roster directly (pickFromRoster).
    while (this.staffingCache.size > 8) {
      const oldest = this.staffingCache.keys().next().value as number;
      this.staffingCache.delete(oldest);
    }
    return cached;
  }

  private bitOf(staff: number): number {
    const member = this.hospital.staff[staff];
    return member ? roleBit[member.role] : 0;
  }

  /** A random person of the given roles at work in `unit` at `at` seconds into `day`, or −1. */
  pickWorking(rng: Rng, unit: number, day: number, at: number, roles: number): number {
    const entries = this.staffing(day).byUnit.get(unit);
    if (!entries) return -1;
    let chosen = -1;
    let seen = 0;
    for (const entry of entries) {
      if ((entry.bit & roles) === 0 || at < entry.start || at >= entry.end) continue;
      seen += 1;
      if (rng.int(seen) === 0) chosen = entry.staff;
    }
    return chosen;
  }

  /** Everyone of the given roles at work in `unit` during part of [from, to) on `day`. */
  workingDuring(unit: number, day: number, from: number, to: number, roles: number): number[] {
    const entries = this.staffing(day).byUnit.get(unit) ?? [];
    const out: number[] = [];
    for (const entry of entries) {
      if ((entry.bit & roles) !== 0 && entry.start < to && entry.end > from) out.push(entry.staff);
    }
    return out;
  }

  /**
   * Like pickWorking, for any day: one of the candidates whose rostered shift on `day` covers `at` (any unit), or
   * −1. Long lists are probed at random rather than scanned: a clinic may have a hundred physicians.
   */
  pickFromRoster(rng: Rng, candidates: readonly number[], day: number, at: number): number {
    const weekend = this.calendar.day(day).isWeekend;
    const covers = (staff: number): boolean => {
      const shift = this.roster.shiftOf(this.member(staff), day, weekend);
      return shift !== null && at >= shift.start && at < shift.end;
    };
    if (candidates.length > 12) {
      for (let probe = 0; probe < 16; probe += 1) {
        const staff = candidates[rng.int(candidates.length)] as number;
        if (covers(staff)) return staff;
      }
      return -1;
    }
    let chosen = -1;
    let seen = 0;
    for (const staff of candidates) {
      if (!covers(staff)) continue;
      seen += 1;
      if (rng.int(seen) === 0) chosen = staff;
    }
    return chosen;
  }

  shiftToday(staff: number, day: number): Shift | null {
    return this.staffing(day).shifts[staff] ?? null;
  }

  member(staff: number): StaffMember {
    const member = this.hospital.staff[staff];
    if (!member) throw new Error(`No staff member ${staff}`);
    return member;
  }

  pairKey(user: number, patient: number): number {
    return user * 16_777_216 + patient;
  }

  /** The workstation a user would use in a unit at a given time. */
  workstationFor(rng: Rng, user: number, unit: number, at: number): number {
    const member = this.member(user);
    const local = ((at % 86_400) + 86_400) % 86_400;
    const night = local < 7 * 3600 || local >= 17 * 3600;
    const remote = this.hospital.remoteHosts[member.site] ?? [];
    if (remote.length > 0) {
      const remoteChance =
        member.role === 'physician' ? (night ? 0.45 : 0.02) : member.pattern === 'office' ? 0.03 : 0.005;
      if (rng.chance(remoteChance)) return rng.pick(remote);
    }
    if (unit === member.home && member.workstations.length > 0 && rng.chance(0.85))
      return rng.pick(member.workstations);
    const pool = this.hospital.departments[unit]?.workstations ?? [];
    if (pool.length > 0) return rng.pick(pool);
    return member.workstations.length > 0 ? rng.pick(member.workstations) : rng.pick(remote);
  }

  /**
   * One sitting with a patient's record: a few events a few seconds to minutes apart. Returns the second at which
   * the sitting ended. Legitimate sessions on a pair reserved for misuse are silently left out.
   */
  session(rng: Rng, o: SessionOptions): number {
    const incident = o.incident ?? 0;
    if (incident === 0) {
      if (this.blockedPairs.has(this.pairKey(o.user, o.patient))) return o.at;
      const watch = this.touched.get(o.user);
      if (watch) watch.add(o.patient);
    }
    const workstation = o.workstation ?? this.workstationFor(rng, o.user, o.unit, o.at);
    // Some client modules do not record a purpose: the same for every kind of lookup.
    const purpose = rng.chance(0.03) ? Purpose.None : o.purpose;
    let t = o.at;
    const emit = (action: Action): void => {
      const ms = this.calendar.at(o.day, Math.floor(t)) + rng.int(1000);
      this.sink.emit(ms, o.user, o.patient, action, purpose, o.unit, workstation, incident);
    };
    if (o.searchFirst) {
      emit(Action.Search);
      t += 4 + rng.exponential(15);
    }
    const count = eventCount(rng, o.style);
    for (let i = 0; i < count; i += 1) {
      emit(i === 0 ? firstAction(rng, o.style) : nextAction(rng, o.style));
      t += 3 + rng.exponential(o.style === 'browse' ? 20 : 45);
    }
    return t;
  }
}

/** Mean extra events after the first one, per style: a sitting opens several documents of the record. */
const extraEvents: Readonly<Record<SessionStyle, number>> = {
  review: 4.5,
  document: 5.5,
  admin: 3,
  booking: 2,
  glance: 0.5,
  diagnostic: 1.8,
  coding: 4,
  archive: 3,
  browse: 1.6,
};

function eventCount(rng: Rng, style: SessionStyle): number {
  return rng.oneOrMore(extraEvents[style]);
}

function firstAction(rng: Rng, style: SessionStyle): Action {
  if (style === 'booking') return rng.chance(0.5) ? Action.Create : Action.Read;
  return Action.Read;
}

function nextAction(rng: Rng, style: SessionStyle): Action {
  const r = rng.float();
  switch (style) {
    case 'review':
      return r < 0.78 ? Action.Read : r < 0.95 ? Action.Update : r < 0.98 ? Action.Create : Action.Print;
    case 'document':
      return r < 0.55 ? Action.Read : r < 0.88 ? Action.Update : r < 0.96 ? Action.Create : Action.Print;
    case 'admin':
      return r < 0.55 ? Action.Read : r < 0.8 ? Action.Update : r < 0.95 ? Action.Print : Action.Create;
    case 'booking':
      return r < 0.45 ? Action.Read : r < 0.85 ? Action.Update : Action.Create;
    case 'diagnostic':
      return r < 0.5 ? Action.Read : r < 0.95 ? Action.Update : Action.Print;
    case 'coding':
      return r < 0.85 ? Action.Read : Action.Update;
    case 'archive':
      return r < 0.5 ? Action.Read : r < 0.8 ? Action.Print : Action.Export;
    case 'glance':
    case 'browse':
      return r < 0.96 ? Action.Read : Action.Print;
  }
}
