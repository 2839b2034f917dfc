/**
 * Europe/Oslo wall-clock time without a time-zone database: Norway follows the EU rule (CET, +01:00; CEST, +02:00
 * from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC). The simulation thinks in local
 * days and seconds after local midnight; this file turns those into instants and back into ISO 8601 text.
 */

const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

let windowStart = 0;
let windowEnd = -1;
let summerStart = 0;
let summerEnd = 0;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS;
}

/** Offset of Oslo local time from UTC at an instant, in minutes (60 or 120). */
export function osloOffsetMinutes(utcMs: number): 60 | 120 {
  if (utcMs < windowStart || utcMs >= windowEnd) {
    // Cache the year holding the instant: nearly every call falls in the same year.
    const year = new Date(utcMs).getUTCFullYear();
    windowStart = Date.UTC(year, 0, 1);
    windowEnd = Date.UTC(year + 1, 0, 1);
    summerStart = lastSundayUtc(year, 2) + HOUR_MS;
    summerEnd = lastSundayUtc(year, 9) + HOUR_MS;
  }
  return utcMs >= summerStart && utcMs < summerEnd ? 120 : 60;
}

/**
 * The instant of a local wall-clock time: `secondsOfDay` after local midnight of the civil date (may exceed a day,
 * for night shifts). A time inside the spring-forward gap moves forward an hour, as a clock would show it; in the
 * autumn overlap the first (summer-time) instant is used.
 */
export function wallToUtc(civilMidnightAsUtc: number, secondsOfDay: number): number {
  const naive = civilMidnightAsUtc + secondsOfDay * 1000;
  const summer = naive - 2 * HOUR_MS;
  if (osloOffsetMinutes(summer) === 120) return summer;
  return naive - HOUR_MS;
}

export interface CivilDay {
  readonly index: number;
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** 0 = Sunday ... 6 = Saturday */
  readonly weekday: number;
  readonly isWeekend: boolean;
  /** The civil date's midnight read as if it were UTC: the base for `wallToUtc`. */
  readonly civilMidnight: number;
  /** The instant of local midnight. */
  readonly startUtc: number;
}

/** Days counted from the first day of the period (index 0); negative indices are the warm-up before it. */
export class Calendar {
  private readonly baseCivil: number;
  private readonly cache = new Map<number, CivilDay>();

  constructor(startDate: string) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
    if (!match) throw new Error(`Start date must be YYYY-MM-DD, got "${startDate}"`);
    this.baseCivil = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (Number.isNaN(this.baseCivil) || new Date(this.baseCivil).toISOString().slice(0, 10) !== startDate) {
      throw new Error(`Start date is not a calendar date: "${startDate}"`);
    }
  }

  day(index: number): CivilDay {
    let day = this.cache.get(index);
    if (!day) {
      const civilMidnight = this.baseCivil + index * DAY_MS;
      const weekday = new Date(civilMidnight).getUTCDay();
      day = {
        index,
        date: new Date(civilMidnight).toISOString().slice(0, 10),
        weekday,
        isWeekend: weekday === 0 || weekday === 6,
        civilMidnight,
        startUtc: wallToUtc(civilMidnight, 0),
      };
      this.cache.set(index, day);
    }
    return day;
  }

  /** Instant of a wall-clock time on a day (seconds after local midnight; may run into the next day). */
  at(index: number, secondsOfDay: number): number {
    return wallToUtc(this.day(index).civilMidnight, secondsOfDay);
  }

  /** The day index holding an instant. */
  dayOf(utcMs: number): number {
    const local = utcMs + osloOffsetMinutes(utcMs) * 60_000;
    return Math.floor((local - this.baseCivil) / DAY_MS);
  }
}

const twoDigits: string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** Formats instants as `2026-03-04T13:22:05+01:00` in Oslo time; caches the date part per day. */
export class OsloFormatter {
  private readonly dates = new Map<number, string>();

  format(utcMs: number): string {
    const offset = osloOffsetMinutes(utcMs);
    const local = utcMs + offset * 60_000;
    const dayNumber = Math.floor(local / DAY_MS);
    let date = this.dates.get(dayNumber);
    if (date === undefined) {
      date = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      this.dates.set(dayNumber, date);
    }
    const seconds = Math.floor((local - dayNumber * DAY_MS) / 1000);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return `${date}T${twoDigits[h]}:${twoDigits[m]}:${twoDigits[s]}${offset === 60 ? '+01:00' : '+02:00'}`;
  }

  /** A date (no time) as `YYYY-MM-DD` in Oslo time. */
  formatDate(utcMs: number): string {
    return this.format(utcMs).slice(0, 10);
  }
}
