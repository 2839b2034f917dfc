/**
 * The state the clinical patterns share while the days are simulated: active inpatients per ward, booked visits and
 * referrals waiting for their day, and small rings of recently seen patients for the background work (archive,
 * quality registries, telephone calls).
 */
import type { SimContext } from './context.js';
import type { Encounter, EncounterBook, PatientPicker } from './encounters.js';
import type { Population } from './model.js';
import type { Rng } from './rng.js';
import type { HospitalIndex, SpecialtyAtSite } from './site-index.js';

export interface Visit {
  readonly encounter: Encounter;
  readonly physician: number;
  readonly specialty: SpecialtyAtSite;
  readonly phone: boolean;
  readonly noShow: boolean;
}

export interface PendingReferral {
  readonly encounter: Encounter;
  readonly specialty: SpecialtyAtSite;
}

/** An encounter the misuse plan needs to exist (a VIP's admission, a relative admitted elsewhere). */
export interface ForcedAdmission {
  readonly day: number;
  readonly sec: number;
  readonly site: number;
  readonly patient: number;
  /** Units the patient must not be admitted to (the snooper's own). */
  readonly avoid: readonly number[];
}

export class Ring {
  private readonly items: Int32Array;
  private count = 0;

  constructor(size: number) {
    this.items = new Int32Array(size);
  }

  push(value: number): void {
    this.items[this.count % this.items.length] = value;
    this.count += 1;
  }

  get size(): number {
    return Math.min(this.count, this.items.length);
  }

  pick(rng: Rng): number {
    return this.size === 0 ? -1 : (this.items[rng.int(this.size)] as number);
  }
}

export interface Sim {
  readonly ctx: SimContext;
  readonly book: EncounterBook;
  readonly index: HospitalIndex;
  readonly patients: PatientPicker;
  readonly population: Population;
  readonly seed: number;
  readonly days: number;
  readonly inpatients: Map<number, Encounter[]>;
  readonly visits: Map<number, Visit[]>;
  readonly referrals: Map<number, PendingReferral[]>;
  readonly forced: Map<number, ForcedAdmission[]>;
  /** Recently seen patients per site. */
  readonly recent: Ring[];
  /** Recently discharged patients per specialty unit (clinic index). */
  readonly discharged: Map<number, Ring>;
}

export function inPeriod(sim: Sim, day: number): boolean {
  return day >= 0 && day < sim.days;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The next weekday on or after `day`. */
export function weekdayOnOrAfter(sim: Sim, day: number): number {
  let d = day;
  while (sim.ctx.calendar.day(d).isWeekend) d += 1;
  return d;
}

/** The day `count` weekdays after `day` (0: `day` itself when a weekday, else the next weekday). */
export function addWeekdays(sim: Sim, day: number, count: number): number {
  let d = weekdayOnOrAfter(sim, day);
  for (let i = 0; i < count; i += 1) d = weekdayOnOrAfter(sim, d + 1);
  return d;
}

/** A time in [from, to) seconds. */
export function between(rng: Rng, from: number, to: number): number {
  return from + rng.float() * Math.max(1, to - from);
}

export const H = 3600;
