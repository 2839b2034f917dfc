/**
 * Status reports: reading (scoped to what the principal may see), editing, and moving through review. Every change
 * is checked by the workflow, saved with optimistic locking (the caller names the revision it edited) and kept as
 * a revision with the full content, so the history shows who changed what and when.
 */
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { compareMeasureIds, getEdition } from '../catalogue/index.js';
import { findCycle } from './cycle-repository.js';
import { reportReturnedMail } from './mail-messages.js';
import { notifyActor } from './notify-actor.js';
import { applyPatch, changedFields, missingForSubmit, type ContentPatch } from './report-content.js';
import {
  findReport,
  findReports,
  insertRevision,
  listRevisions,
  updateReport,
  type ReportFilter,
} from './report-repository.js';
import { presentReport, type ReportView } from './report-view.js';
import { availableActions, decide, type WorkflowAction } from './report-workflow.js';
import {
  canReadReport,
  isMinistryReader,
  isStrategyOwner,
  ownActorIds,
  requireReadableReport,
  writesReport,
} from './reporting-access.js';
import { auditReporting, type RequestOrigin } from './reporting-audit.js';
import type { ReportingDeps } from './reporting-deps.js';
import type { ReportAction, ReportContent, ReportRevision, StatusReport } from './types.js';

/** The reports the principal may see, narrowed by the filter. */
/** Newest year first, then measures in natural order (1.2 before 1.10), then actor. */
const byYearMeasureActor = (a: StatusReport, b: StatusReport) =>
  b.year - a.year || compareMeasureIds(a.measureId, b.measureId) || a.actorId.localeCompare(b.actorId);

/** The reports the principal may see, narrowed by the filter. */
export async function listVisibleReports(
  deps: ReportingDeps,
  principal: Principal,
  filter: Omit<ReportFilter, 'ids' | 'anyActorIds'>,
): Promise<StatusReport[]> {
  if (isStrategyOwner(principal)) return (await findReports(deps.db, filter)).sort(byYearMeasureActor);
  const own = ownActorIds(principal);
  const mine = own.length > 0 ? await findReports(deps.db, { ...filter, anyActorIds: own }) : [];
  if (!isMinistryReader(principal)) return mine.sort(byYearMeasureActor);
  const states = (filter.states ?? ['approved']).filter((s) => s === 'approved');
  const approved = await findReports(deps.db, { ...filter, states });
  const seen = new Set(mine.map((r) => r.id));
  return [...mine, ...approved.filter((r) => !seen.has(r.id))].sort(byYearMeasureActor);
}

async function loadReadable(deps: ReportingDeps, principal: Principal, id: string): Promise<StatusReport> {
  return requireReadableReport(principal, await findReport(deps.db, id));
}

export async function getReportView(deps: ReportingDeps, principal: Principal, id: string): Promise<ReportView> {
  const report = await loadReadable(deps, principal, id);
  const cycle = await findCycle(deps.db, report.cycleId);
  const edition = await getEdition(deps.db, report.editionId);
  const earlier = (await findReports(deps.db, { measureId: report.measureId, actorId: report.actorId })).filter(
    (r) => r.year < report.year && canReadReport(principal, r) && r.state === 'approved',
  );
  const actions = availableActions(
    { state: report.state, cycleOpen: cycle?.state === 'open', submittedBy: report.submittedBy },
    {
      userId: principal.userId,
      isReporter: writesReport(principal, report),
      isStrategyOwner: isStrategyOwner(principal),
    },
  );
  return presentReport(edition, report, { cycle, actions, earlier });
}

export async function getReportHistory(
  deps: ReportingDeps,
  principal: Principal,
  id: string,
): Promise<ReportRevision[]> {
  await loadReadable(deps, principal, id);
  return listRevisions(deps.db, id);
}

interface ChangeRequest {
  readonly action: WorkflowAction;
  readonly expectedRevision?: number | undefined;
  readonly patch?: ContentPatch;
  readonly comment?: string | undefined;
}

/** Applies one workflow action to a report; the one path every change goes through. */
export async function changeReport(
  deps: ReportingDeps,
  principal: Principal,
  id: string,
  request: ChangeRequest,
  now: Date,
  origin?: RequestOrigin,
): Promise<StatusReport> {
  const report = await loadReadable(deps, principal, id);
  const cycle = await findCycle(deps.db, report.cycleId);
  const decision = decide(
    request.action,
    { state: report.state, cycleOpen: cycle?.state === 'open', submittedBy: report.submittedBy },
    {
      userId: principal.userId,
      isReporter: writesReport(principal, report),
      isStrategyOwner: isStrategyOwner(principal),
    },
  );
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
  if (request.expectedRevision !== undefined && request.expectedRevision !== report.revision) {
    throw new AppError(
      'REPORT_REVISION_CONFLICT',
      'The report was changed by someone else since you opened it: reload it',
      [{ field: 'expectedRevision', message: `the report is at revision ${report.revision}` }],
    );
  }
  const content: ReportContent = request.patch ? applyPatch(report, request.patch) : report;
  const comment = request.comment?.trim() ?? '';
  if (request.action === 'return' && !comment) {
    throw new AppError('VALIDATION_FAILED', 'Say why the report is returned', [
      { field: 'comment', message: 'a comment is required' },
    ]);
  }
  if (request.action === 'submit') {
    const missing = missingForSubmit(content);
    if (missing.length > 0) throw new AppError('REPORT_INCOMPLETE', 'The report is not complete', missing);
  }
  const changed = changedFields(report, content);
  if (request.action === 'edit' && changed.length === 0) return report;
  const next: StatusReport = {
    ...report,
    ...content,
    state: decision.to,
    revision: report.revision + 1,
    updatedAt: now,
    updatedBy: principal.displayName,
    reviewComment: request.action === 'return' ? comment : request.action === 'approve' ? null : report.reviewComment,
    ...(request.action === 'submit' ? { submittedAt: now, submittedBy: principal.userId } : {}),
    ...(request.action === 'approve' ? { approvedAt: now, approvedBy: principal.displayName } : {}),
    ...(request.action === 'return' ? { approvedAt: null, approvedBy: null } : {}),
  };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateReport(trx, next, report.revision))) {
      throw new AppError(
        'REPORT_REVISION_CONFLICT',
        'The report was changed by someone else at the same time: reload it',
      );
    }
    await insertRevision(trx, {
      reportId: id,
      revision: next.revision,
      at: now,
      authorUserId: principal.userId === 'system' ? null : principal.userId,
      authorName: principal.displayName,
      action: request.action satisfies ReportAction,
      state: next.state,
      comment: comment || null,
      changedFields: changed,
      content,
    });
    if (request.action === 'return' || request.action === 'approve') {
      const edition = await getEdition(trx, report.editionId);
      const measure = edition.measures.find((m) => m.id === report.measureId);
      await notifyActor(trx, {
        actorId: report.reporterActorId,
        cycleId: report.cycleId,
        reportId: id,
        kind: request.action === 'return' ? 'report-returned' : 'report-approved',
        params: { year: report.year, measureId: report.measureId, comment: comment || null },
        mail:
          request.action === 'return'
            ? reportReturnedMail({
                year: report.year,
                measureId: report.measureId,
                measureTitle: measure?.title ?? '',
                comment,
                link: `${deps.publicUrl}/reporting/reports/${id}`,
              })
            : null,
        extraEmails: report.contact.email ? [report.contact.email] : [],
        at: now,
      });
      await auditReporting(trx, {
        principal,
        action: `reporting.report-${request.action}`,
        objectType: 'status-report',
        objectId: id,
        at: now,
        detail: { measure: report.measureId, actor: report.actorId, year: report.year },
        origin,
      });
    }
  });
  return next;
}
