/**
 * Chasing missing reports. `runReminders(deps, now)` picks who gets which reminder (the pure `selectReminders`),
 * records it, and writes an in-app notification and the e-mails to the outbox, all in one transaction per actor;
 * `runReminderJob` then drains the outbox. The server runs the job on an interval and `varde reporting remind`
 * runs it once; both are safe to run at the same time as another instance.
 */
import type { Principal } from '../../platform/http/access.js';
import { AppError } from '../../platform/errors.js';
import { getEdition } from '../catalogue/index.js';
import { listCycles } from './cycle-repository.js';
import { requireCycle } from './cycle-service.js';
import { drainOutbox, type DrainOutcome, type Mailer } from './mailer.js';
import { reminderMail } from './mail-messages.js';
import { notifyActor } from './notify-actor.js';
import { recordReminder, sentReminderKeys } from './notify-repository.js';
import { calendarDate, daysBetween, outstandingStates, selectReminders, type PlannedReminder } from './reminders.js';
import { findReports } from './report-repository.js';
import { requireStrategyOwner } from './reporting-access.js';
import type { ReportingDeps } from './reporting-deps.js';
import type { ReportingCycle, StatusReport } from './types.js';

export interface SentReminder extends PlannedReminder {
  readonly recipients: number;
}

class ReminderTaken extends Error {}

async function sendReminder(
  deps: ReportingDeps,
  cycle: ReportingCycle,
  planned: PlannedReminder,
  reports: readonly StatusReport[],
  now: Date,
): Promise<SentReminder | null> {
  const edition = await getEdition(deps.db, cycle.editionId);
  const mine = reports.filter((r) => planned.reportIds.includes(r.id));
  const actorName = edition.actors.find((a) => a.id === planned.actorId)?.name ?? planned.actorId;
  const signedDays = planned.timing === 'after' ? -planned.days : planned.days;
  const mail = reminderMail({
    year: cycle.year,
    dueDate: cycle.dueDate,
    actorName,
    timing: planned.kind.startsWith('manual') ? 'manual' : planned.timing,
    days: signedDays,
    measures: mine.map((r) => ({
      id: r.measureId,
      title: edition.measures.find((m) => m.id === r.measureId)?.title ?? r.measureId,
      state: r.state,
    })),
    link: `${deps.publicUrl}/reporting/my`,
  });
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const recipients = await notifyActor(trx, {
        actorId: planned.actorId,
        cycleId: cycle.id,
        reportId: null,
        kind: planned.timing === 'after' ? 'reminder-overdue' : 'reminder-due',
        params: { year: cycle.year, dueDate: cycle.dueDate, days: planned.days, count: mine.length },
        mail,
        extraEmails: mine.map((r) => r.contact.email).filter(Boolean),
        at: now,
      });
      const recorded = await recordReminder(trx, {
        cycleId: cycle.id,
        actorId: planned.actorId,
        kind: planned.kind,
        at: now,
        reportIds: planned.reportIds,
        recipients,
      });
      // Another instance recorded it first: undo this one's notification and mail with the transaction.
      if (!recorded) throw new ReminderTaken();
      return { ...planned, recipients };
    })
    .catch((error: unknown) => {
      if (error instanceof ReminderTaken) return null;
      throw error;
    });
}

/** Sends the reminders that are due now in every open cycle. */
export async function runReminders(deps: ReportingDeps, now: Date): Promise<SentReminder[]> {
  const sent: SentReminder[] = [];
  for (const cycle of (await listCycles(deps.db)).filter((c) => c.state === 'open')) {
    const reports = await findReports(deps.db, { cycleId: cycle.id });
    const planned = selectReminders({ cycle, reports, sent: await sentReminderKeys(deps.db, cycle.id), now });
    for (const reminder of planned) {
      const outcome = await sendReminder(deps, cycle, reminder, reports, now);
      if (outcome) sent.push(outcome);
    }
  }
  return sent;
}

/** The strategy owner reminds one actor now, whatever the schedule says. */
export async function remindActorNow(
  deps: ReportingDeps,
  principal: Principal,
  cycleId: string,
  actorId: string,
  now: Date,
): Promise<SentReminder> {
  requireStrategyOwner(principal);
  const cycle = await requireCycle(deps, cycleId);
  if (cycle.state !== 'open') throw new AppError('REPORTING_CYCLE_CLOSED', 'The reporting cycle is closed');
  const reports = await findReports(deps.db, { cycleId });
  const outstanding = reports.filter((r) => r.reporterActorId === actorId && outstandingStates.includes(r.state));
  if (outstanding.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'This actor has no outstanding reports in the cycle', [
      { field: 'actorId', message: 'nothing to remind about' },
    ]);
  }
  const daysLeft = daysBetween(calendarDate(now), cycle.dueDate);
  const planned: PlannedReminder = {
    cycleId,
    actorId,
    kind: `manual-${now.toISOString()}`,
    timing: daysLeft < 0 ? 'after' : 'before',
    days: Math.abs(daysLeft),
    reportIds: outstanding.map((r) => r.id),
  };
  const outcome = await sendReminder(deps, cycle, planned, reports, now);
  if (!outcome) throw new AppError('CONFLICT', 'A reminder was just sent to this actor');
  return outcome;
}

export interface ReminderJobOutcome {
  readonly reminders: SentReminder[];
  readonly delivery: DrainOutcome | null;
}

/** One run of the scheduled job: reminders, then delivery of whatever waits in the outbox. */
export async function runReminderJob(
  deps: ReportingDeps,
  mailer: Mailer | null,
  now: Date,
): Promise<ReminderJobOutcome> {
  const reminders = await runReminders(deps, now);
  const delivery = mailer ? await drainOutbox(deps.db, mailer, now) : null;
  return { reminders, delivery };
}
