/**
 * The control report for a dataset and a period, as data (for the page) or as a PDF or XLSX file. The period is
 * the period of the lookups: how many were made and explained, the cases flagged among them and what has been
 * decided about them up to now, and the access logs of that period shown to patients. Control activity (runs,
 * rule changes) counts from the start of the period until the report is made, since review follows the lookups.
 */
import { buildXlsx, renderPdf } from '../../../platform/export/index.js';
import { getOrganisationById } from '../../identity/index.js';
import { countCases } from './case-repository.js';
import { decisionsOnCasesIn } from './decision-repository.js';
import { runsFinishedBetween } from './run-repository.js';
import { buildControlReport, checkPeriod, type ControlReport } from './domain/control-report.js';
import { controlReportPdf, controlReportSheets } from './domain/report-files.js';
import { reportTexts } from './domain/report-texts.js';
import type { Lang } from './domain/patient-texts.js';
import { patientLogTotals } from './patient-log-repository.js';
import { audit, loadDataset, type ReviewContext } from './review-access.js';
import { listRules, ruleEventsBetween } from './rule-repository.js';
import { withWorkspace, workspaceDir } from './workspace-pool.js';
import { dailyCounts } from './workspace-queries.js';

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86400000);

export async function controlReport(
  ctx: ReviewContext & { dataDir: string },
  datasetId: string,
  period: { from: string; to: string },
): Promise<ControlReport> {
  const dataset = await loadDataset(ctx, datasetId);
  const checked = checkPeriod(period.from, period.to);
  const from = dayStart(checked.from);
  const to = nextDay(checked.to);
  const daily = await withWorkspace(
    workspaceDir(ctx.dataDir, dataset.organisationId, dataset.id),
    { purpose: 'control report', waitMs: 5000 },
    (ws) => dailyCounts(ws.db, checked.from, checked.to),
  );
  const total = daily.reduce((s, d) => s + d.explained + d.unexplained, 0);
  const documented = daily.reduce((s, d) => s + d.explained, 0);
  const runs = await runsFinishedBetween(ctx.db, dataset.id, from, ctx.now);
  const ruleEvents = await ruleEventsBetween(ctx.db, dataset.organisationId, from, ctx.now);
  const organisation = await getOrganisationById(ctx.db, dataset.organisationId);
  return buildControlReport({
    organisationName: organisation?.name ?? dataset.organisationId,
    datasetName: dataset.name,
    period: checked,
    generatedAt: ctx.now,
    lookups: { total, documented },
    daily,
    runs: runs.map((r) => ({
      finishedAt: r.finishedAt ?? r.queuedAt,
      eventsAdded: r.summary?.eventsAdded ?? 0,
      findings: r.summary?.findings ?? 0,
      cases: r.summary?.cases ?? 0,
    })),
    casesFlagged: await countCases(ctx.db, dataset.id, { seenFrom: from, seenTo: to }),
    decisions: (await decisionsOnCasesIn(ctx.db, dataset.id, from, to)).map((d) => ({
      caseId: d.caseId,
      outcome: d.outcome,
      explanationKind: d.explanationKind,
      status: d.status,
      decidedAt: d.decidedAt,
      reviewedAt: d.reviewedAt,
      caseFlaggedAt: d.caseFlaggedAt,
    })),
    openCasesAtEnd: await countCases(ctx.db, dataset.id, { seenFrom: from, seenTo: to, status: 'open' }),
    pendingApprovalAtEnd: await countCases(ctx.db, dataset.id, {
      seenFrom: from,
      seenTo: to,
      status: 'pending_approval',
    }),
    rules: {
      active: (await listRules(ctx.db, dataset.organisationId, 'approved')).length,
      approvedInPeriod: ruleEvents.filter((e) => e.kind === 'approved').length,
      retiredInPeriod: ruleEvents.filter((e) => e.kind === 'retired').length,
    },
    patientLogs: await patientLogTotals(ctx.db, dataset.id, checked.from, checked.to),
    reviewCapacity: dataset.reviewCapacity,
  });
}

export interface ReportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer;
}

export async function controlReportFile(
  ctx: ReviewContext & { dataDir: string },
  datasetId: string,
  period: { from: string; to: string },
  format: 'pdf' | 'xlsx',
  lang: Lang,
): Promise<ReportFile> {
  const report = await controlReport(ctx, datasetId, period);
  const base = `${lang === 'nb' ? 'loggkontroll' : 'access-log-control'}-${report.inputs.period.from}-${report.inputs.period.to}`;
  await audit(
    ctx,
    'logreview.report.export',
    { type: 'dataset', id: datasetId },
    { format, lang, period: report.inputs.period },
  );
  if (format === 'pdf') {
    const { buffer } = await renderPdf(controlReportPdf(report, lang));
    return { fileName: `${base}.pdf`, contentType: 'application/pdf', body: buffer };
  }
  const body = await buildXlsx(controlReportSheets(report, lang), {
    createdAt: ctx.now,
    title: reportTexts[lang].title,
  });
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
