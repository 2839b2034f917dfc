/**
 * Compiles the sector report from a cycle's reports: approved reports carry their content; every other expected
 * report is counted as missing with the state it was in. Status by area, by actor and overall, the year-over-year
 * change per measure and actor, trends from earlier years, and the gap (measures nobody is responsible for).
 * Pure: the caller passes the edition, the reports, the history and the time.
 */
import { createHash } from 'node:crypto';
import type { CatalogueEdition } from '../catalogue/index.js';
import type {
  GroupSummary,
  HistoricYear,
  SectorReportSnapshot,
  SnapshotReport,
  StatusCounts,
  TrendPoint,
} from './sector-report-types.js';
import { isInPlace, statusChange, type StatusChange } from './status-scale.js';
import { implementationStatuses, type ImplementationStatus, type ReportingCycle, type StatusReport } from './types.js';

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(implementationStatuses.map((s) => [s, 0])) as StatusCounts;
}

function count(statuses: readonly (ImplementationStatus | null)[]): StatusCounts {
  const counts = emptyCounts();
  for (const status of statuses) if (status) counts[status]++;
  return counts;
}

function inPlaceShare(statuses: readonly (ImplementationStatus | null)[]): number | null {
  const known = statuses.filter((s): s is ImplementationStatus => s !== null);
  if (known.length === 0) return null;
  return Math.round((known.filter(isInPlace).length / known.length) * 1000) / 10;
}

function trendPoint(year: number, statuses: readonly (ImplementationStatus | null)[]): TrendPoint {
  const known = statuses.filter((s) => s !== null);
  return { year, approved: known.length, counts: count(known), inPlaceShare: inPlaceShare(known) };
}

function summarise(id: string, name: string, rows: readonly SnapshotReport[]): GroupSummary {
  const statuses = rows.filter((r) => r.approved).map((r) => r.status);
  return {
    id,
    name,
    expected: rows.length,
    approved: statuses.length,
    counts: count(statuses),
    inPlaceShare: inPlaceShare(statuses),
  };
}

function snapshotRow(
  edition: CatalogueEdition,
  report: StatusReport,
  previous: ImplementationStatus | null,
): SnapshotReport {
  const measure = edition.measures.find((m) => m.id === report.measureId);
  const area = edition.areas.find((a) => a.id === measure?.areaId);
  const actorName = (id: string) => edition.actors.find((a) => a.id === id)?.name ?? id;
  const approved = report.state === 'approved';
  return {
    measureId: report.measureId,
    measureTitle: measure?.title ?? report.measureId,
    measureKind: measure?.kind ?? 'new',
    areaId: area?.id ?? '',
    areaName: area?.name ?? '',
    actorId: report.actorId,
    actorName: actorName(report.actorId),
    reporterActorId: report.reporterActorId,
    reporterActorName: actorName(report.reporterActorId),
    state: report.state,
    approved,
    status: approved ? report.status : null,
    progress: approved ? report.progress : '',
    contribution: approved ? report.contribution : { level: 'not-assessed', text: '' },
    indicators: approved ? report.indicators : [],
    nextSteps: approved ? report.nextSteps : '',
    blockers: approved ? report.blockers : '',
    contact: approved ? report.contact : { name: '', email: '', phone: '' },
    evidence: approved
      ? report.evidence.map((e) => ({
          kind: e.kind,
          title: e.title,
          url: e.url,
          fileName: e.fileName,
          mediaType: e.mediaType,
          sizeBytes: e.sizeBytes,
        }))
      : [],
    approvedAt: approved && report.approvedAt ? report.approvedAt.toISOString() : null,
    previousStatus: previous,
    change: statusChange(previous, approved ? report.status : null),
  };
}

const byMeasureThenActor = (a: SnapshotReport, b: SnapshotReport, order: Map<string, number>) =>
  (order.get(a.measureId) ?? 0) - (order.get(b.measureId) ?? 0) || a.actorName.localeCompare(b.actorName, 'nb');

export function compileSectorReport(input: {
  readonly cycle: ReportingCycle;
  readonly edition: CatalogueEdition;
  readonly reports: readonly StatusReport[];
  readonly history: readonly HistoricYear[];
  readonly compiledAt: Date;
}): SectorReportSnapshot {
  const { cycle, edition, reports } = input;
  const history = [...input.history].filter((h) => h.year < cycle.year).sort((a, b) => a.year - b.year);
  const lastYear = history.at(-1);
  const previousStatus = new Map(lastYear?.reports.map((r) => [`${r.measureId}|${r.actorId}`, r.status]) ?? []);
  const measureOrder = new Map(edition.measures.map((m, i) => [m.id, i]));
  const rows = reports
    .map((r) => snapshotRow(edition, r, previousStatus.get(`${r.measureId}|${r.actorId}`) ?? null))
    .sort((a, b) => byMeasureThenActor(a, b, measureOrder));
  const approved = rows.filter((r) => r.approved);
  const areas = edition.areas.map((area) => ({
    ...summarise(
      area.id,
      area.name,
      rows.filter((r) => r.areaId === area.id),
    ),
    goal: area.goal,
  }));
  const actorIds = [...new Set(rows.map((r) => r.actorId))];
  const actors = edition.actors
    .filter((a) => actorIds.includes(a.id))
    .map((a) => ({
      ...summarise(
        a.id,
        a.name,
        rows.filter((r) => r.actorId === a.id),
      ),
      shortName: a.shortName,
    }));
  const changes = Object.fromEntries(
    (['new', 'improved', 'unchanged', 'worsened', 'stopped', 'missing'] as StatusChange[]).map((c) => [
      c,
      rows.filter((r) => r.change === c).length,
    ]),
  ) as Record<StatusChange, number>;
  const trend = [
    ...history.map((h) =>
      trendPoint(
        h.year,
        h.reports.map((r) => r.status),
      ),
    ),
    trendPoint(
      cycle.year,
      approved.map((r) => r.status),
    ),
  ];
  const areaTrend = edition.areas.map((area) => ({
    id: area.id,
    name: area.name,
    points: [
      ...history.map((h) =>
        trendPoint(
          h.year,
          h.reports.filter((r) => r.areaId === area.id).map((r) => r.status),
        ),
      ),
      trendPoint(
        cycle.year,
        approved.filter((r) => r.areaId === area.id).map((r) => r.status),
      ),
    ],
  }));
  return {
    schemaVersion: 1,
    year: cycle.year,
    cycleId: cycle.id,
    editionId: edition.edition.id,
    editionTitle: edition.edition.title,
    dueDate: cycle.dueDate,
    compiledAt: input.compiledAt.toISOString(),
    totals: {
      expected: rows.length,
      approved: approved.length,
      missing: rows.length - approved.length,
      measures: edition.measures.filter((m) => m.status === 'active').length,
      unplaced: cycle.gap.length,
    },
    overall: count(approved.map((r) => r.status)),
    byArea: areas,
    byActor: actors,
    reports: rows,
    gap: cycle.gap,
    trend,
    areaTrend,
    changes,
  };
}

/** JSON with object keys in sorted order, so equal content always gives the same text and hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function snapshotHash(snapshot: SectorReportSnapshot): string {
  return `sha256:${createHash('sha256').update(canonicalJson(snapshot)).digest('hex')}`;
}
