/**
 * Who gets which reminder, as a pure function of the cycle, its reports, the reminders already sent and the time.
 * Before the due date an actor with unsubmitted reports gets the reminder of the nearest threshold it has passed
 * (14 days, then 3 days before); after it, the reminder of the largest threshold passed (1, 7, 14 days late).
 * Each (cycle, actor, threshold) is sent once, and only the most relevant one: a server that was down for a week
 * sends one reminder, not a backlog. Dates are Norwegian calendar days: a report due on 1 March is on time all day.
 */
import type { ReminderPolicy, ReportState } from './types.js';

export const reportingTimeZone = 'Europe/Oslo';

export interface ReminderCycle {
  readonly id: string;
  readonly dueDate: string;
  readonly state: 'open' | 'closed';
  readonly reminderPolicy: ReminderPolicy;
}

export interface ReminderReport {
  readonly id: string;
  readonly reporterActorId: string;
  readonly state: ReportState;
}

export interface PlannedReminder {
  readonly cycleId: string;
  /** The actor that writes the reports (the reminder goes to the people who write for it). */
  readonly actorId: string;
  /** `before-14`, `after-7` …: the threshold, kept so it is sent once. */
  readonly kind: string;
  readonly timing: 'before' | 'after';
  /** Days left until the due date (before) or days late (after). */
  readonly days: number;
  readonly reportIds: string[];
}

/** The calendar date (YYYY-MM-DD) of an instant in the given time zone. */
export function calendarDate(at: Date, timeZone = reportingTimeZone): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const outstandingStates: readonly ReportState[] = ['draft', 'returned'];

/** The threshold that applies today, or null. */
export function applicableThreshold(
  policy: ReminderPolicy,
  daysLeft: number,
): { timing: 'before' | 'after'; days: number } | null {
  if (daysLeft >= 0) {
    const candidates = policy.beforeDays.filter((d) => d >= daysLeft);
    return candidates.length > 0 ? { timing: 'before', days: Math.min(...candidates) } : null;
  }
  const late = -daysLeft;
  const candidates = policy.afterDays.filter((d) => d <= late);
  return candidates.length > 0 ? { timing: 'after', days: Math.max(...candidates) } : null;
}

export function selectReminders(input: {
  readonly cycle: ReminderCycle;
  readonly reports: readonly ReminderReport[];
  /** Reminders already sent in this cycle, as `${actorId}|${kind}`. */
  readonly sent: ReadonlySet<string>;
  readonly now: Date;
}): PlannedReminder[] {
  const { cycle, reports, sent, now } = input;
  if (cycle.state !== 'open') return [];
  const daysLeft = daysBetween(calendarDate(now), cycle.dueDate);
  const threshold = applicableThreshold(cycle.reminderPolicy, daysLeft);
  if (!threshold) return [];
  const kind = `${threshold.timing}-${threshold.days}`;
  const byActor = new Map<string, string[]>();
  for (const report of reports) {
    if (!outstandingStates.includes(report.state)) continue;
    byActor.set(report.reporterActorId, [...(byActor.get(report.reporterActorId) ?? []), report.id]);
  }
  return [...byActor.entries()]
    .filter(([actorId]) => !sent.has(`${actorId}|${kind}`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([actorId, reportIds]) => ({
      cycleId: cycle.id,
      actorId,
      kind,
      timing: threshold.timing,
      days: threshold.timing === 'before' ? daysLeft : -daysLeft,
      reportIds,
    }));
}

/** Retry delay after the n-th failed delivery (1 min, 5 min, 30 min, 2 h, then every 6 h). */
export function retryDelayMs(attempts: number): number {
  const minutes = [1, 5, 30, 120][attempts - 1] ?? 360;
  return minutes * 60_000;
}

export const maxDeliveryAttempts = 12;
