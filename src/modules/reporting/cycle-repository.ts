/** SQL for reporting cycles and published sector reports. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { PublishedSectorReport, SectorReportSnapshot } from './sector-report-types.js';
import type { CycleTable, SectorReportTable } from './tables.js';
import type { CycleState, ReminderPolicy, ReportingCycle, UnplacedMeasure } from './types.js';

type Q = Kysely<Database>;
const json = (value: unknown) => JSON.stringify(value);

function toCycle(row: Selectable<CycleTable>): ReportingCycle {
  return {
    id: row.id,
    year: row.year,
    editionId: row.edition_id,
    dueDate: row.due_date,
    state: row.state as CycleState,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    closedAt: row.closed_at,
    delegations: row.delegations,
    reminderPolicy: row.reminder_policy as ReminderPolicy,
    gap: row.gap as UnplacedMeasure[],
  };
}

export async function insertCycle(db: Q, cycle: ReportingCycle): Promise<void> {
  await db
    .insertInto('reporting_cycle')
    .values({
      id: cycle.id,
      year: cycle.year,
      edition_id: cycle.editionId,
      due_date: cycle.dueDate,
      state: cycle.state,
      opened_at: cycle.openedAt.toISOString(),
      opened_by: cycle.openedBy,
      closed_at: cycle.closedAt?.toISOString() ?? null,
      delegations: json(cycle.delegations),
      reminder_policy: json(cycle.reminderPolicy),
      gap: json(cycle.gap),
    })
    .execute();
}

export async function findCycle(db: Q, id: string): Promise<ReportingCycle | null> {
  const row = await db.selectFrom('reporting_cycle').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCycle(row) : null;
}

export async function findCycleByYear(db: Q, year: number): Promise<ReportingCycle | null> {
  const row = await db.selectFrom('reporting_cycle').selectAll().where('year', '=', year).executeTakeFirst();
  return row ? toCycle(row) : null;
}

export async function listCycles(db: Q): Promise<ReportingCycle[]> {
  const rows = await db.selectFrom('reporting_cycle').selectAll().orderBy('year', 'desc').execute();
  return rows.map(toCycle);
}

export async function updateCycle(
  db: Q,
  id: string,
  change: { state?: CycleState; closedAt?: Date | null; dueDate?: string },
): Promise<void> {
  await db
    .updateTable('reporting_cycle')
    .set({
      ...(change.state ? { state: change.state } : {}),
      ...(change.closedAt !== undefined ? { closed_at: change.closedAt?.toISOString() ?? null } : {}),
      ...(change.dueDate ? { due_date: change.dueDate } : {}),
    })
    .where('id', '=', id)
    .execute();
}

function toSectorReport(row: Selectable<SectorReportTable>): PublishedSectorReport {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    year: row.year,
    version: row.version,
    title: row.title,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    contentHash: row.content_hash,
    snapshot: row.snapshot as SectorReportSnapshot,
  };
}

export async function insertSectorReport(db: Q, report: PublishedSectorReport, snapshotJson: string): Promise<void> {
  await db
    .insertInto('reporting_sector_report')
    .values({
      id: report.id,
      cycle_id: report.cycleId,
      year: report.year,
      version: report.version,
      title: report.title,
      published_at: report.publishedAt.toISOString(),
      published_by: report.publishedBy,
      content_hash: report.contentHash,
      snapshot: snapshotJson,
    })
    .execute();
}

export async function nextSectorReportVersion(db: Q, cycleId: string): Promise<number> {
  const row = await db
    .selectFrom('reporting_sector_report')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function findSectorReport(db: Q, id: string): Promise<PublishedSectorReport | null> {
  const row = await db.selectFrom('reporting_sector_report').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSectorReport(row) : null;
}

/** Without the snapshots: the list of publications, newest first. */
export async function listSectorReports(db: Q, cycleId?: string): Promise<Omit<PublishedSectorReport, 'snapshot'>[]> {
  const rows = await db
    .selectFrom('reporting_sector_report')
    .select(['id', 'cycle_id', 'year', 'version', 'title', 'published_at', 'published_by', 'content_hash'])
    .$if(cycleId !== undefined, (q) => q.where('cycle_id', '=', cycleId ?? ''))
    .orderBy('year', 'desc')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    cycleId: row.cycle_id,
    year: row.year,
    version: row.version,
    title: row.title,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    contentHash: row.content_hash,
  }));
}

/** The newest publication of each year, with snapshots, oldest year first. */
export async function latestSectorReportPerYear(db: Q): Promise<PublishedSectorReport[]> {
  const rows = await db
    .selectFrom('reporting_sector_report')
    .selectAll()
    .orderBy('year', 'asc')
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.year) && seen.add(r.year)).map(toSectorReport);
}
