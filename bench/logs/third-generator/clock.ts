// Wall-clock time in Europe/Oslo without Intl: CET (+01:00) in winter, CEST (+02:00) from 01:00 UTC on the last
// Sunday of March to 01:00 UTC on the last Sunday of October. Internally the generator counts "wall minutes" from a
// local midnight; only when an event is written is it turned into an instant and an offset.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = lastDay.getUTCDay(); // 0 = Sunday
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 1, 0, 0);
}

const TRANSITIONS: number[] = [];
for (let y = 1990; y <= 2060; y++) {
  TRANSITIONS.push(lastSundayAt1Utc(y, 2), lastSundayAt1Utc(y, 9));
}

/** Offset of Europe/Oslo from UTC at an instant, in minutes (60 or 120). */
export function osloOffsetMinutes(ms: number): number {
  let lo = 0;
  let hi = TRANSITIONS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (TRANSITIONS[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  // lo transitions have passed; an odd number means we are inside summer time
  return lo % 2 === 1 ? 120 : 60;
}

/** Instant of local midnight on a civil date. */
export function osloMidnight(y: number, m: number, d: number): number {
  const utc = Date.UTC(y, m - 1, d);
  const winter = utc - 60 * MINUTE_MS;
  if (osloOffsetMinutes(winter) === 60) return winter;
  return utc - 120 * MINUTE_MS;
}

/** Instant of a wall-clock minute counted from a local midnight (may run past 24:00 into the next day). */
export function wallToInstant(midnightMs: number, minuteOfDay: number): number {
  const t = midnightMs + minuteOfDay * MINUTE_MS;
  let r = t + (osloOffsetMinutes(midnightMs) - osloOffsetMinutes(t)) * MINUTE_MS;
  // when summer time ends, 02:00-02:59 happens twice: odd minutes go to the second (+01:00) occurrence
  if (
    osloOffsetMinutes(r) === 120 &&
    osloOffsetMinutes(r + 60 * MINUTE_MS) === 60 &&
    (Math.floor(r / MINUTE_MS) & 1) === 1
  ) {
    r += 60 * MINUTE_MS;
  }
  return r;
}

const p2 = (n: number): string => (n < 10 ? '0' + n : String(n));

let cacheDayKey = -1;
let cacheDayText = '';

/** ISO 8601 with the Oslo offset, second precision: 2025-03-04T13:22:05+01:00. */
export function formatOslo(ms: number): string {
  const off = osloOffsetMinutes(ms);
  const local = ms + off * MINUTE_MS;
  const dayKey = Math.floor(local / DAY_MS);
  if (dayKey !== cacheDayKey) {
    const dt = new Date(dayKey * DAY_MS);
    cacheDayKey = dayKey;
    cacheDayText = `${dt.getUTCFullYear()}-${p2(dt.getUTCMonth() + 1)}-${p2(dt.getUTCDate())}T`;
  }
  const sec = Math.floor((local - dayKey * DAY_MS) / 1000);
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  return `${cacheDayText}${p2(h)}:${p2(m)}:${p2(s)}${off === 120 ? '+02:00' : '+01:00'}`;
}

/** Civil date (Oslo) of an instant as YYYY-MM-DD. */
export function formatOsloDate(ms: number): string {
  return formatOslo(ms).slice(0, 10);
}

function easterSunday(y: number): [number, number] {
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
  return [month, day];
}

/** Norwegian public holidays (helligdager) of a year as "M-D" keys. */
function holidays(y: number): Set<string> {
  const set = new Set(['1-1', '5-1', '5-17', '12-25', '12-26']);
  const [em, ed] = easterSunday(y);
  const easter = Date.UTC(y, em - 1, ed);
  for (const off of [-3, -2, 0, 1, 39, 49, 50]) {
    const dt = new Date(easter + off * DAY_MS);
    set.add(`${dt.getUTCMonth() + 1}-${dt.getUTCDate()}`);
  }
  return set;
}

/** Day table from a first civil date: midnight instants, weekday, holiday flag, and a few season markers. */
export class Calendar {
  readonly midnight: Float64Array;
  readonly dow: Uint8Array; // 0 = Monday ... 6 = Sunday
  readonly holiday: Uint8Array; // 1 on public holidays and on Christmas Eve / New Year's Eve
  readonly month: Uint8Array;
  readonly mday: Uint8Array;
  readonly year: Uint16Array;
  readonly isoWeek: Uint8Array;
  /** Days since 1970-01-01 of each day, for stateless hashing independent of the table start. */
  readonly absDay: Int32Array;
  private readonly baseUtc: number;

  constructor(
    startY: number,
    startM: number,
    startD: number,
    readonly length: number,
  ) {
    this.midnight = new Float64Array(length + 1);
    this.dow = new Uint8Array(length + 1);
    this.holiday = new Uint8Array(length + 1);
    this.month = new Uint8Array(length + 1);
    this.mday = new Uint8Array(length + 1);
    this.year = new Uint16Array(length + 1);
    this.isoWeek = new Uint8Array(length + 1);
    this.absDay = new Int32Array(length + 1);
    const base = Date.UTC(startY, startM - 1, startD);
    this.baseUtc = base;
    const hol = new Map<number, Set<string>>();
    for (let i = 0; i <= length; i++) {
      const dt = new Date(base + i * DAY_MS);
      const y = dt.getUTCFullYear();
      const m = dt.getUTCMonth() + 1;
      const d = dt.getUTCDate();
      if (!hol.has(y)) hol.set(y, holidays(y));
      this.year[i] = y;
      this.month[i] = m;
      this.mday[i] = d;
      this.dow[i] = (dt.getUTCDay() + 6) % 7;
      this.absDay[i] = Math.floor((base + i * DAY_MS) / DAY_MS);
      const key = `${m}-${d}`;
      this.holiday[i] = hol.get(y)!.has(key) || key === '12-24' || key === '12-31' ? 1 : 0;
      this.midnight[i] = osloMidnight(y, m, d);
      const thursday = new Date(base + (i - this.dow[i]! + 3) * DAY_MS);
      const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
      this.isoWeek[i] = 1 + Math.floor((thursday.getTime() - jan1) / (7 * DAY_MS));
    }
  }

  /** Weekends and public holidays: outpatient clinics and offices are closed. */
  offDay(day: number): boolean {
    return this.dow[day]! >= 5 || this.holiday[day] === 1;
  }

  /** Instant of local midnight of a day, also outside the table. */
  midnightOf(day: number): number {
    if (day >= 0 && day <= this.length) return this.midnight[day]!;
    const dt = new Date(this.baseUtc + day * DAY_MS);
    return osloMidnight(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
  }

  /** Instant of a wall minute of a day (minute may exceed 1440). */
  at(day: number, minuteOfDay: number): number {
    return wallToInstant(this.midnightOf(day), minuteOfDay);
  }

  /** Instant of a wall minute counted from the table's first midnight. */
  wall(minute: number): number {
    const d = Math.floor(minute / 1440);
    return wallToInstant(this.midnightOf(d), minute - d * 1440);
  }

  /** The first working day on or after a day (or the day itself past the table's end). */
  workdayOnOrAfter(day: number): number {
    let d = day;
    while (d < this.length && this.offDay(d)) d++;
    return d;
  }

  /** Civil date of any day relative to the table start (also before it), as YYYY-MM-DD. */
  dateAny(day: number): string {
    const dt = new Date(this.baseUtc + day * DAY_MS);
    return `${dt.getUTCFullYear()}-${p2(dt.getUTCMonth() + 1)}-${p2(dt.getUTCDate())}`;
  }

  dateText(day: number): string {
    return `${this.year[day]}-${p2(this.month[day]!)}-${p2(this.mday[day]!)}`;
  }
}
