/**
 * The patient-readable access log (measure 4.7). Two ways in:
 * - a log reviewer, acting on a patient's request, opens it (with a reason, audited) and may hand the patient a
 *   link for the patient portal page;
 * - the portal page reads it with that link's token (sent in a header, never in the URL the server sees). This is
 *   the integration point for a real patient portal: the portal authenticates the patient (e.g. ID-porten), maps
 *   them to the hospital's patient id and asks for a link on their behalf. In demo mode a demo patient's link is
 *   issued with one click.
 * Every access log shown is recorded (who, which patient, how many rows, how many with a documented reason) for
 * the audit trail and the control report.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { writeAuditEvent } from '../../audit/index.js';
import { getOrganisationById } from '../../identity/index.js';
import { legitimateFindingsOfPatient } from './decision-repository.js';
import { findDataset } from './dataset-repository.js';
import { checkPeriod } from './domain/control-report.js';
import { buildPatientLog, type PatientLog } from './domain/patient-log.js';
import type { Lang } from './domain/patient-texts.js';
import { findPortalLink, insertPortalLink, recordPatientLogView } from './patient-log-repository.js';
import { audit, checkViewReason, loadDataset, type Origin, type ReviewContext } from './review-access.js';
import type { Dataset } from './types.js';
import { withWorkspace, workspaceDir } from './workspace-pool.js';
import { latestDay, patientEncounters, patientExists, patientLookups } from './workspace-queries.js';

export const PORTAL_LINK_DAYS = 7;
/** Without a period: the last 90 days up to the newest lookup in the dataset. */
export const DEFAULT_PERIOD_DAYS = 90;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

async function readLog(
  dataDir: string,
  db: Db,
  dataset: Dataset,
  patientId: string,
  period: { from?: string; to?: string },
  lang: Lang,
): Promise<PatientLog> {
  const dir = workspaceDir(dataDir, dataset.organisationId, dataset.id);
  const reviewed = await legitimateFindingsOfPatient(db, dataset.id, patientId);
  return withWorkspace(dir, { purpose: 'access log', waitMs: 5000 }, async (ws) => {
    if (!(await patientExists(ws.db, patientId)))
      throw new AppError('LOG_REVIEW_PATIENT_NOT_FOUND', 'No such patient in this dataset');
    const last = (await latestDay(ws.db)) ?? new Date().toISOString().slice(0, 10);
    const to = period.to ?? last;
    const from = period.from ?? shiftDay(to, -(DEFAULT_PERIOD_DAYS - 1));
    const checked = checkPeriod(from, to);
    const lookups = await patientLookups(ws, patientId, checked.from, checked.to);
    const encounters = await patientEncounters(ws, [patientId], checked.from, checked.to);
    return buildPatientLog({
      lang,
      periodFrom: checked.from,
      periodTo: checked.to,
      lookups,
      encounters,
      reviewedLegitimate: reviewed,
      showNames: dataset.patientLogNames,
    });
  });
}

export async function reviewerPatientLog(
  ctx: ReviewContext & { dataDir: string },
  datasetId: string,
  input: { patientId: string; from?: string; to?: string; lang: Lang; reason: string | undefined },
): Promise<PatientLog> {
  const reason = checkViewReason(input.reason);
  const dataset = await loadDataset(ctx, datasetId);
  await audit(
    ctx,
    'logreview.patient-log.view',
    { type: 'patient', id: input.patientId },
    { reason, datasetId: dataset.id, channel: 'reviewer' },
    'success',
    dataset.organisationId,
  );
  const log = await readLog(ctx.dataDir, ctx.db, dataset, input.patientId, input, input.lang);
  await recordPatientLogView(ctx.db, {
    datasetId: dataset.id,
    channel: 'reviewer',
    patientId: input.patientId,
    periodFrom: log.periodFrom,
    periodTo: log.periodTo,
    lookups: log.lookups,
    documented: log.documented,
    occasions: log.occasions.length,
    viewedBy: ctx.principal.userId,
    viewedAt: ctx.now,
  });
  return log;
}

export interface IssuedLink {
  readonly token: string;
  readonly path: string;
  readonly expiresAt: Date;
}

async function issueLink(
  db: Db,
  dataset: Dataset,
  patientId: string,
  period: { from: string; to: string },
  channel: 'reviewer' | 'demo',
  createdBy: string | null,
  now: Date,
): Promise<IssuedLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PORTAL_LINK_DAYS * 86400000);
  await insertPortalLink(db, {
    tokenHash: hashToken(token),
    datasetId: dataset.id,
    patientId,
    periodFrom: period.from,
    periodTo: period.to,
    channel,
    createdBy,
    createdAt: now,
    expiresAt,
  });
  return { token, path: `/patient-access-log#token=${token}`, expiresAt };
}

/** A log reviewer issues a portal link for a patient who asked for their access log. */
export async function createPortalLink(
  ctx: ReviewContext & { dataDir: string },
  datasetId: string,
  input: { patientId: string; from: string; to: string; reason: string | undefined },
): Promise<IssuedLink> {
  const reason = checkViewReason(input.reason);
  const dataset = await loadDataset(ctx, datasetId);
  const period = checkPeriod(input.from, input.to);
  const exists = await withWorkspace(
    workspaceDir(ctx.dataDir, dataset.organisationId, dataset.id),
    { purpose: 'access log', waitMs: 5000 },
    (ws) => patientExists(ws.db, input.patientId),
  );
  if (!exists) throw new AppError('LOG_REVIEW_PATIENT_NOT_FOUND', 'No such patient in this dataset');
  const link = await issueLink(ctx.db, dataset, input.patientId, period, 'reviewer', ctx.principal.userId, ctx.now);
  await audit(
    ctx,
    'logreview.portal-link.create',
    { type: 'patient', id: input.patientId },
    { reason, datasetId: dataset.id, period, expiresAt: link.expiresAt.toISOString() },
    'success',
    dataset.organisationId,
  );
  return link;
}

/** The patient portal page: the access log that a link gives, in the patient's language. */
export async function portalPatientLog(
  deps: { db: Db; dataDir: string; now: Date; origin: Origin },
  token: string | undefined,
  lang: Lang,
): Promise<PatientLog & { organisationName: string | null }> {
  const link =
    token && token.length >= 20 && token.length <= 200
      ? await findPortalLink(deps.db, hashToken(token), deps.now)
      : null;
  if (!link)
    throw new AppError(
      'LOG_REVIEW_PORTAL_LINK_INVALID',
      'This link is not valid or has expired; ask the hospital for a new one',
    );
  const dataset = await findDataset(deps.db, link.datasetId);
  if (!dataset) throw new AppError('LOG_REVIEW_PORTAL_LINK_INVALID', 'This link is not valid any more');
  const log = await readLog(
    deps.dataDir,
    deps.db,
    dataset,
    link.patientId,
    { from: link.periodFrom, to: link.periodTo },
    lang,
  );
  await recordPatientLogView(deps.db, {
    datasetId: dataset.id,
    channel: 'portal',
    patientId: link.patientId,
    periodFrom: log.periodFrom,
    periodTo: log.periodTo,
    lookups: log.lookups,
    documented: log.documented,
    occasions: log.occasions.length,
    viewedBy: null,
    viewedAt: deps.now,
  });
  await writeAuditEvent(deps.db, {
    at: deps.now,
    actorUserId: null,
    actorName: 'patient (portal link)',
    organisationId: dataset.organisationId,
    action: 'logreview.patient-log.view',
    objectType: 'patient',
    objectId: link.patientId,
    outcome: 'success',
    ip: deps.origin.ip,
    userAgent: deps.origin.userAgent,
    detail: { channel: 'portal', linkChannel: link.channel, datasetId: dataset.id, rows: log.lookups },
  });
  const organisation = await getOrganisationById(deps.db, dataset.organisationId);
  return { ...log, organisationName: organisation?.name ?? null };
}

/** Demo mode only: a link for the demo patient of the demo dataset. */
export async function demoPortalLink(
  db: Db,
  demo: { datasetId: string; patientId: string; from: string; to: string } | null,
  now: Date,
): Promise<IssuedLink> {
  const dataset = demo ? await findDataset(db, demo.datasetId) : null;
  if (!demo || !dataset) throw new AppError('NOT_FOUND', 'The demo access log is not set up');
  return issueLink(db, dataset, demo.patientId, { from: demo.from, to: demo.to }, 'demo', null, now);
}
