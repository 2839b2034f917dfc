/**
 * Time in Europe/Oslo without any time-zone library. All instants are UTC milliseconds; "wall" values are the local
 * clock reading expressed as if it were UTC (Date.UTC(y, m, d, h, min)), which is how shift plans are written.
 * Summer time (+02:00) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
 */

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const dstCache = new Map<number, [number, number]>();

function lastSundayUtc(year: number, month0: number): number {
  const lastDay = new Date(Date.UTC(year, month0 + 1, 0));
  return Date.UTC(year, month0, lastDay.getUTCDate() - lastDay.getUTCDay());
}

function dstBounds(year: number): [number, number] {
  let b = dstCache.get(year);
  if (!b) {
    b = [lastSundayUtc(year, 2) + HOUR, lastSundayUtc(year, 9) + HOUR];
    dstCache.set(year, b);
  }
  return b;
}

/** The Oslo offset from UTC at this instant, in ms (one or two hours). */
export function osloOffset(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  const [start, end] = dstBounds(year);
  return utc >= start && utc < end ? 2 * HOUR : HOUR;
}

/**
 * The instant when Oslo clocks show this wall time. In the repeated autumn hour the first (summer-time) instant is
 * chosen; a wall time inside the skipped spring hour lands one hour later, as a clock that was not yet moved would.
 */
export function wallToUtc(wall: number): number {
  const summer = wall - 2 * HOUR;
  if (osloOffset(summer) === 2 * HOUR) return summer;
  return wall - HOUR;
}

export function utcToWall(utc: number): number {
  return utc + osloOffset(utc);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** ISO 8601 with the Oslo offset, second precision: 2025-10-26T02:30:00+01:00. */
export function formatOslo(utc: number): string {
  const off = osloOffset(utc);
  const d = new Date(Math.floor(utc / 1000) * 1000 + off);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` +
    (off === 2 * HOUR ? '+02:00' : '+01:00')
  );
}

/** A wall-clock date as YYYY-MM-DD. */
export function formatWallDate(wall: number): string {
  const d = new Date(wall);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
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
  return Date.UTC(year, month - 1, day);
}

const holidayCache = new Map<number, Set<number>>();

/** Norwegian public holidays of a year, as wall-clock midnights. */
function holidays(year: number): Set<number> {
  let set = holidayCache.get(year);
  if (set) return set;
  const easter = easterSunday(year);
  set = new Set<number>([
    Date.UTC(year, 0, 1),
    easter - 3 * DAY,
    easter - 2 * DAY,
    easter,
    easter + DAY,
    Date.UTC(year, 4, 1),
    Date.UTC(year, 4, 17),
    easter + 39 * DAY,
    easter + 49 * DAY,
    easter + 50 * DAY,
    Date.UTC(year, 11, 25),
    Date.UTC(year, 11, 26),
  ]);
  holidayCache.set(year, set);
  return set;
}

export interface DayInfo {
  /** Wall-clock midnight. */
  wall: number;
  /** Instant of local midnight. */
  start: number;
  /** Instant of the next local midnight (23, 24 or 25 hours later). */
  end: number;
  /** 0 = Monday … 6 = Sunday. */
  dow: number;
  weekend: boolean;
  holiday: boolean;
  /** No planned (elective) activity: weekends, holidays, Christmas Eve and New Year's Eve. */
  closed: boolean;
  /** Between Christmas and New Year, in the autumn school holiday, or in July: reduced elective activity. */
  lowSeason: boolean;
}

export function dayInfo(wallMidnight: number): DayInfo {
  const d = new Date(wallMidnight);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const date = d.getUTCDate();
  const dow = (d.getUTCDay() + 6) % 7;
  const weekend = dow >= 5;
  const holiday = holidays(year).has(wallMidnight);
  const eve = month === 11 && (date === 24 || date === 31);
  const isoWeek = isoWeekNumber(wallMidnight);
  const lowSeason = (month === 11 && date >= 22) || (month === 0 && date <= 2) || month === 6 || isoWeek === 41;
  return {
    wall: wallMidnight,
    start: wallToUtc(wallMidnight),
    end: wallToUtc(wallMidnight + DAY),
    dow,
    weekend,
    holiday,
    closed: weekend || holiday || eve,
    lowSeason,
  };
}

export function isoWeekNumber(wallMidnight: number): number {
  const d = new Date(wallMidnight);
  const dow = (d.getUTCDay() + 6) % 7;
  const thursday = wallMidnight + (3 - dow) * DAY;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday - yearStart) / (7 * DAY));
}

export function parseDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${text}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}
