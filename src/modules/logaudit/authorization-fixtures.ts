/**
 * Authorization fixtures of the log-review routes (review/, /api/v1/log-review), for the generated walk
 * (tests/authorization). Organisation A's log reviewer has a small generated dataset with one analysis, a case
 * with a "not legitimate" decision waiting for approval, a proposed explanation rule and an allowed server folder;
 * A's texts carry the walk's marker. B's log reviewer must get 404 for every one of A's objects and see none of
 * them in lists. Administrators keep the allow-list of server folders for every organisation by design.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../platform/config.js';
import type { AuthorizationFixtures, RouteFixture, WalkContext } from '../identity/index.js';
import { generateDataset } from './generator/index.js';
import { casesOfDataset, findingsOfCase } from './review/case-repository.js';
import { findDecision } from './review/decision-repository.js';
import { findDataset, insertUpload, listFolders, upsertFolder } from './review/dataset-repository.js';
import { createDataset } from './review/dataset-service.js';
import { decideCase } from './review/decision-service.js';
import type { ReviewContext } from './review/review-access.js';
import { executeRun } from './review/run-analysis.js';
import { insertRun, listRuns } from './review/run-repository.js';
import { findRule } from './review/rule-repository.js';
import { proposeRule } from './review/rule-service.js';
import { uploadDir } from './review/upload-store.js';
import { workspaceDir } from './review/workspace-pool.js';

const base = '/api/v1/log-review';
const contract = [
  'access_events.csv',
  'staff.csv',
  'patients.csv',
  'departments.csv',
  'encounters.csv',
  'care_relations.csv',
];
const period = 'from=2026-03-01&to=2026-03-31';
const administrators = {
  roles: ['administrator'] as const,
  reason: 'administrators keep the allow-list of server folders for every organisation (they see paths, not logs)',
};

interface WalkSetup {
  readonly datasetId: string;
  readonly datasetName: string;
  readonly runId: string;
  readonly caseId: string;
  readonly caseUserId: string;
  readonly decisionId: string;
  readonly ruleId: string;
  readonly patientId: string;
  readonly folderId: string;
}

let setup: Promise<WalkSetup> | null = null;

async function build(ctx: WalkContext): Promise<WalkSetup> {
  // The same data folder as the walk's application (its configuration leaves VARDE_DATA_DIR unset).
  const dataDir = loadConfig({ PORT: '0' }).dataDir;
  const principal = ctx.orgA.users['log-reviewer'].principal;
  const review: ReviewContext = { db: ctx.db, principal, now: new Date(), origin: { ip: null, userAgent: 'walk' } };
  const datasetName = `Logg A ${ctx.marker}`;
  const dataset = await createDataset(review, { name: datasetName, source: 'upload', findingBudget: 40 });
  const target = uploadDir(workspaceDir(dataDir, dataset.organisationId, dataset.id), 'walk-upload');
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-walk-logs-'));
  await generateDataset({ outDir: source, events: 5000, days: 5, seed: 91 });
  fs.mkdirSync(target, { recursive: true });
  for (const name of contract) fs.copyFileSync(path.join(source, name), path.join(target, name));
  fs.rmSync(source, { recursive: true, force: true });
  await insertUpload(ctx.db, {
    id: 'walk-upload',
    datasetId: dataset.id,
    files: contract.map((name) => ({ name, bytes: 0, sha256: 'walk' })),
    uploadedBy: principal.userId,
    uploadedAt: review.now,
    ingestedByRun: null,
  });
  const runId = `walk-run-${dataset.id}`;
  await insertRun(ctx.db, {
    id: runId,
    datasetId: dataset.id,
    status: 'queued',
    phase: 'queued',
    progress: 0,
    inputs: { uploadIds: ['walk-upload'], scanFolder: false },
    summary: null,
    error: null,
    startedBy: principal.userId,
    queuedAt: review.now,
    startedAt: null,
    finishedAt: null,
  });
  await executeRun({ db: ctx.db, dataDir, clock: () => new Date() }, runId);
  const [flagged] = await casesOfDataset(ctx.db, dataset.id);
  if (!flagged) throw new Error('the walk needs a flagged case in organisation A');
  const [finding] = await findingsOfCase(ctx.db, flagged.id);
  const decision = await decideCase(review, dataset.id, flagged.id, {
    outcome: 'not_legitimate',
    justification: `Ikke legitimt ${ctx.marker}`,
  });
  const rule = await proposeRule(
    review,
    {
      userRole: 'nurse',
      userDepartmentId: null,
      userDepartmentKind: 'ward',
      action: null,
      purpose: null,
      encounterKind: null,
      windowDays: 7,
      descriptionNb: `Regel A ${ctx.marker}`,
      descriptionEn: `Rule A ${ctx.marker}`,
    },
    `Forslag ${ctx.marker}`,
  );
  await upsertFolder(
    ctx.db,
    {
      id: 'walk-folder-a',
      organisationId: ctx.orgA.id,
      path: fs.realpathSync(os.tmpdir()),
      label: `Mappe A ${ctx.marker}`,
      source: 'admin',
      addedAt: review.now,
    },
    null,
  );
  const [folder] = await listFolders(ctx.db, [ctx.orgA.id]);
  return {
    datasetId: dataset.id,
    datasetName,
    runId,
    caseId: flagged.id,
    caseUserId: flagged.userId,
    decisionId: decision.id,
    ruleId: rule.id,
    patientId: finding?.patientId ?? 'p-none',
    folderId: folder?.id ?? 'walk-folder-a',
  };
}

const world = (ctx: WalkContext) => (setup ??= build(ctx));

/** A's dataset, decision and rule are as A's reviewer left them, and no run was started for them. */
async function aUnchanged(ctx: WalkContext): Promise<boolean> {
  const s = await world(ctx);
  const dataset = await findDataset(ctx.db, s.datasetId);
  const runs = await listRuns(ctx.db, s.datasetId);
  const rule = await findRule(ctx.db, s.ruleId);
  const decision = await findDecision(ctx.db, s.decisionId);
  return (
    dataset?.name === s.datasetName &&
    dataset.reviewCapacity === 20 &&
    runs.length === 1 &&
    rule?.status === 'proposed' &&
    rule.version === 1 &&
    decision?.status === 'pending_approval'
  );
}

const object = (route: string, url: (s: WalkSetup) => string, payload?: (s: WalkSetup) => unknown): RouteFixture => ({
  kind: 'object',
  route,
  prepare: async (ctx) => {
    const s = await world(ctx);
    return { url: url(s), ...(payload ? { payload: payload(s) } : {}), secrets: [s.caseUserId] };
  },
  ...(route.startsWith('GET') ? {} : { unchanged: aUnchanged }),
});

const ds = (s: WalkSetup) => `${base}/datasets/${s.datasetId}`;

export const authorizationFixtures: AuthorizationFixtures = {
  module: 'logaudit',
  routes: [
    {
      kind: 'collection',
      route: `GET ${base}/datasets`,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/datasets` }),
    },
    {
      kind: 'unscoped',
      route: `POST ${base}/datasets`,
      reason: "registers a new dataset in the caller's own organisation; reads nothing of another",
      prepare: async () => ({ url: `${base}/datasets`, payload: { name: 'Logg B', source: 'upload' } }),
    },
    object(`GET ${base}/datasets/:datasetId`, ds),
    object(`PATCH ${base}/datasets/:datasetId`, ds, () => ({ name: 'Overtatt', reviewCapacity: 1 })),
    object(
      `POST ${base}/datasets/:datasetId/uploads`,
      (s) => `${ds(s)}/uploads`,
      () => ({}),
    ),
    object(`GET ${base}/datasets/:datasetId/runs`, (s) => `${ds(s)}/runs`),
    object(
      `POST ${base}/datasets/:datasetId/runs`,
      (s) => `${ds(s)}/runs`,
      () => ({}),
    ),
    object(`GET ${base}/datasets/:datasetId/runs/:runId`, (s) => `${ds(s)}/runs/${s.runId}`),
    object(`GET ${base}/datasets/:datasetId/report`, (s) => `${ds(s)}/report?${period}`),
    object(`GET ${base}/datasets/:datasetId/report/:format`, (s) => `${ds(s)}/report/xlsx?${period}`),
    object(`GET ${base}/datasets/:datasetId/cases`, (s) => `${ds(s)}/cases?status=all`),
    object(
      `GET ${base}/datasets/:datasetId/cases/:caseId`,
      (s) => `${ds(s)}/cases/${s.caseId}?showNames=true&reason=Tilgangskontroll`,
    ),
    object(
      `POST ${base}/datasets/:datasetId/cases/:caseId/decisions`,
      (s) => `${ds(s)}/cases/${s.caseId}/decisions`,
      () => ({
        outcome: 'legitimate',
        explanationKind: 'on_call',
        justification: 'Forsøk fra en annen virksomhet',
      }),
    ),
    object(
      `POST ${base}/datasets/:datasetId/cases/:caseId/decisions/:decisionId/review`,
      (s) => `${ds(s)}/cases/${s.caseId}/decisions/${s.decisionId}/review`,
      () => ({ approve: true, note: 'Forsøk fra en annen virksomhet' }),
    ),
    object(
      `POST ${base}/datasets/:datasetId/patient-log`,
      (s) => `${ds(s)}/patient-log`,
      (s) => ({
        patientId: s.patientId,
        reason: 'Forsøk fra en annen virksomhet',
      }),
    ),
    object(
      `POST ${base}/datasets/:datasetId/portal-links`,
      (s) => `${ds(s)}/portal-links`,
      (s) => ({
        patientId: s.patientId,
        from: '2026-03-01',
        to: '2026-03-31',
        reason: 'Forsøk fra en annen virksomhet',
      }),
    ),
    {
      kind: 'collection',
      route: `GET ${base}/rules`,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/rules` }),
    },
    {
      kind: 'unscoped',
      route: `POST ${base}/rules`,
      reason: "proposes a rule in the caller's own organisation; reads nothing of another",
      prepare: async () => ({
        url: `${base}/rules`,
        payload: {
          draft: {
            userRole: 'nurse',
            userDepartmentId: null,
            userDepartmentKind: null,
            action: null,
            purpose: null,
            encounterKind: null,
            windowDays: 7,
            descriptionNb: 'Regel B',
            descriptionEn: 'Rule B',
          },
          reason: 'Forslag fra B',
        },
      }),
    },
    object(`GET ${base}/rules/:ruleId`, (s) => `${base}/rules/${s.ruleId}`),
    object(
      `POST ${base}/rules/:ruleId/actions`,
      (s) => `${base}/rules/${s.ruleId}/actions`,
      () => ({ action: 'approve', reason: 'Forsøk fra en annen virksomhet' }),
    ),
    {
      kind: 'collection',
      route: `GET ${base}/folders`,
      crossOrganisation: administrators,
      prepare: async (ctx) => (await world(ctx), { url: `${base}/folders` }),
    },
    {
      kind: 'unscoped',
      route: `POST ${base}/folders`,
      reason: 'administrators allow server folders for any organisation; the answer is the entry they made',
      prepare: async (ctx) => ({
        url: `${base}/folders`,
        payload: { organisationId: ctx.orgB.id, path: fs.realpathSync(os.tmpdir()), label: 'Mappe B' },
      }),
    },
    {
      kind: 'object',
      route: `DELETE ${base}/folders/:folderId`,
      crossOrganisation: administrators,
      prepare: async (ctx) => ({ url: `${base}/folders/${(await world(ctx)).folderId}` }),
    },
  ],
};
