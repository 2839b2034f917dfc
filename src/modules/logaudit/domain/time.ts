/**
 * Timestamps in findings are written as ISO 8601 with the offset that applied in the workspace's time zone at that
 * instant (e.g. +01:00 in winter and +02:00 in summer for Europe/Oslo), as the data contract shows.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function formatInZone(epochMs: number, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((local - Math.floor(epochMs / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Offset from UTC in minutes that applies in `timeZone` at an instant. */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const text = formatInZone(epochMs, timeZone);
  const m = /([+-])(\d\d):(\d\d)$/.exec(text) as RegExpExecArray;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

export interface OffsetSegment {
  /** First instant (epoch ms) of the segment; the first segment starts at −∞. */
  readonly fromMs: number;
  readonly offsetMinutes: number;
}

/**
 * The UTC offsets in force between two instants (plus a day either side), as segments. Lets SQL turn instants
 * into local days and hours with integer arithmetic instead of a calendar call per row.
 */
export function offsetSegments(fromMs: number, toMs: number, timeZone: string): OffsetSegment[] {
  const step = 6 * 3600_000;
  const start = fromMs - 86_400_000;
  const end = toMs + 86_400_000;
  const segments: OffsetSegment[] = [
    { fromMs: Number.NEGATIVE_INFINITY, offsetMinutes: offsetMinutes(start, timeZone) },
  ];
  let previous = segments[0]?.offsetMinutes as number;
  for (let t = start; t < end; t += step) {
    const next = offsetMinutes(Math.min(t + step, end), timeZone);
    if (next === previous) continue;
    let lo = t;
    let hi = Math.min(t + step, end);
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetMinutes(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    segments.push({ fromMs: hi, offsetMinutes: next });
    previous = next;
  }
  return segments;
}

/** SQL: local wall-clock time of a TIMESTAMPTZ expression, as epoch milliseconds, for the given segments. */
export function localMsSql(ts: string, segments: readonly OffsetSegment[]): string {
  const ms = `epoch_ms(${ts})`;
  if (segments.length === 1) return `(${ms} + ${(segments[0]?.offsetMinutes ?? 0) * 60_000})`;
  const whens = segments
    .slice(1)
    .map((s, i) => `WHEN ${ms} < ${s.fromMs} THEN ${(segments[i]?.offsetMinutes ?? 0) * 60_000}`)
    .join(' ');
  return `(${ms} + CASE ${whens} ELSE ${(segments[segments.length - 1]?.offsetMinutes ?? 0) * 60_000} END)`;
}

export const localDateSql = (localMs: string): string =>
  `(DATE '1970-01-01' + CAST(${localMs} // 86400000 AS INTEGER))`;
export const localHourSql = (localMs: string): string => `CAST((${localMs} // 3600000) % 24 AS INTEGER)`;
