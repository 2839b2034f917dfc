/** SQL for status reports, their revisions and their evidence. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { EvidenceTable, StatusReportTable } from './tables.js';
import type {
  Contact,
  ContributionLevel,
  Evidence,
  EvidenceKind,
  ImplementationStatus,
  Indicator,
  ReportAction,
  ReportContent,
  ReportRevision,
  ReportState,
  StatusReport,
} from './types.js';

type Q = Kysely<Database>;
const json = (value: unknown) => JSON.stringify(value);

type ReportRow = Selectable<StatusReportTable> & { year: number; edition_id: string };

function toEvidence(row: Selectable<EvidenceTable>): Evidence {
  return {
    id: row.id,
    kind: row.kind as EvidenceKind,
    title: row.title,
    url: row.url,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    addedAt: row.added_at,
    addedBy: row.added_by,
  };
}

function toReport(row: ReportRow, evidence: Evidence[]): StatusReport {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    year: row.year,
    editionId: row.edition_id,
    measureId: row.measure_id,
    actorId: row.actor_id,
    reporterActorId: row.reporter_actor_id,
    state: row.state as ReportState,
    status: row.status as ImplementationStatus | null,
    progress: row.progress,
    contribution: { level: row.contribution_level as ContributionLevel, text: row.contribution_text },
    indicators: row.indicators as Indicator[],
    nextSteps: row.next_steps,
    blockers: row.blockers,
    contact: row.contact as Contact,
    reviewComment: row.review_comment,
    revision: row.revision,
    evidence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
  };
}

export function contentColumns(content: ReportContent) {
  return {
    status: content.status,
    progress: content.progress,
    contribution_level: content.contribution.level,
    contribution_text: content.contribution.text,
    indicators: json(content.indicators),
    next_steps: content.nextSteps,
    blockers: content.blockers,
    contact: json(content.contact),
  };
}

export interface NewReport {
  readonly id: string;
  readonly cycleId: string;
  readonly measureId: string;
  readonly actorId: string;
  readonly reporterActorId: string;
  readonly content: ReportContent;
  readonly at: Date;
}

export async function insertReports(db: Q, reports: readonly NewReport[]): Promise<void> {
  if (reports.length === 0) return;
  await db
    .insertInto('reporting_status_report')
    .values(
      reports.map((r) => ({
        id: r.id,
        cycle_id: r.cycleId,
        measure_id: r.measureId,
        actor_id: r.actorId,
        reporter_actor_id: r.reporterActorId,
        state: 'draft',
        ...contentColumns(r.content),
        review_comment: null,
        revision: 1,
        created_at: r.at.toISOString(),
        updated_at: r.at.toISOString(),
        updated_by: null,
        submitted_at: null,
        submitted_by: null,
        approved_at: null,
        approved_by: null,
      })),
    )
    .execute();
}

export interface ReportFilter {
  readonly ids?: readonly string[];
  readonly cycleId?: string;
  readonly states?: readonly ReportState[];
  /** Reports whose responsible or reporting actor is one of these. */
  readonly anyActorIds?: readonly string[];
  readonly measureId?: string;
  readonly actorId?: string;
}

export async function findReports(db: Q, filter: ReportFilter): Promise<StatusReport[]> {
  if (filter.ids?.length === 0 || filter.anyActorIds?.length === 0 || filter.states?.length === 0) return [];
  const rows = await db
    .selectFrom('reporting_status_report as r')
    .innerJoin('reporting_cycle as c', 'c.id', 'r.cycle_id')
    .selectAll('r')
    .select(['c.year', 'c.edition_id'])
    .$if(filter.ids !== undefined, (q) => q.where('r.id', 'in', filter.ids ?? []))
    .$if(filter.cycleId !== undefined, (q) => q.where('r.cycle_id', '=', filter.cycleId ?? ''))
    .$if(filter.states !== undefined, (q) => q.where('r.state', 'in', filter.states ?? []))
    .$if(filter.measureId !== undefined, (q) => q.where('r.measure_id', '=', filter.measureId ?? ''))
    .$if(filter.actorId !== undefined, (q) => q.where('r.actor_id', '=', filter.actorId ?? ''))
    .$if(filter.anyActorIds !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('r.actor_id', 'in', filter.anyActorIds ?? []),
          eb('r.reporter_actor_id', 'in', filter.anyActorIds ?? []),
        ]),
      ),
    )
    .orderBy('c.year', 'desc')
    .orderBy('r.measure_id')
    .orderBy('r.actor_id')
    .execute();
  const evidence = rows.length
    ? await db
        .selectFrom('reporting_evidence')
        .selectAll()
        .where(
          'report_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('removed_at', 'is', null)
        .orderBy('added_at')
        .execute()
    : [];
  const byReport = new Map<string, Evidence[]>();
  for (const e of evidence) byReport.set(e.report_id, [...(byReport.get(e.report_id) ?? []), toEvidence(e)]);
  return rows.map((row) => toReport(row as ReportRow, byReport.get(row.id) ?? []));
}

export async function findReport(db: Q, id: string): Promise<StatusReport | null> {
  return (await findReports(db, { ids: [id] }))[0] ?? null;
}

/** Writes a report's new state; returns false when someone else saved first (the revision moved on). */
export async function updateReport(db: Q, report: StatusReport, expectedRevision: number): Promise<boolean> {
  const result = await db
    .updateTable('reporting_status_report')
    .set({
      ...contentColumns(report),
      state: report.state,
      review_comment: report.reviewComment,
      revision: report.revision,
      updated_at: report.updatedAt.toISOString(),
      updated_by: report.updatedBy,
      submitted_at: report.submittedAt?.toISOString() ?? null,
      submitted_by: report.submittedBy,
      approved_at: report.approvedAt?.toISOString() ?? null,
      approved_by: report.approvedBy,
    })
    .where('id', '=', report.id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRevision(db: Q, revision: ReportRevision): Promise<void> {
  await db
    .insertInto('reporting_report_revision')
    .values({
      report_id: revision.reportId,
      revision: revision.revision,
      at: revision.at.toISOString(),
      author_user_id: revision.authorUserId,
      author_name: revision.authorName,
      action: revision.action,
      state: revision.state,
      comment: revision.comment,
      changed_fields: json(revision.changedFields),
      content: json(revision.content),
    })
    .execute();
}

export async function listRevisions(db: Q, reportId: string): Promise<ReportRevision[]> {
  const rows = await db
    .selectFrom('reporting_report_revision')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((row) => ({
    reportId: row.report_id,
    revision: row.revision,
    at: row.at,
    authorUserId: row.author_user_id,
    authorName: row.author_name,
    action: row.action as ReportAction,
    state: row.state as ReportState,
    comment: row.comment,
    changedFields: row.changed_fields,
    content: row.content as ReportContent,
  }));
}

export interface NewEvidence extends Evidence {
  readonly reportId: string;
  readonly storedName: string | null;
}

export async function insertEvidence(db: Q, e: NewEvidence): Promise<void> {
  await db
    .insertInto('reporting_evidence')
    .values({
      id: e.id,
      report_id: e.reportId,
      kind: e.kind,
      title: e.title,
      url: e.url,
      file_name: e.fileName,
      media_type: e.mediaType,
      size_bytes: e.sizeBytes,
      sha256: e.sha256,
      stored_name: e.storedName,
      added_at: e.addedAt.toISOString(),
      added_by: e.addedBy,
      removed_at: null,
    })
    .execute();
}

/** Evidence of a report, including removed items when asked (downloads of files named in the history). */
export async function findEvidence(
  db: Q,
  reportId: string,
  evidenceId: string,
): Promise<(Evidence & { storedName: string | null; removedAt: Date | null }) | null> {
  const row = await db
    .selectFrom('reporting_evidence')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  return row ? { ...toEvidence(row), storedName: row.stored_name, removedAt: row.removed_at } : null;
}

export async function markEvidenceRemoved(db: Q, evidenceId: string, at: Date): Promise<void> {
  await db
    .updateTable('reporting_evidence')
    .set({ removed_at: at.toISOString() })
    .where('id', '=', evidenceId)
    .execute();
}
