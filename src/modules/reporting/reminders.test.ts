import { describe, expect, it } from 'vitest';
import {
  applicableThreshold,
  calendarDate,
  daysBetween,
  retryDelayMs,
  selectReminders,
  type ReminderReport,
} from './reminders.js';
import { defaultReminderPolicy } from './types.js';

const cycle = { id: 'c1', dueDate: '2026-03-01', state: 'open' as const, reminderPolicy: defaultReminderPolicy };
const reports: ReminderReport[] = [
  { id: 'r1', reporterActorId: 'nhn', state: 'draft' },
  { id: 'r2', reporterActorId: 'nhn', state: 'submitted' },
  { id: 'r3', reporterActorId: 'ks', state: 'returned' },
  { id: 'r4', reporterActorId: 'helsetilsynet', state: 'approved' },
];
const at = (iso: string) => new Date(iso);

describe('reminder selection', () => {
  it('uses Norwegian calendar days', () => {
    expect(calendarDate(at('2026-02-28T23:30:00Z'))).toBe('2026-03-01');
    expect(calendarDate(at('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(calendarDate(at('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(daysBetween('2026-02-15', '2026-03-01')).toBe(14);
  });

  it('picks the nearest threshold before, the largest passed after, and none in between', () => {
    expect(applicableThreshold(defaultReminderPolicy, 20)).toBeNull();
    expect(applicableThreshold(defaultReminderPolicy, 14)).toEqual({ timing: 'before', days: 14 });
    expect(applicableThreshold(defaultReminderPolicy, 5)).toEqual({ timing: 'before', days: 14 });
    expect(applicableThreshold(defaultReminderPolicy, 0)).toEqual({ timing: 'before', days: 3 });
    expect(applicableThreshold(defaultReminderPolicy, -1)).toEqual({ timing: 'after', days: 1 });
    expect(applicableThreshold(defaultReminderPolicy, -9)).toEqual({ timing: 'after', days: 7 });
    expect(applicableThreshold({ beforeDays: [], afterDays: [3] }, -2)).toBeNull();
  });

  it('reminds each actor with unsubmitted reports once per threshold', () => {
    const now = at('2026-02-26T08:00:00Z');
    const planned = selectReminders({ cycle, reports, sent: new Set(), now });
    expect(planned).toEqual([
      { cycleId: 'c1', actorId: 'ks', kind: 'before-3', timing: 'before', days: 3, reportIds: ['r3'] },
      { cycleId: 'c1', actorId: 'nhn', kind: 'before-3', timing: 'before', days: 3, reportIds: ['r1'] },
    ]);
    expect(selectReminders({ cycle, reports, sent: new Set(['ks|before-3', 'nhn|before-3']), now })).toEqual([]);
  });

  it('sends one catch-up reminder after an outage, not the backlog', () => {
    const planned = selectReminders({
      cycle,
      reports,
      sent: new Set(['nhn|before-14']),
      now: at('2026-03-10T08:00:00Z'),
    });
    expect(planned.map((p) => [p.actorId, p.kind, p.days])).toEqual([
      ['ks', 'after-7', 9],
      ['nhn', 'after-7', 9],
    ]);
  });

  it('sends nothing for a closed cycle or when every report is in', () => {
    expect(
      selectReminders({
        cycle: { ...cycle, state: 'closed' },
        reports,
        sent: new Set(),
        now: at('2026-03-02T08:00:00Z'),
      }),
    ).toEqual([]);
    const done = reports.map((r) => ({ ...r, state: 'submitted' as const }));
    expect(selectReminders({ cycle, reports: done, sent: new Set(), now: at('2026-03-02T08:00:00Z') })).toEqual([]);
  });

  it('backs off between delivery attempts', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([
      60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 21_600_000,
    ]);
  });
});
