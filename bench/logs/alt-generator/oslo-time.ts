// Europe/Oslo wall-clock <-> UTC, written out from the EU rule (summer time from the last Sunday of March 01:00 UTC
// to the last Sunday of October 01:00 UTC) so that the generator does not depend on the host's time-zone database.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

interface YearRule {
  yearStart: number;
  yearEnd: number;
  summerStart: number;
  summerEnd: number;
}

const rules = new Map<number, YearRule>();
let lastRule: YearRule | undefined;

function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, day, 1, 0, 0);
}

function ruleFor(utcMs: number): YearRule {
  if (lastRule && utcMs >= lastRule.yearStart && utcMs < lastRule.yearEnd) return lastRule;
  const year = new Date(utcMs).getUTCFullYear();
  let r = rules.get(year);
  if (!r) {
    r = {
      yearStart: Date.UTC(year, 0, 1),
      yearEnd: Date.UTC(year + 1, 0, 1),
      summerStart: lastSundayAt0100Utc(year, 2),
      summerEnd: lastSundayAt0100Utc(year, 9),
    };
    rules.set(year, r);
  }
  lastRule = r;
  return r;
}

/** The offset from UTC (in ms) that Oslo observes at this instant. */
export function osloOffsetMs(utcMs: number): number {
  const r = ruleFor(utcMs);
  return utcMs >= r.summerStart && utcMs < r.summerEnd ? 2 * HOUR : HOUR;
}

/**
 * Convert an Oslo wall-clock time (expressed as ms since epoch as if it were UTC) to the real instant.
 * In the autumn hour that occurs twice, the first (summer-time) occurrence is taken; a wall time inside the spring gap
 * does not exist and is moved one hour forward, as a clock would be.
 */
export function osloLocalToUtc(localMs: number): number {
  if (osloOffsetMs(localMs - 2 * HOUR) === 2 * HOUR) return localMs - 2 * HOUR;
  if (osloOffsetMs(localMs - HOUR) === HOUR) return localMs - HOUR;
  return localMs - HOUR;
}

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const p3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** ISO 8601 with the Oslo offset of the instant, e.g. 2026-03-04T13:22:05+01:00. */
export function formatOslo(utcMs: number, millis = false): string {
  const off = osloOffsetMs(utcMs);
  const d = new Date(utcMs + off);
  const base =
    `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}` +
    `T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return `${base}${millis ? `.${p3(d.getUTCMilliseconds())}` : ''}${off === 2 * HOUR ? '+02:00' : '+01:00'}`;
}

/** Oslo calendar date (YYYY-MM-DD) of an instant. */
export function osloDate(utcMs: number): string {
  const d = new Date(utcMs + osloOffsetMs(utcMs));
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

/** A date given as a day number (days since 1970-01-01) as YYYY-MM-DD. */
export function dayNumberToDate(dayNumber: number): string {
  const d = new Date(dayNumber * DAY);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}
