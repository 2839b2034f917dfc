/**
 * Dashboards. The ministry reader's status dashboard is built from published sector reports only (what was
 * officially reported), with the open cycle's progress as counts; the measure owner's to-do list is its own
 * actors' reports in open cycles, most urgent first, with its notifications.
 */
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { getEdition } from '../catalogue/index.js';
import { latestSectorReportPerYear, listCycles } from './cycle-repository.js';
import { findNotificationActor, listNotifications, markNotificationRead } from './notify-repository.js';
import { calendarDate, daysBetween } from './reminders.js';
import { findReports } from './report-repository.js';
import { summariseReport, type ReportSummary } from './report-view.js';
import { isMinistryReader, isStrategyOwner, ownActorIds } from './reporting-access.js';
import type { ReportingDeps } from './reporting-deps.js';
import type { GroupSummary, SectorReportSnapshot, TrendPoint } from './sector-report-types.js';
import { reportStates, type ReportState } from './types.js';

export interface StatusDashboard {
  readonly published: {
    id: string;
    year: number;
    version: number;
    publishedAt: Date;
    approved: number;
    expected: number;
    inPlaceShare: number | null;
  }[];
  readonly latest: {
    readonly year: number;
    readonly reportId: string;
    readonly overall: SectorReportSnapshot['overall'];
    readonly byArea: GroupSummary[];
    readonly byActor: GroupSummary[];
    readonly gap: SectorReportSnapshot['gap'];
    readonly changes: SectorReportSnapshot['changes'];
    readonly totals: SectorReportSnapshot['totals'];
  } | null;
  /** One point per published year (that year's own figures), oldest first. */
  readonly trend: TrendPoint[];
  readonly areaTrend: { id: string; name: string; points: TrendPoint[] }[];
  readonly openCycles: {
    id: string;
    year: number;
    dueDate: string;
    daysLeft: number;
    total: number;
    counts: Record<ReportState, number>;
  }[];
}

export async function statusDashboard(deps: ReportingDeps, principal: Principal, now: Date): Promise<StatusDashboard> {
  if (!isMinistryReader(principal) && !isStrategyOwner(principal))
    throw new AppError('FORBIDDEN', 'Your role does not allow this');
  const publications = await latestSectorReportPerYear(deps.db);
  const last = publications.at(-1);
  const trend = publications.map((p) => p.snapshot.trend.at(-1)).filter((t): t is TrendPoint => t !== undefined);
  const areaIds = last ? last.snapshot.areaTrend.map((a) => ({ id: a.id, name: a.name })) : [];
  const areaTrend = areaIds.map((area) => ({
    ...area,
    points: publications
      .map((p) => p.snapshot.areaTrend.find((a) => a.id === area.id)?.points.at(-1))
      .filter((t): t is TrendPoint => t !== undefined),
  }));
  const openCycles = [];
  for (const cycle of (await listCycles(deps.db)).filter((c) => c.state === 'open')) {
    const reports = await findReports(deps.db, { cycleId: cycle.id });
    openCycles.push({
      id: cycle.id,
      year: cycle.year,
      dueDate: cycle.dueDate,
      daysLeft: daysBetween(calendarDate(now), cycle.dueDate),
      total: reports.length,
      counts: Object.fromEntries(reportStates.map((s) => [s, reports.filter((r) => r.state === s).length])) as Record<
        ReportState,
        number
      >,
    });
  }
  return {
    published: [...publications].reverse().map((p) => ({
      id: p.id,
      year: p.year,
      version: p.version,
      publishedAt: p.publishedAt,
      approved: p.snapshot.totals.approved,
      expected: p.snapshot.totals.expected,
      inPlaceShare: p.snapshot.trend.at(-1)?.inPlaceShare ?? null,
    })),
    latest: last
      ? {
          year: last.year,
          reportId: last.id,
          overall: last.snapshot.overall,
          byArea: last.snapshot.byArea,
          byActor: last.snapshot.byActor,
          gap: last.snapshot.gap,
          changes: last.snapshot.changes,
          totals: last.snapshot.totals,
        }
      : null,
    trend,
    areaTrend,
    openCycles,
  };
}

const urgency: Record<ReportState, number> = { returned: 0, draft: 1, submitted: 2, approved: 3 };

export interface TodoItem extends ReportSummary {
  readonly dueDate: string;
  readonly daysLeft: number;
}

export async function myTodo(deps: ReportingDeps, principal: Principal, now: Date) {
  const own = ownActorIds(principal);
  if (own.length === 0) throw new AppError('FORBIDDEN', 'Only measure owners have a reporting to-do list');
  const open = (await listCycles(deps.db)).filter((c) => c.state === 'open');
  const items: TodoItem[] = [];
  for (const cycle of open) {
    const edition = await getEdition(deps.db, cycle.editionId);
    const reports = await findReports(deps.db, { cycleId: cycle.id, anyActorIds: own });
    const daysLeft = daysBetween(calendarDate(now), cycle.dueDate);
    for (const r of reports.filter((x) => own.includes(x.reporterActorId))) {
      items.push({ ...summariseReport(edition, r), dueDate: cycle.dueDate, daysLeft });
    }
  }
  items.sort(
    (a, b) =>
      urgency[a.state] - urgency[b.state] ||
      a.daysLeft - b.daysLeft ||
      a.measure.id.localeCompare(b.measure.id, 'nb', { numeric: true }),
  );
  const notifications = await listNotifications(deps.db, own, principal.userId, 30);
  return {
    items,
    counts: Object.fromEntries(reportStates.map((s) => [s, items.filter((i) => i.state === s).length])) as Record<
      ReportState,
      number
    >,
    notifications,
    unread: notifications.filter((n) => n.readAt === null).length,
  };
}

export async function readNotifications(deps: ReportingDeps, principal: Principal, limit = 30) {
  return listNotifications(deps.db, ownActorIds(principal), principal.userId, limit);
}

export async function markRead(deps: ReportingDeps, principal: Principal, id: number, now: Date): Promise<void> {
  const actorId = await findNotificationActor(deps.db, id);
  if (!actorId || !ownActorIds(principal).includes(actorId)) throw new AppError('NOT_FOUND', 'No such notification');
  await markNotificationRead(deps.db, id, principal.userId, now);
}
