/**
 * Evidence on a status report: https links and uploaded files. Adding or removing evidence is an edit of the report
 * (same rights, same workflow check) and is kept in its history. Files are stored under VARDE_DATA_DIR/evidence
 * with random names; removed files stay on disk so the history can still show what was there.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { findCycle } from './cycle-repository.js';
import { checkEvidenceFile, cleanFileName } from './evidence-files.js';
import { checkHttpsUrl, limits } from './report-content.js';
import {
  findEvidence,
  findReport,
  insertEvidence,
  insertRevision,
  markEvidenceRemoved,
  updateReport,
} from './report-repository.js';
import { decide } from './report-workflow.js';
import { isStrategyOwner, requireReadableReport, writesReport } from './reporting-access.js';
import { auditReporting, type RequestOrigin } from './reporting-audit.js';
import type { ReportingDeps } from './reporting-deps.js';
import type { Evidence, StatusReport } from './types.js';

/** The report when the principal may change its evidence now; otherwise the same refusal as for an edit. */
export async function loadEditable(deps: ReportingDeps, principal: Principal, reportId: string): Promise<StatusReport> {
  const report = requireReadableReport(principal, await findReport(deps.db, reportId));
  const cycle = await findCycle(deps.db, report.cycleId);
  const decision = decide(
    'edit',
    { state: report.state, cycleOpen: cycle?.state === 'open', submittedBy: report.submittedBy },
    {
      userId: principal.userId,
      isReporter: writesReport(principal, report),
      isStrategyOwner: isStrategyOwner(principal),
    },
  );
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
  return report;
}

async function recordChange(
  deps: ReportingDeps,
  principal: Principal,
  report: StatusReport,
  action: 'add-evidence' | 'remove-evidence',
  comment: string,
  now: Date,
  write: (trx: ReportingDeps['db']) => Promise<void>,
): Promise<void> {
  const next: StatusReport = {
    ...report,
    revision: report.revision + 1,
    updatedAt: now,
    updatedBy: principal.displayName,
  };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateReport(trx, next, report.revision))) {
      throw new AppError(
        'REPORT_REVISION_CONFLICT',
        'The report was changed by someone else at the same time: reload it',
      );
    }
    await write(trx);
    await insertRevision(trx, {
      reportId: report.id,
      revision: next.revision,
      at: now,
      authorUserId: principal.userId,
      authorName: principal.displayName,
      action,
      state: report.state,
      comment,
      changedFields: ['evidence'],
      content: report,
    });
  });
}

function checkTitle(title: string, fallback: string): string {
  const clean = title.trim() || fallback;
  if (clean.length > limits.name) {
    throw new AppError('VALIDATION_FAILED', 'The title is too long', [
      { field: 'title', message: `at most ${limits.name} characters` },
    ]);
  }
  return clean;
}

export async function addEvidenceLink(
  deps: ReportingDeps,
  principal: Principal,
  reportId: string,
  input: { title: string; url: string },
  now: Date,
): Promise<Evidence> {
  const report = await loadEditable(deps, principal, reportId);
  const url = checkHttpsUrl(input.url);
  const evidence: Evidence = {
    id: randomUUID(),
    kind: 'link',
    title: checkTitle(input.title, new URL(url).hostname),
    url,
    fileName: null,
    mediaType: null,
    sizeBytes: null,
    sha256: null,
    addedAt: now,
    addedBy: principal.displayName,
  };
  await recordChange(deps, principal, report, 'add-evidence', `${evidence.title} (${url})`, now, (trx) =>
    insertEvidence(trx, { ...evidence, reportId, storedName: null }),
  );
  return evidence;
}

export async function addEvidenceFile(
  deps: ReportingDeps,
  principal: Principal,
  reportId: string,
  input: { title: string; fileName: string; bytes: Buffer },
  now: Date,
): Promise<Evidence> {
  const report = await loadEditable(deps, principal, reportId);
  const fileName = cleanFileName(input.fileName);
  const { mediaType } = checkEvidenceFile(input.bytes, fileName);
  const storedName = randomBytes(16).toString('hex');
  await fs.mkdir(deps.evidenceDir, { recursive: true, mode: 0o700 });
  await fs.writeFile(path.join(deps.evidenceDir, storedName), input.bytes, { flag: 'wx', mode: 0o600 });
  const evidence: Evidence = {
    id: randomUUID(),
    kind: 'file',
    title: checkTitle(input.title, fileName),
    url: null,
    fileName,
    mediaType,
    sizeBytes: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    addedAt: now,
    addedBy: principal.displayName,
  };
  try {
    await recordChange(deps, principal, report, 'add-evidence', `${evidence.title} (${fileName})`, now, (trx) =>
      insertEvidence(trx, { ...evidence, reportId, storedName }),
    );
  } catch (error) {
    await fs.rm(path.join(deps.evidenceDir, storedName), { force: true });
    throw error;
  }
  return evidence;
}

export async function removeEvidence(
  deps: ReportingDeps,
  principal: Principal,
  reportId: string,
  evidenceId: string,
  now: Date,
): Promise<void> {
  const report = await loadEditable(deps, principal, reportId);
  const evidence = await findEvidence(deps.db, reportId, evidenceId);
  if (!evidence || evidence.removedAt) throw new AppError('EVIDENCE_NOT_FOUND', 'No such evidence on this report');
  await recordChange(deps, principal, report, 'remove-evidence', evidence.title, now, (trx) =>
    markEvidenceRemoved(trx, evidenceId, now),
  );
}

/** An evidence file's bytes for a reader of the report; the download is recorded in the audit trail. */
export async function readEvidenceFile(
  deps: ReportingDeps,
  principal: Principal,
  reportId: string,
  evidenceId: string,
  now: Date,
  origin?: RequestOrigin,
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  requireReadableReport(principal, await findReport(deps.db, reportId));
  const evidence = await findEvidence(deps.db, reportId, evidenceId);
  if (!evidence || evidence.kind !== 'file' || !evidence.storedName) {
    throw new AppError('EVIDENCE_NOT_FOUND', 'No such evidence file on this report');
  }
  const bytes = await fs.readFile(path.join(deps.evidenceDir, evidence.storedName)).catch(() => null);
  if (!bytes) throw new AppError('EVIDENCE_NOT_FOUND', 'The evidence file is missing from storage');
  await auditReporting(deps.db, {
    principal,
    action: 'reporting.evidence-download',
    objectType: 'evidence',
    objectId: evidenceId,
    at: now,
    detail: { report: reportId, fileName: evidence.fileName },
    origin,
  });
  return { fileName: evidence.fileName ?? 'fil', mediaType: evidence.mediaType ?? 'application/octet-stream', bytes };
}
