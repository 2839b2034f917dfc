/**
 * Authorization fixtures of the reporting routes, for the generated walk (tests/authorization). Organisation A is
 * the catalogue actor Norsk Helsenett ("nhn"), B is Helsetilsynet. A's measure owner writes a draft (measure 4.6)
 * with evidence and gets a report approved (1.9); A's strategy owner publishes the sector report. B's measure owner
 * must never reach A's reports. The strategy owner reviews every actor's reports and the ministry reader reads
 * approved and published material by design (seed 004 §1.2), so those roles are named as cross-organisation where
 * they apply, with the reason.
 */
import { loadConfig } from '../../platform/config.js';
import type { AuthorizationFixtures, RouteFixture, WalkContext } from '../identity/index.js';
import { openCycle } from './cycle-service.js';
import { addEvidenceFile, addEvidenceLink } from './evidence-service.js';
import { listNotifications } from './notify-repository.js';
import { findReport, findReports } from './report-repository.js';
import { changeReport } from './report-service.js';
import { reportingDeps } from './reporting-deps.js';
import { publishSectorReport } from './sector-report-service.js';

const base = '/api/v1/reporting';
const strategyOwner = {
  roles: ['strategy-owner'] as const,
  reason: "the strategy owner gathers, reviews and compiles every actor's reports for the ministry (seed 004 §1.2)",
};
const approvedReaders = {
  roles: ['strategy-owner', 'ministry-reader'] as const,
  reason: 'approved reports are reported to the ministry; the strategy owner reviews them all (seed 004 §1.2)',
};
const publishedReaders = {
  roles: ['strategy-owner', 'ministry-reader', 'measure-owner'] as const,
  reason: "a published sector report is the sector's report to the ministry, shared with every reporting actor",
};

interface WalkSetup {
  readonly cycleId: string;
  readonly closableCycleId: string;
  readonly draftId: string;
  readonly draftRevision: number;
  readonly linkId: string;
  readonly fileId: string;
  readonly publishedId: string;
  readonly notificationId: number;
}

let setup: Promise<WalkSetup> | null = null;

async function build(ctx: WalkContext): Promise<WalkSetup> {
  const owner = ctx.orgA.users['strategy-owner'].principal;
  const writer = ctx.orgA.users['measure-owner'].principal;
  // The same data folder as the walk's application (its configuration leaves VARDE_DATA_DIR unset).
  const deps = reportingDeps(ctx.db, loadConfig({ PORT: '0' }));
  const now = new Date();
  const cycle = await openCycle(deps, owner, { year: 2040, dueDate: '2040-03-01' }, now);
  const closable = await openCycle(deps, owner, { year: 2041, dueDate: '2041-03-01' }, now);
  const reports = await findReports(ctx.db, { cycleId: cycle.id, actorId: 'nhn' });
  const draft = reports.find((r) => r.measureId === '4.6');
  const approved = reports.find((r) => r.measureId === '1.9');
  if (!draft || !approved) throw new Error('the walk needs the reports of Norsk Helsenett on measures 4.6 and 1.9');
  await changeReport(deps, writer, draft.id, { action: 'edit', patch: { progress: `Utkast ${ctx.marker}` } }, now);
  const link = await addEvidenceLink(
    deps,
    writer,
    draft.id,
    { title: `Lenke ${ctx.marker}`, url: 'https://example.org/bevis' },
    now,
  );
  const file = await addEvidenceFile(
    deps,
    writer,
    draft.id,
    { title: `Fil ${ctx.marker}`, fileName: 'bevis.txt', bytes: Buffer.from(`Bevis ${ctx.marker}\n`) },
    now,
  );
  await changeReport(
    deps,
    writer,
    approved.id,
    {
      action: 'submit',
      patch: {
        status: 'in-operation',
        progress: `Godkjent fremdrift ${ctx.marker}`,
        contribution: { level: 'high', text: 'Bidrar.' },
        contact: { name: 'Kontakt', email: 'kontakt@a.example', phone: '' },
      },
    },
    now,
  );
  await changeReport(deps, owner, approved.id, { action: 'approve' }, now);
  const published = await publishSectorReport(deps, owner, cycle.id, now);
  const [notification] = await listNotifications(ctx.db, ['nhn'], writer.userId, 1);
  if (!notification) throw new Error('the walk needs a notification for Norsk Helsenett');
  const after = await findReport(ctx.db, draft.id);
  return {
    cycleId: cycle.id,
    closableCycleId: closable.id,
    draftId: draft.id,
    draftRevision: after?.revision ?? 0,
    linkId: link.id,
    fileId: file.id,
    publishedId: published.id,
    notificationId: notification.id,
  };
}

const world = (ctx: WalkContext) => (setup ??= build(ctx));

/** The draft is as A's measure owner left it. */
async function draftUnchanged(ctx: WalkContext): Promise<boolean> {
  const s = await world(ctx);
  const report = await findReport(ctx.db, s.draftId);
  return (
    report?.revision === s.draftRevision &&
    report.state === 'draft' &&
    report.progress === `Utkast ${ctx.marker}` &&
    report.evidence.length === 2
  );
}

const draftRoute = (
  route: string,
  suffix: (s: WalkSetup) => string,
  payload?: unknown,
  cross?: typeof strategyOwner,
): RouteFixture => ({
  kind: 'object',
  route,
  ...(cross ? { crossOrganisation: cross } : {}),
  prepare: async (ctx) => {
    const s = await world(ctx);
    return { url: `${base}/reports/${s.draftId}${suffix(s)}`, ...(payload !== undefined ? { payload } : {}) };
  },
  ...(route.startsWith('GET') ? {} : { unchanged: draftUnchanged }),
});

const cycleRoute = (route: string, url: (s: WalkSetup) => string, payload?: unknown): RouteFixture => ({
  kind: 'collection',
  route,
  crossOrganisation: strategyOwner,
  prepare: async (ctx) => ({ url: url(await world(ctx)), ...(payload !== undefined ? { payload } : {}) }),
});

const published = (route: string, suffix: string): RouteFixture => ({
  kind: 'object',
  route,
  crossOrganisation: publishedReaders,
  prepare: async (ctx) => ({ url: `${base}/sector-reports/${(await world(ctx)).publishedId}${suffix}` }),
});

export const authorizationFixtures: AuthorizationFixtures = {
  module: 'reporting',
  routes: [
    {
      kind: 'collection',
      route: `GET ${base}/cycles`,
      crossOrganisation: strategyOwner,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/cycles` }),
    },
    {
      kind: 'unscoped',
      route: `POST ${base}/cycles`,
      reason: "opening a cycle creates a new, sector-wide object; it holds no organisation's data",
    },
    {
      kind: 'collection',
      route: `GET ${base}/cycles/:id`,
      crossOrganisation: strategyOwner,
      prepare: async (ctx) => ({ url: `${base}/cycles/${(await world(ctx)).cycleId}` }),
    },
    cycleRoute(`PATCH ${base}/cycles/:id`, (s) => `${base}/cycles/${s.cycleId}`, { dueDate: '2040-03-15' }),
    cycleRoute(`POST ${base}/cycles/:id/close`, (s) => `${base}/cycles/${s.closableCycleId}/close`, {}),
    cycleRoute(`GET ${base}/cycles/:id/overview`, (s) => `${base}/cycles/${s.cycleId}/overview`),
    cycleRoute(`POST ${base}/cycles/:id/reminders`, (s) => `${base}/cycles/${s.cycleId}/reminders`, { actorId: 'nhn' }),
    cycleRoute(
      `GET ${base}/cycles/:id/sector-report/preview`,
      (s) => `${base}/cycles/${s.cycleId}/sector-report/preview`,
    ),
    cycleRoute(`POST ${base}/cycles/:id/sector-reports`, (s) => `${base}/cycles/${s.cycleId}/sector-reports`, {}),
    {
      kind: 'unscoped',
      route: `GET ${base}/contacts`,
      reason: "reporting contacts are the directorate's address list per actor, for the strategy owner only",
    },
    {
      kind: 'unscoped',
      route: `PUT ${base}/contacts`,
      reason: "reporting contacts are the directorate's address list per actor, for the strategy owner only",
    },
    {
      kind: 'unscoped',
      route: `DELETE ${base}/contacts/:actorId/:email`,
      reason: "reporting contacts are the directorate's address list per actor, for the strategy owner only",
    },
    {
      kind: 'collection',
      route: `GET ${base}/reports`,
      crossOrganisation: approvedReaders,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/reports` }),
    },
    draftRoute(`GET ${base}/reports/:id`, () => '', undefined, strategyOwner),
    draftRoute(`GET ${base}/reports/:id/history`, () => '/history', undefined, strategyOwner),
    draftRoute(`PATCH ${base}/reports/:id`, () => '', { progress: 'overtatt av B' }),
    draftRoute(`POST ${base}/reports/:id/submit`, () => '/submit', {}),
    draftRoute(`POST ${base}/reports/:id/return`, () => '/return', { comment: 'fra B' }, strategyOwner),
    draftRoute(`POST ${base}/reports/:id/approve`, () => '/approve', {}, strategyOwner),
    draftRoute(`POST ${base}/reports/:id/evidence/links`, () => '/evidence/links', {
      title: 'B',
      url: 'https://example.org/b',
    }),
    draftRoute(`POST ${base}/reports/:id/evidence/files`, () => '/evidence/files'),
    draftRoute(`DELETE ${base}/reports/:id/evidence/:evidenceId`, (s) => `/evidence/${s.linkId}`),
    draftRoute(
      `GET ${base}/reports/:id/evidence/:evidenceId/file`,
      (s) => `/evidence/${s.fileId}/file`,
      undefined,
      strategyOwner,
    ),
    {
      kind: 'collection',
      route: `GET ${base}/sector-reports`,
      crossOrganisation: publishedReaders,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/sector-reports` }),
    },
    published(`GET ${base}/sector-reports/:id`, ''),
    published(`GET ${base}/sector-reports/:id/report.pdf`, '/report.pdf'),
    published(`GET ${base}/sector-reports/:id/report.xlsx`, '/report.xlsx'),
    published(`GET ${base}/sector-reports/:id/report.csv`, '/report.csv'),
    {
      kind: 'collection',
      route: `GET ${base}/dashboard`,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/dashboard` }),
    },
    { kind: 'collection', route: `GET ${base}/my`, prepare: async (ctx) => (await world(ctx), { url: `${base}/my` }) },
    {
      kind: 'collection',
      route: `GET ${base}/notifications`,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/notifications` }),
    },
    {
      kind: 'object',
      route: `POST ${base}/notifications/:id/read`,
      prepare: async (ctx) => ({ url: `${base}/notifications/${(await world(ctx)).notificationId}/read`, payload: {} }),
    },
  ],
};
