/**
 * Demo data for log review (embedded demo mode only): a synthetic hospital's month of access logs (about 175,000
 * lookups from the generator, seed fixed) registered for Fjordbyen sykehus HF, one completed analysis, a few
 * decided cases (one waiting for a second reviewer), one approved explanation rule, and a demo patient whose access
 * log the patient portal page shows. Runs once: a restart finds the dataset and leaves it as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/http/access.js';
import { generateDataset } from '../generator/index.js';
import { casesOfDataset, findingsOfCase } from './case-repository.js';
import { findDataset, insertDataset, insertUpload } from './dataset-repository.js';
import { insertRun, latestSucceededRun } from './run-repository.js';
import { decideCase, reviewDecision } from './decision-service.js';
import type { ReviewContext } from './review-access.js';
import { changeRule, listOrganisationRules } from './rule-service.js';
import { executeRun } from './run-analysis.js';
import { uploadDir } from './upload-store.js';
import { workspaceDir } from './workspace-pool.js';

export const DEMO_DATASET_ID = 'demo-fjordbyen-access-log';
export const DEMO_ORGANISATION_ID = 'org-fjordbyen-hf';
const DEMO_UPLOAD_ID = 'demo-upload-1';
const DEMO_EVENTS = 200_000;
const DEMO_SEED = 20260301;

const reviewer: Principal = {
  userId: 'demo-user-log-reviewer',
  displayName: 'Kari Moen',
  sessionId: 'demo-seed',
  organisationId: DEMO_ORGANISATION_ID,
  roles: ['log-reviewer'],
  actorIds: [],
  authMethod: 'demo',
};
/** The trust's data protection officer, who approves serious decisions in the demo story (not a login persona). */
const secondReviewer: Principal = {
  ...reviewer,
  userId: 'demo-user-privacy-officer',
  displayName: 'Per Hansen (personvernombud)',
};

export interface DemoPatient {
  readonly datasetId: string;
  readonly patientId: string;
  readonly from: string;
  readonly to: string;
}

const demoFile = (dataDir: string) => path.join(dataDir, 'logaudit', 'demo-patient.json');

export function readDemoPatient(dataDir: string): DemoPatient | null {
  try {
    return JSON.parse(fs.readFileSync(demoFile(dataDir), 'utf8')) as DemoPatient;
  } catch {
    return null;
  }
}

export async function seedLogReviewDemo(
  db: Db,
  dataDir: string,
  now: Date,
  log: (message: string) => void,
): Promise<void> {
  if (await findDataset(db, DEMO_DATASET_ID)) return;
  const dir = workspaceDir(dataDir, DEMO_ORGANISATION_ID, DEMO_DATASET_ID);
  fs.rmSync(dir, { recursive: true, force: true });
  log('Demo mode: generating a month of access logs for Fjordbyen sykehus HF (first start only, ~15 s)…');
  const target = uploadDir(dir, DEMO_UPLOAD_ID);
  await generateDataset({ outDir: target, events: DEMO_EVENTS, seed: DEMO_SEED });
  // The generator's answer key stays out of the demo: Varde must find the misuse itself.
  for (const file of fs.readdirSync(target)) if (file.startsWith('ground_truth')) fs.rmSync(path.join(target, file));
  const files = fs
    .readdirSync(target)
    .sort()
    .map((name) => ({ name, bytes: fs.statSync(path.join(target, name)).size, sha256: 'generated' }));
  await insertDataset(db, {
    id: DEMO_DATASET_ID,
    organisationId: DEMO_ORGANISATION_ID,
    name: 'Journallogg mars 2026 (DIPS, syntetisk)',
    sourceKind: 'upload',
    folderId: null,
    reviewCapacity: 15,
    findingBudget: null,
    patientLogNames: true,
    rulesAppliedHash: null,
    createdBy: reviewer.userId,
    createdAt: now,
  });
  await insertUpload(db, {
    id: DEMO_UPLOAD_ID,
    datasetId: DEMO_DATASET_ID,
    files,
    uploadedBy: reviewer.userId,
    uploadedAt: now,
    ingestedByRun: null,
  });
  const runId = 'demo-run-1';
  await insertRun(db, {
    id: runId,
    datasetId: DEMO_DATASET_ID,
    status: 'queued',
    phase: 'queued',
    progress: 0,
    inputs: { uploadIds: [DEMO_UPLOAD_ID], scanFolder: false },
    summary: null,
    error: null,
    startedBy: reviewer.userId,
    queuedAt: now,
    startedAt: null,
    finishedAt: null,
  });
  await executeRun({ db, dataDir, clock: () => new Date() }, runId);
  const run = await latestSucceededRun(db, DEMO_DATASET_ID);
  if (!run) {
    log('Demo mode: the demo access-log analysis failed; log review starts empty.');
    return;
  }
  const ctx = (principal: Principal, minutes: number): ReviewContext => ({
    db,
    principal,
    now: new Date(now.getTime() + minutes * 60_000),
    origin: { ip: null, userAgent: 'varde demo seed' },
  });
  const cases = (await casesOfDataset(db, DEMO_DATASET_ID)).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const pick = (n: number) => cases[Math.min(n, cases.length - 1)];
  const [first, second, third, fourth] = [pick(0), pick(1), pick(4), pick(6)];
  // For the patient's page: a case whose one patient was looked up with no documented reason, later found legitimate.
  let fifth: (typeof cases)[number] | undefined;
  let fifthPatient: string | null = null;
  for (const c of cases.slice(7)) {
    const active = (await findingsOfCase(db, c.id)).filter((f) => f.active);
    if (
      active.length === 1 &&
      active[0]!.reasons.some((r) => r.code === 'NO_RELATION' || r.code === 'NO_CARE_CONTACT')
    ) {
      fifth = c;
      fifthPatient = active[0]!.patientId;
      break;
    }
  }
  if (third) {
    await decideCase(ctx(reviewer, 10), DEMO_DATASET_ID, third.id, {
      outcome: 'legitimate',
      explanationKind: 'registered_consult_missing',
      justification:
        'Avdelingsleder bekrefter at brukeren gikk tilsyn på pasienten. Tilsynet var ikke registrert i DIPS.',
      proposeRule: {
        userRole: third.userRole,
        userDepartmentId: third.departmentId,
        userDepartmentKind: null,
        action: null,
        purpose: null,
        encounterKind: 'inpatient',
        windowDays: 7,
        descriptionNb: `Tilsyn: ${third.departmentName ?? 'avdelingen'} ser til innlagte pasienter uten registrert tilsynsbestilling.`,
        descriptionEn: `Consults: ${third.departmentName ?? 'the unit'} sees inpatients without a registered consult order.`,
      },
    });
    const [rule] = await listOrganisationRules(ctx(reviewer, 11), 'proposed');
    if (rule)
      await changeRule(ctx(secondReviewer, 60), rule.id, {
        action: 'approve',
        reason: 'Tilsyn fra denne avdelingen er fast praksis; regelen er avgrenset til innlagte pasienter.',
      });
  }
  if (fourth) {
    await decideCase(ctx(reviewer, 20), DEMO_DATASET_ID, fourth.id, {
      outcome: 'follow_up',
      justification:
        'Oppslagene kan ikke forklares ut fra journalen. Sendt til nærmeste leder for samtale med den ansatte.',
      followUpContact: 'Lene Sund, avdelingsleder',
      followUpRole: 'manager',
    });
  }
  if (fifth) {
    await decideCase(ctx(reviewer, 30), DEMO_DATASET_ID, fifth.id, {
      outcome: 'legitimate',
      explanationKind: 'on_call',
      justification: 'Brukeren hadde bakvakt og ble tilkalt til pasienten. Bekreftet med vaktplanen.',
    });
  }
  if (second) {
    const decision = await decideCase(ctx(reviewer, 40), DEMO_DATASET_ID, second.id, {
      outcome: 'not_legitimate',
      justification: 'Ingen tjenstlig grunn. Den ansatte bekrefter å ha sett i journalen av nysgjerrighet.',
    });
    await reviewDecision(ctx(secondReviewer, 90), DEMO_DATASET_ID, second.id, decision.id, {
      approve: true,
      note: 'Enig. Saken sendes til HR for oppfølging etter personalreglementet.',
    });
  }
  if (first) {
    await decideCase(ctx(reviewer, 50), DEMO_DATASET_ID, first.id, {
      outcome: 'not_legitimate',
      justification:
        'Brukeren har slått opp sin egen journal uten tjenstlig grunn. Venter på godkjenning av en annen kontrollør.',
    });
  }
  const summary = run.summary;
  const demoPatient = fifthPatient ?? (third ? ((await findingsOfCase(db, third.id))[0]?.patientId ?? null) : null);
  if (demoPatient && summary?.firstDay && summary.lastDay) {
    const patient: DemoPatient = {
      datasetId: DEMO_DATASET_ID,
      patientId: demoPatient,
      from: summary.firstDay,
      to: summary.lastDay,
    };
    fs.writeFileSync(demoFile(dataDir), JSON.stringify(patient));
  }
  log(
    `Demo mode: log review has ${cases.length} cases from ${summary?.events ?? 0} lookups (analysis took ${Math.round((summary?.durationMs ?? 0) / 1000)} s).`,
  );
}
