/**
 * Demo data for reporting: the two past years' cycles with every report approved and the sector report published
 * (so trends show from the first start), and the current year's cycle open with a mix of drafts, submitted,
 * returned and approved reports. Cycles are opened and published through the services; the reports' review steps
 * are written directly, each as a kept revision, so the history looks as if people had done it. Runs once.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/http/access.js';
import { findCycleByYear } from '../cycle-repository.js';
import { closeCycle, openCycle } from '../cycle-service.js';
import { insertEvidence, findReports, insertRevision, updateReport } from '../report-repository.js';
import { deleteNotificationsOfCycle, insertNotification, upsertActorContact } from '../notify-repository.js';
import { changedFields } from '../report-content.js';
import { calendarDate } from '../reminders.js';
import type { ReportingDeps } from '../reporting-deps.js';
import { publishSectorReport } from '../sector-report-service.js';
import type { ReportAction, ReportContent, ReportState, StatusReport } from '../types.js';
import { demoContacts, demoDelegations, demoMeasurePlans, type DemoMeasurePlan } from './demo-measures.js';
import { demoContent } from './demo-narratives.js';

const day = 86_400_000;
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

const strategyOwner: Principal = {
  userId: 'demo-user-strategy-owner',
  displayName: 'Siri Strand',
  sessionId: 'demo-seed',
  organisationId: 'org-ehelse',
  roles: ['strategy-owner'],
  actorIds: [],
};

/** The demo personas who write for an actor (identity's demo users), or a named reporter. */
const writers: Record<string, { userId: string; name: string }> = {
  nhn: { userId: 'demo-user-measure-owner-nhn', name: 'Nora Lie' },
  helsecert: { userId: 'demo-user-measure-owner-nhn', name: 'Nora Lie' },
  helsetilsynet: { userId: 'demo-user-measure-owner-helsetilsynet', name: 'Tor Haugen' },
};
const writerOf = (actorId: string) =>
  writers[actorId] ?? {
    userId: `demo-reporter-${actorId}`,
    name: demoContacts.find((c) => c.actorId === actorId)?.name ?? actorId,
  };

/** This year's state per report (measure|actor); reports not listed are approved if e-helse writes them, else drafts. */
const currentStates: Record<string, { state: ReportState; fill: 'empty' | 'partial' | 'full'; comment?: string }> = {
  '1.14|helsecert': { state: 'approved', fill: 'full' },
  '1.9|nhn': { state: 'submitted', fill: 'full' },
  '1.5|helsecert': { state: 'submitted', fill: 'full' },
  '2.7|nhn': { state: 'submitted', fill: 'full' },
  '2.1|nhn': {
    state: 'returned',
    fill: 'full',
    comment: 'Beskriv hvilke virksomheter som er flyttet til det nye nettet, og legg ved tall for oppetid.',
  },
  '4.6|nhn': { state: 'draft', fill: 'partial' },
  '3.6|helsecert': { state: 'draft', fill: 'partial' },
  '2.5|nhn': { state: 'draft', fill: 'partial' },
  '4.1|helsecert': { state: 'draft', fill: 'empty' },
  '4.2|helsecert': { state: 'draft', fill: 'empty' },
  '4.5|helsecert': { state: 'draft', fill: 'empty' },
  '2.8|helsetilsynet': { state: 'draft', fill: 'partial' },
  '4.6|helse-sor-ost': { state: 'submitted', fill: 'full' },
  '2.6|rhf': { state: 'draft', fill: 'partial' },
  '2.7|rhf': { state: 'approved', fill: 'full' },
  '1.8|nsm': { state: 'submitted', fill: 'full' },
  '1.8|vdi-virksomheter': { state: 'submitted', fill: 'full' },
  '4.3|helsedir': { state: 'approved', fill: 'full' },
  '4.4|helsedir': { state: 'submitted', fill: 'full' },
  '1.16|e-helse': { state: 'submitted', fill: 'full' },
  '2.4|hod': { state: 'submitted', fill: 'full' },
};

interface Step {
  readonly action: ReportAction;
  readonly state: ReportState;
  readonly at: Date;
  readonly by: { userId: string; name: string };
  readonly content: ReportContent;
  readonly comment?: string;
}

async function applySteps(deps: ReportingDeps, report: StatusReport, steps: readonly Step[]): Promise<void> {
  let current = report;
  for (const step of steps) {
    const next: StatusReport = {
      ...current,
      ...step.content,
      state: step.state,
      revision: current.revision + 1,
      updatedAt: step.at,
      updatedBy: step.by.name,
      reviewComment:
        step.action === 'return' ? (step.comment ?? null) : step.action === 'approve' ? null : current.reviewComment,
      ...(step.action === 'submit' ? { submittedAt: step.at, submittedBy: step.by.userId } : {}),
      ...(step.action === 'approve' ? { approvedAt: step.at, approvedBy: step.by.name } : {}),
    };
    await updateReport(deps.db, next, current.revision);
    await insertRevision(deps.db, {
      reportId: report.id,
      revision: next.revision,
      at: step.at,
      authorUserId: step.by.userId,
      authorName: step.by.name,
      action: step.action,
      state: step.state,
      comment: step.comment ?? null,
      changedFields: changedFields(current, step.content),
      content: step.content,
    });
    current = next;
  }
}

function contentOf(r: ReportContent): ReportContent {
  return {
    status: r.status,
    progress: r.progress,
    contribution: r.contribution,
    indicators: r.indicators,
    nextSteps: r.nextSteps,
    blockers: r.blockers,
    contact: r.contact,
  };
}

function contactOf(actorId: string) {
  const c = demoContacts.find((x) => x.actorId === actorId);
  return { name: c?.name ?? writerOf(actorId).name, email: c?.email ?? `${actorId}@rapportering.example` };
}

async function addDemoEvidence(
  deps: ReportingDeps,
  report: StatusReport,
  plan: DemoMeasurePlan,
  year: number,
  when: Date,
): Promise<void> {
  if (!plan.indicator) return;
  await insertEvidence(deps.db, {
    id: randomUUID(),
    reportId: report.id,
    kind: 'link',
    title: `Statusnotat ${year}: ${plan.measureId}`,
    url: `https://dokumenter.example/${plan.actorId}/tiltak-${plan.measureId}-${year}.pdf`,
    fileName: null,
    mediaType: null,
    sizeBytes: null,
    sha256: null,
    storedName: null,
    addedAt: when,
    addedBy: writerOf(report.reporterActorId).name,
  });
}

async function seedPastYear(deps: ReportingDeps, year: number, yearIndex: 0 | 1): Promise<void> {
  const cycle = await openCycle(
    deps,
    strategyOwner,
    { year, dueDate: `${year}-03-01`, delegations: demoDelegations },
    at(`${year}-01-10`),
  );
  const reports = await findReports(deps.db, { cycleId: cycle.id });
  let n = 0;
  for (const report of reports) {
    const plan = demoMeasurePlans.find((p) => p.measureId === report.measureId && p.actorId === report.actorId);
    if (!plan) continue;
    const content = demoContent(plan, yearIndex, year, contactOf(report.reporterActorId));
    const writer = writerOf(report.reporterActorId);
    const submitted = new Date(at(`${year}-02-01`).getTime() + (n % 25) * day);
    n++;
    await addDemoEvidence(deps, report, plan, year, submitted);
    await applySteps(deps, report, [
      { action: 'edit', state: 'draft', at: new Date(submitted.getTime() - 3 * day), by: writer, content },
      { action: 'submit', state: 'submitted', at: submitted, by: writer, content },
      {
        action: 'approve',
        state: 'approved',
        at: new Date(submitted.getTime() + 9 * day),
        by: { userId: strategyOwner.userId, name: strategyOwner.displayName },
        content,
      },
    ]);
  }
  await publishSectorReport(deps, strategyOwner, cycle.id, at(`${year}-04-20`, 12));
  await closeCycle(deps, strategyOwner, cycle.id, at(`${year}-06-01`));
  await deleteNotificationsOfCycle(deps.db, cycle.id);
}

async function seedCurrentYear(deps: ReportingDeps, year: number, now: Date): Promise<void> {
  const openedAt = new Date(now.getTime() - 30 * day);
  const dueDate = calendarDate(new Date(now.getTime() + 14 * day));
  const cycle = await openCycle(deps, strategyOwner, { year, dueDate, delegations: demoDelegations }, openedAt);
  const reports = await findReports(deps.db, { cycleId: cycle.id });
  let n = 0;
  for (const report of reports) {
    const plan = demoMeasurePlans.find((p) => p.measureId === report.measureId && p.actorId === report.actorId);
    if (!plan) continue;
    const key = `${report.measureId}|${report.actorId}`;
    const setup =
      currentStates[key] ??
      (report.reporterActorId === 'e-helse'
        ? { state: 'approved' as const, fill: 'full' as const }
        : { state: 'draft' as const, fill: 'partial' as const });
    const full = demoContent(plan, 2, year, contactOf(report.reporterActorId));
    const content: ReportContent =
      setup.fill === 'full'
        ? full
        : setup.fill === 'partial'
          ? { ...contentOf(report), status: full.status, progress: full.progress, contact: full.contact }
          : contentOf(report);
    const writer = writerOf(report.reporterActorId);
    const step = (k: number) => new Date(openedAt.getTime() + (3 + (n % 9) + k * 4) * day);
    const approver = { userId: strategyOwner.userId, name: strategyOwner.displayName };
    const steps: Step[] = [];
    if (setup.fill !== 'empty') steps.push({ action: 'edit', state: 'draft', at: step(0), by: writer, content });
    if (setup.state !== 'draft') steps.push({ action: 'submit', state: 'submitted', at: step(1), by: writer, content });
    if (setup.state === 'approved')
      steps.push({ action: 'approve', state: 'approved', at: step(2), by: approver, content });
    if (setup.state === 'returned')
      steps.push({
        action: 'return',
        state: 'returned',
        at: step(2),
        by: approver,
        content,
        comment: setup.comment ?? '',
      });
    if (setup.fill === 'full' && setup.state !== 'draft') await addDemoEvidence(deps, report, plan, year, step(1));
    n++;
    await applySteps(deps, report, steps);
    if (setup.state === 'returned') {
      await insertNotification(deps.db, {
        actorId: report.reporterActorId,
        cycleId: cycle.id,
        reportId: report.id,
        kind: 'report-returned',
        params: { year, measureId: report.measureId, comment: setup.comment ?? null },
        at: step(2),
      });
    }
  }
}

export interface ReportingDemoOptions {
  /** Open the current year's cycle too (default true; the browser journey opens it itself). */
  readonly openCurrentCycle?: boolean;
}

export async function seedReportingDemo(
  db: Db,
  now: Date,
  options: ReportingDemoOptions & { publicUrl?: string; dataDir?: string } = {},
): Promise<{ seeded: boolean; years: number[] }> {
  const deps: ReportingDeps = {
    db,
    publicUrl: options.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`,
    evidenceDir: options.dataDir ?? '.varde/evidence',
  };
  const year = Number(calendarDate(now).slice(0, 4));
  if (await findCycleByYear(db, year - 2)) return { seeded: false, years: [] };
  await seedPastYear(deps, year - 2, 0);
  await seedPastYear(deps, year - 1, 1);
  // Contacts last, so the past years' "cycle opened" messages are not queued as e-mail today.
  for (const contact of demoContacts) await upsertActorContact(db, contact, now);
  if (options.openCurrentCycle === false) return { seeded: true, years: [year - 2, year - 1] };
  await seedCurrentYear(deps, year, now);
  return { seeded: true, years: [year - 2, year - 1, year] };
}
