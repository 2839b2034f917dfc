// Europe/Oslo wall-clock handling without Intl: EU rule, summer time from the last Sunday of March 01:00 UTC
// to the last Sunday of October 01:00 UTC (+02:00), otherwise +01:00.

const H = 3_600_000;
export const DAY_MS = 86_400_000;

function lastSunday(year: number, month: number): number {
  // day-of-month of the last Sunday of month (0-based month)
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

const dstCache = new Map<number, [number, number]>();
function dstBounds(year: number): [number, number] {
  let b = dstCache.get(year);
  if (!b) {
    b = [Date.UTC(year, 2, lastSunday(year, 2), 1), Date.UTC(year, 9, lastSunday(year, 9), 1)];
    dstCache.set(year, b);
  }
  return b;
}

/** Offset of Europe/Oslo (ms) at an instant. */
export function osloOffsetAt(instant: number): number {
  const y = new Date(instant).getUTCFullYear();
  const [a, b] = dstBounds(y);
  return instant >= a && instant < b ? 2 * H : H;
}

/** Instant of a local wall-clock time given as "wall ms" (local fields encoded as if UTC). */
export function wallToInstant(wall: number): number {
  const summer = wall - 2 * H;
  return osloOffsetAt(summer) === 2 * H ? summer : wall - H;
}

/** ISO 8601 with the correct Oslo offset, second resolution. */
export function fmtTs(instant: number): string {
  const off = osloOffsetAt(instant);
  const s = new Date(instant + off).toISOString();
  return s.slice(0, 19) + (off === 2 * H ? '+02:00' : '+01:00');
}

/** YYYY-MM-DD of a wall-day number (days since 1970-01-01). */
export function fmtDate(wallDay: number): string {
  return new Date(wallDay * DAY_MS).toISOString().slice(0, 10);
}

export function parseDate(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`bad date ${s}`);
  return Math.floor(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY_MS);
}

/** Calendar of the simulated window. Day index 0 .. days-1, minutes of the local day. */
export class Calendar {
  readonly startDay: number; // wall-day number of day 0
  readonly days: number;
  readonly dayStart: number[]; // instants of local midnight, length days+1
  readonly year: number;
  private holidays: Set<number>;
  constructor(startDay: number, days: number) {
    this.startDay = startDay;
    this.days = days;
    this.dayStart = [];
    for (let d = 0; d <= days; d++) this.dayStart.push(wallToInstant((startDay + d) * DAY_MS));
    this.year = new Date(startDay * DAY_MS).getUTCFullYear();
    this.holidays = new Set();
    for (let y = this.year - 1; y <= this.year + 1; y++) {
      for (const h of norwegianHolidays(y)) this.holidays.add(h);
    }
  }
  /** instant of local time (day index, minute of day, seconds) */
  at(d: number, minute: number, sec = 0): number {
    return wallToInstant((this.startDay + d) * DAY_MS + minute * 60_000 + sec * 1000);
  }
  dayOf(instant: number): number {
    let d = Math.floor((instant - this.dayStart[0]!) / DAY_MS);
    if (d < 0) return -1;
    if (d >= this.days) d = this.days - 1;
    while (d > 0 && instant < this.dayStart[d]!) d--;
    while (d < this.days && instant >= this.dayStart[d + 1]!) d++;
    return d;
  }
  weekday(d: number): number {
    return (((this.startDay + d + 4) % 7) + 7) % 7; // 0 = Sunday
  }
  isHoliday(d: number): boolean {
    return this.holidays.has(this.startDay + d);
  }
  /** workday for office staff */
  isWorkday(d: number): boolean {
    const w = this.weekday(d);
    return w !== 0 && w !== 6 && !this.isHoliday(d);
  }
  date(d: number): string {
    return fmtDate(this.startDay + d);
  }
}

function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Math.floor(Date.UTC(y, month - 1, day) / DAY_MS);
}

function norwegianHolidays(y: number): number[] {
  const e = easterSunday(y);
  const fixed = [
    [0, 1],
    [4, 1],
    [4, 17],
    [11, 25],
    [11, 26],
  ].map(([m, d]) => Math.floor(Date.UTC(y, m!, d!) / DAY_MS));
  return [...fixed, e - 3, e - 2, e, e + 1, e + 39, e + 49, e + 50];
}
