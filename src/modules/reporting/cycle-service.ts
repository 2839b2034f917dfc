/**
 * Reporting cycles: the strategy owner opens one per year on an edition of the catalogue with a due date; Varde
 * creates one draft status report per measure and responsible actor, lists unplaced measures as the gap, and tells
 * each reporting actor. Closing a cycle freezes its reports.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { getEdition } from '../catalogue/index.js';
import { findCycle, findCycleByYear, insertCycle, listCycles, updateCycle } from './cycle-repository.js';
import { cycleOpenedMail } from './mail-messages.js';
import { notifyActor } from './notify-actor.js';
import { planCycle } from './plan-cycle.js';
import { findReports, insertReports, insertRevision } from './report-repository.js';
import { requireStrategyOwner, ownActorIds, isStrategyOwner } from './reporting-access.js';
import { auditReporting, type RequestOrigin } from './reporting-audit.js';
import type { ReportingDeps } from './reporting-deps.js';
import {
  defaultReminderPolicy,
  reportStates,
  type ReminderPolicy,
  type ReportingCycle,
  type ReportState,
} from './types.js';

export interface OpenCycleInput {
  readonly year: number;
  readonly dueDate: string;
  readonly editionId?: string | undefined;
  readonly delegations?: Record<string, string> | undefined;
  readonly reminderPolicy?: ReminderPolicy | undefined;
}

export function checkDueDate(dueDate: string, field = 'dueDate'): string {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && new Date(`${dueDate}T00:00:00Z`).toISOString().startsWith(dueDate);
  if (!valid) {
    throw new AppError('VALIDATION_FAILED', 'The due date is not a calendar date', [
      { field, message: `must be a date as YYYY-MM-DD, got "${dueDate}"` },
    ]);
  }
  return dueDate;
}

function checkPolicy(policy: ReminderPolicy): ReminderPolicy {
  const days = [...policy.beforeDays, ...policy.afterDays];
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) {
    throw new AppError('VALIDATION_FAILED', 'Reminder days must be whole numbers from 0 to 365', [
      { field: 'reminderPolicy', message: 'whole days from 0 to 365' },
    ]);
  }
  return {
    beforeDays: [...new Set(policy.beforeDays)].sort((a, b) => b - a),
    afterDays: [...new Set(policy.afterDays)].sort((a, b) => a - b),
  };
}

export async function openCycle(
  deps: ReportingDeps,
  principal: Principal,
  input: OpenCycleInput,
  now: Date,
  origin?: RequestOrigin,
): Promise<ReportingCycle> {
  requireStrategyOwner(principal);
  const { db } = deps;
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    throw new AppError('VALIDATION_FAILED', 'The year is out of range', [
      { field: 'year', message: 'from 2000 to 2100' },
    ]);
  }
  const dueDate = checkDueDate(input.dueDate);
  if (await findCycleByYear(db, input.year)) {
    throw new AppError('REPORTING_CYCLE_EXISTS', `A reporting cycle for ${input.year} already exists`);
  }
  const edition = await getEdition(db, input.editionId);
  const previousCycle = await findCycleByYear(db, input.year - 1);
  const previous = previousCycle ? await findReports(db, { cycleId: previousCycle.id, states: ['approved'] }) : [];
  const delegations = input.delegations ?? {};
  const plan = planCycle(
    edition,
    delegations,
    previous.map((r) => ({ measureId: r.measureId, actorId: r.actorId, content: r })),
  );
  const cycle: ReportingCycle = {
    id: randomUUID(),
    year: input.year,
    editionId: edition.edition.id,
    dueDate,
    state: 'open',
    openedAt: now,
    openedBy: principal.displayName,
    closedAt: null,
    delegations,
    reminderPolicy: checkPolicy(input.reminderPolicy ?? defaultReminderPolicy),
    gap: plan.gap,
  };
  await db.transaction().execute(async (trx) => {
    await insertCycle(trx, cycle);
    const reports = plan.reports.map((r) => ({ ...r, id: randomUUID(), cycleId: cycle.id, at: now }));
    await insertReports(trx, reports);
    for (const r of reports) {
      await insertRevision(trx, {
        reportId: r.id,
        revision: 1,
        at: now,
        authorUserId: null,
        authorName: principal.displayName,
        action: 'create',
        state: 'draft',
        comment: null,
        changedFields: [],
        content: r.content,
      });
    }
    const byReporter = new Map<string, number>();
    for (const r of reports) byReporter.set(r.reporterActorId, (byReporter.get(r.reporterActorId) ?? 0) + 1);
    for (const [actorId, count] of byReporter) {
      const actorName = edition.actors.find((a) => a.id === actorId)?.name ?? actorId;
      await notifyActor(trx, {
        actorId,
        cycleId: cycle.id,
        reportId: null,
        kind: 'cycle-opened',
        params: { year: cycle.year, dueDate, count },
        mail: cycleOpenedMail({ year: cycle.year, dueDate, actorName, count, link: `${deps.publicUrl}/reporting/my` }),
        at: now,
      });
    }
    await auditReporting(trx, {
      principal,
      action: 'reporting.cycle-open',
      objectType: 'reporting-cycle',
      objectId: cycle.id,
      at: now,
      detail: { year: cycle.year, edition: cycle.editionId, reports: reports.length, gap: plan.gap.length },
      origin,
    });
  });
  return cycle;
}

export async function requireCycle(deps: ReportingDeps, cycleId: string): Promise<ReportingCycle> {
  const cycle = await findCycle(deps.db, cycleId);
  if (!cycle) throw new AppError('REPORTING_CYCLE_NOT_FOUND', 'No such reporting cycle');
  return cycle;
}

export async function closeCycle(
  deps: ReportingDeps,
  principal: Principal,
  cycleId: string,
  now: Date,
  origin?: RequestOrigin,
): Promise<ReportingCycle> {
  requireStrategyOwner(principal);
  const cycle = await requireCycle(deps, cycleId);
  if (cycle.state === 'closed') return cycle;
  await deps.db.transaction().execute(async (trx) => {
    await updateCycle(trx, cycleId, { state: 'closed', closedAt: now });
    await auditReporting(trx, {
      principal,
      action: 'reporting.cycle-close',
      objectType: 'reporting-cycle',
      objectId: cycleId,
      at: now,
      origin,
    });
  });
  return { ...cycle, state: 'closed', closedAt: now };
}

export async function changeDueDate(
  deps: ReportingDeps,
  principal: Principal,
  cycleId: string,
  dueDate: string,
): Promise<ReportingCycle> {
  requireStrategyOwner(principal);
  const cycle = await requireCycle(deps, cycleId);
  if (cycle.state === 'closed') throw new AppError('REPORTING_CYCLE_CLOSED', 'The reporting cycle is closed');
  await updateCycle(deps.db, cycleId, { dueDate: checkDueDate(dueDate) });
  return { ...cycle, dueDate };
}

export interface CycleSummary extends ReportingCycle {
  /** Reports by state; for a measure owner only its own actors' reports. */
  readonly counts: Record<ReportState, number>;
  readonly total: number;
}

/** Cycles, newest first, each with the count of reports by state that the principal may see. */
export async function listCycleSummaries(deps: ReportingDeps, principal: Principal): Promise<CycleSummary[]> {
  const cycles = await listCycles(deps.db);
  const own = ownActorIds(principal);
  const all = isStrategyOwner(principal) || principal.roles.includes('ministry-reader');
  const reports = await findReports(deps.db, all ? {} : { anyActorIds: own });
  return cycles.map((cycle) => {
    const mine = reports.filter((r) => r.cycleId === cycle.id);
    const counts = Object.fromEntries(reportStates.map((s) => [s, mine.filter((r) => r.state === s).length])) as Record<
      ReportState,
      number
    >;
    // Who opened the cycle is the directorate's business; other roles see the cycle without the name.
    return { ...cycle, openedBy: isStrategyOwner(principal) ? cycle.openedBy : '', counts, total: mine.length };
  });
}
