/**
 * Where simulated events go: one compact bucket per local day. The simulation may emit into the current day or
 * any later day (a discharge letter written next week), never into a day already flushed; each day is sorted by
 * time (with a hidden millisecond tie-breaker drawn at random, so that generation order leaves no trace) and then
 * handed to the writers, so no more than a few days of events are ever held in memory.
 */
import type { Calendar } from './time.js';

export const ACTIONS = ['read', 'search', 'print', 'export', 'update', 'create'] as const;
export type ActionName = (typeof ACTIONS)[number];
export const Action = { Read: 0, Search: 1, Print: 2, Export: 3, Update: 4, Create: 5 } as const;
export type Action = (typeof Action)[keyof typeof Action];

export const PURPOSES = ['', 'TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT'] as const;
export const Purpose = {
  None: 0,
  Treat: 1,
  Emergency: 2,
  Operations: 3,
  Payment: 4,
  Research: 5,
  PatientRequest: 6,
} as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];

/** Events that are not about one patient (FHIR output only): login, multi-patient report. */
export const NO_PATIENT = -1;
export const MULTI_PATIENT = -2;

export class DayBucket {
  time = new Float64Array(4096);
  user = new Int32Array(4096);
  patient = new Int32Array(4096);
  action = new Uint8Array(4096);
  purpose = new Uint8Array(4096);
  unit = new Int32Array(4096);
  workstation = new Int32Array(4096);
  /** 0 for legitimate events, otherwise the incident number. */
  incident = new Int32Array(4096);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(
    time: number,
    user: number,
    patient: number,
    action: number,
    purpose: number,
    unit: number,
    workstation: number,
    incident: number,
  ): void {
    const i = this.length;
    if (i === this.time.length) this.grow();
    this.time[i] = time;
    this.user[i] = user;
    this.patient[i] = patient;
    this.action[i] = action;
    this.purpose[i] = purpose;
    this.unit[i] = unit;
    this.workstation[i] = workstation;
    this.incident[i] = incident;
    this.length = i + 1;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(old: T, next: T): T => {
      next.set(old as never);
      return next;
    };
    this.time = grow(this.time, new Float64Array(size));
    this.user = grow(this.user, new Int32Array(size));
    this.patient = grow(this.patient, new Int32Array(size));
    this.action = grow(this.action, new Uint8Array(size));
    this.purpose = grow(this.purpose, new Uint8Array(size));
    this.unit = grow(this.unit, new Int32Array(size));
    this.workstation = grow(this.workstation, new Int32Array(size));
    this.incident = grow(this.incident, new Int32Array(size));
  }

  /** Indices in time order; ties (same millisecond) by insertion order. */
  sortedOrder(dayStartUtc: number): Int32Array {
    const n = this.length;
    if (n >= 2 ** 24) throw new Error('More than 16.7 million events in one day: use more days');
    const keys = new Float64Array(n);
    const times = this.time;
    for (let i = 0; i < n; i += 1) keys[i] = ((times[i] as number) - dayStartUtc + 3_600_000) * 16_777_216 + i;
    keys.sort();
    const order = new Int32Array(n);
    for (let i = 0; i < n; i += 1) order[i] = (keys[i] as number) % 16_777_216;
    return order;
  }
}

export interface EventFields {
  readonly time: number;
  readonly user: number;
  readonly patient: number;
  readonly action: Action;
  readonly purpose: Purpose;
  readonly unit: number;
  readonly workstation: number;
  readonly incident: number;
}

export class EventSink {
  private readonly buckets = new Map<number, DayBucket>();
  private readonly spare: DayBucket[] = [];
  private flushedThrough: number;
  private readonly periodStart: number;
  private readonly periodEnd: number;
  dropped = 0;

  constructor(
    private readonly calendar: Calendar,
    private readonly days: number,
    private readonly onDay: (day: number, bucket: DayBucket) => void | Promise<void>,
  ) {
    this.flushedThrough = -1;
    this.periodStart = calendar.day(0).startUtc;
    this.periodEnd = calendar.day(days).startUtc;
  }

  /** Adds one event; events outside the period are ignored (warm-up, or past the end). */
  emit(
    time: number,
    user: number,
    patient: number,
    action: Action,
    purpose: Purpose,
    unit: number,
    workstation: number,
    incident = 0,
  ): void {
    if (time < this.periodStart || time >= this.periodEnd) {
      this.dropped += 1;
      return;
    }
    const day = this.calendar.dayOf(time);
    if (day <= this.flushedThrough) throw new Error(`Event on day ${day} after that day was written`);
    let bucket = this.buckets.get(day);
    if (!bucket) {
      bucket = this.spare.pop() ?? new DayBucket();
      this.buckets.set(day, bucket);
    }
    bucket.push(time, user, patient, action, purpose, unit, workstation, incident);
  }

  /** Writes out every day up to and including `day`. */
  async flushThrough(day: number): Promise<void> {
    for (let d = Math.max(0, this.flushedThrough + 1); d <= Math.min(day, this.days - 1); d += 1) {
      const bucket = this.buckets.get(d) ?? new DayBucket();
      this.buckets.delete(d);
      this.flushedThrough = d;
      await this.onDay(d, bucket);
      bucket.clear();
      if (this.spare.length < 2) this.spare.push(bucket);
    }
    if (day > this.flushedThrough) this.flushedThrough = Math.min(day, this.days - 1);
  }
}
