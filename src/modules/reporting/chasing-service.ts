/**
 * The strategy owner's overview of a cycle: per reporting actor, how many reports are in which state, which are
 * outstanding, when it was last reminded and whether anyone can be e-mailed; plus the gap and the outbox. Also
 * the reporting contacts per actor that reminders go to.
 */
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { getEdition } from '../catalogue/index.js';
import { requireCycle } from './cycle-service.js';
import {
  deleteActorContact,
  listActorContacts,
  listReminders,
  outboxSummary,
  upsertActorContact,
  type ActorContact,
} from './notify-repository.js';
import { calendarDate, daysBetween, outstandingStates } from './reminders.js';
import { limits } from './report-content.js';
import { findReports } from './report-repository.js';
import { requireStrategyOwner } from './reporting-access.js';
import type { ReportingDeps } from './reporting-deps.js';
import { reportStates, type ReportState, type ReportingCycle } from './types.js';

export interface ActorProgress {
  readonly actorId: string;
  readonly name: string;
  readonly shortName: string;
  readonly expected: number;
  readonly counts: Record<ReportState, number>;
  readonly outstanding: { reportId: string; measureId: string; measureTitle: string; state: ReportState }[];
  readonly lastReminder: { kind: string; sentAt: Date } | null;
  readonly reminders: number;
  readonly contacts: number;
}

export interface CycleOverview {
  readonly cycle: ReportingCycle;
  /** Calendar days to the due date (negative when it has passed). */
  readonly daysLeft: number;
  readonly counts: Record<ReportState, number>;
  readonly total: number;
  readonly actors: ActorProgress[];
  readonly outbox: { pending: number; sent: number; failed: number };
}

const countStates = (states: readonly ReportState[]) =>
  Object.fromEntries(reportStates.map((s) => [s, states.filter((x) => x === s).length])) as Record<ReportState, number>;

export async function cycleOverview(
  deps: ReportingDeps,
  principal: Principal,
  cycleId: string,
  now: Date,
): Promise<CycleOverview> {
  requireStrategyOwner(principal);
  const cycle = await requireCycle(deps, cycleId);
  const edition = await getEdition(deps.db, cycle.editionId);
  const reports = await findReports(deps.db, { cycleId });
  const reminders = await listReminders(deps.db, cycleId);
  const contacts = await listActorContacts(deps.db);
  const reporterIds = [...new Set(reports.map((r) => r.reporterActorId))];
  const actors = reporterIds.map((actorId): ActorProgress => {
    const mine = reports.filter((r) => r.reporterActorId === actorId);
    const actor = edition.actors.find((a) => a.id === actorId);
    const theirReminders = reminders.filter((r) => r.actorId === actorId);
    const latest = theirReminders[0];
    return {
      actorId,
      name: actor?.name ?? actorId,
      shortName: actor?.shortName ?? actorId,
      expected: mine.length,
      counts: countStates(mine.map((r) => r.state)),
      outstanding: mine
        .filter((r) => outstandingStates.includes(r.state))
        .map((r) => ({
          reportId: r.id,
          measureId: r.measureId,
          measureTitle: edition.measures.find((m) => m.id === r.measureId)?.title ?? r.measureId,
          state: r.state,
        })),
      lastReminder: latest ? { kind: latest.kind, sentAt: latest.sentAt } : null,
      reminders: theirReminders.length,
      contacts: new Set([
        ...contacts.filter((c) => c.actorId === actorId).map((c) => c.email),
        ...mine.map((r) => r.contact.email).filter(Boolean),
      ]).size,
    };
  });
  actors.sort((a, b) => b.outstanding.length - a.outstanding.length || a.name.localeCompare(b.name, 'nb'));
  return {
    cycle,
    daysLeft: daysBetween(calendarDate(now), cycle.dueDate),
    counts: countStates(reports.map((r) => r.state)),
    total: reports.length,
    actors,
    outbox: await outboxSummary(deps.db),
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function listContacts(deps: ReportingDeps, principal: Principal): Promise<ActorContact[]> {
  requireStrategyOwner(principal);
  return listActorContacts(deps.db);
}

export async function saveContact(
  deps: ReportingDeps,
  principal: Principal,
  contact: ActorContact,
  now: Date,
): Promise<ActorContact> {
  requireStrategyOwner(principal);
  const edition = await getEdition(deps.db);
  const clean = {
    actorId: contact.actorId.trim(),
    email: contact.email.trim().toLowerCase(),
    name: contact.name.trim(),
  };
  const details = [
    ...(edition.actors.some((a) => a.id === clean.actorId)
      ? []
      : [{ field: 'actorId', message: `no actor "${clean.actorId}"` }]),
    ...(emailPattern.test(clean.email) ? [] : [{ field: 'email', message: 'not an e-mail address' }]),
    ...(clean.name.length <= limits.name ? [] : [{ field: 'name', message: `at most ${limits.name} characters` }]),
  ];
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'The contact is not valid', details);
  await upsertActorContact(deps.db, clean, now);
  return clean;
}

export async function removeContact(
  deps: ReportingDeps,
  principal: Principal,
  actorId: string,
  email: string,
): Promise<void> {
  requireStrategyOwner(principal);
  if ((await deleteActorContact(deps.db, actorId, email.trim().toLowerCase())) === 0) {
    throw new AppError('NOT_FOUND', 'No such reporting contact');
  }
}
