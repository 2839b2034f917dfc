/**
 * The sector report: compiled from a cycle's approved reports (a live preview for the strategy owner), published as
 * a frozen, dated snapshot with a content hash, and exported from the snapshot only. Trends use each earlier year's
 * latest publication (or its approved reports when none was published).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { getEdition } from '../catalogue/index.js';
import { canonicalJson, compileSectorReport, snapshotHash } from './compile-sector-report.js';
import {
  findSectorReport,
  insertSectorReport,
  latestSectorReportPerYear,
  listCycles,
  listSectorReports,
  nextSectorReportVersion,
} from './cycle-repository.js';
import { requireCycle } from './cycle-service.js';
import { findReports } from './report-repository.js';
import { canReadSectorReports, requireStrategyOwner } from './reporting-access.js';
import { auditReporting, type RequestOrigin } from './reporting-audit.js';
import type { ReportingDeps } from './reporting-deps.js';
import type { HistoricYear, PublishedSectorReport, SectorReportSnapshot } from './sector-report-types.js';

export async function loadHistory(deps: ReportingDeps, beforeYear: number): Promise<HistoricYear[]> {
  const published = new Map((await latestSectorReportPerYear(deps.db)).map((p) => [p.year, p]));
  const cycles = (await listCycles(deps.db)).filter((c) => c.year < beforeYear);
  const history: HistoricYear[] = [];
  for (const cycle of cycles) {
    const snapshot = published.get(cycle.year)?.snapshot;
    if (snapshot) {
      history.push({
        year: cycle.year,
        reports: snapshot.reports
          .filter((r) => r.approved)
          .map((r) => ({ measureId: r.measureId, actorId: r.actorId, areaId: r.areaId, status: r.status })),
      });
      continue;
    }
    const edition = await getEdition(deps.db, cycle.editionId);
    const approved = await findReports(deps.db, { cycleId: cycle.id, states: ['approved'] });
    history.push({
      year: cycle.year,
      reports: approved.map((r) => ({
        measureId: r.measureId,
        actorId: r.actorId,
        areaId: edition.measures.find((m) => m.id === r.measureId)?.areaId ?? '',
        status: r.status,
      })),
    });
  }
  return history.sort((a, b) => a.year - b.year);
}

export async function previewSectorReport(
  deps: ReportingDeps,
  principal: Principal,
  cycleId: string,
  now: Date,
): Promise<SectorReportSnapshot> {
  requireStrategyOwner(principal);
  const cycle = await requireCycle(deps, cycleId);
  const edition = await getEdition(deps.db, cycle.editionId);
  const reports = await findReports(deps.db, { cycleId });
  return compileSectorReport({
    cycle,
    edition,
    reports,
    history: await loadHistory(deps, cycle.year),
    compiledAt: now,
  });
}

export async function publishSectorReport(
  deps: ReportingDeps,
  principal: Principal,
  cycleId: string,
  now: Date,
  origin?: RequestOrigin,
): Promise<PublishedSectorReport> {
  const snapshot = await previewSectorReport(deps, principal, cycleId, now);
  if (snapshot.totals.approved === 0) {
    throw new AppError('SECTOR_REPORT_EMPTY', 'No report in this cycle is approved yet: there is nothing to publish');
  }
  const contentHash = snapshotHash(snapshot);
  return deps.db.transaction().execute(async (trx) => {
    const version = await nextSectorReportVersion(trx, cycleId);
    const published: PublishedSectorReport = {
      id: randomUUID(),
      cycleId,
      year: snapshot.year,
      version,
      title: `Statusrapport for tiltakene i strategi for digital sikkerhet ${snapshot.year}`,
      publishedAt: now,
      publishedBy: principal.displayName,
      contentHash,
      snapshot,
    };
    await insertSectorReport(trx, published, canonicalJson(snapshot));
    await auditReporting(trx, {
      principal,
      action: 'reporting.sector-report-publish',
      objectType: 'sector-report',
      objectId: published.id,
      at: now,
      detail: { year: snapshot.year, version, contentHash, approved: snapshot.totals.approved },
      origin,
    });
    return published;
  });
}

export async function listPublished(deps: ReportingDeps, principal: Principal, cycleId?: string) {
  if (!canReadSectorReports(principal)) throw new AppError('FORBIDDEN', 'Your role does not allow this');
  return listSectorReports(deps.db, cycleId);
}

/** A published report, checked against its content hash (a changed row in the database is detected, not served). */
export async function getPublished(
  deps: ReportingDeps,
  principal: Principal,
  id: string,
): Promise<PublishedSectorReport> {
  if (!canReadSectorReports(principal)) throw new AppError('FORBIDDEN', 'Your role does not allow this');
  const report = await findSectorReport(deps.db, id);
  if (!report) throw new AppError('SECTOR_REPORT_NOT_FOUND', 'No such published sector report');
  if (snapshotHash(report.snapshot) !== report.contentHash) {
    throw new AppError('SECTOR_REPORT_INTEGRITY', 'The stored sector report does not match its content hash');
  }
  return report;
}

export async function recordExport(
  deps: ReportingDeps,
  principal: Principal,
  report: PublishedSectorReport,
  format: string,
  now: Date,
  origin?: RequestOrigin,
): Promise<void> {
  await auditReporting(deps.db, {
    principal,
    action: 'report.export',
    objectType: 'sector-report',
    objectId: report.id,
    at: now,
    detail: { year: report.year, version: report.version, format, contentHash: report.contentHash },
    origin,
  });
}
