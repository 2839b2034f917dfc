/** SQL for cases and their findings (decisions and history: decision-repository.ts). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { LogReviewCaseTable, LogReviewFindingTable } from './tables.js';
import type { CaseStatus, FindingStatus, ReasonView, StoredCase, StoredFinding } from './types.js';

type Q = Kysely<Database>;

const toCase = (r: Selectable<LogReviewCaseTable>): StoredCase => ({
  id: r.id,
  datasetId: r.dataset_id,
  userId: r.user_id,
  status: r.status,
  score: r.score,
  rank: r.rank,
  activeFindings: r.active_findings,
  reasonCodes: r.reason_codes,
  userRole: r.user_role,
  departmentId: r.department_id,
  departmentName: r.department_name,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  firstFlaggedAt: r.first_flagged_at,
  lastRunId: r.last_run_id,
  updatedAt: r.updated_at,
});

const toFinding = (r: Selectable<LogReviewFindingTable>): StoredFinding => ({
  caseId: r.case_id,
  patientId: r.patient_id,
  score: r.score,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  eventIds: r.event_ids,
  eventCount: r.event_count,
  reasons: r.reasons as ReasonView[],
  active: r.active,
  status: r.status,
  decisionId: r.decision_id,
  coveredUntil: r.covered_until,
  firstFlaggedAt: r.first_flagged_at,
  lastRunId: r.last_run_id,
});

export async function casesOfDataset(db: Q, datasetId: string): Promise<StoredCase[]> {
  return (await db.selectFrom('logreview_case').selectAll().where('dataset_id', '=', datasetId).execute()).map(toCase);
}

export async function findingsOfDataset(db: Q, datasetId: string): Promise<StoredFinding[]> {
  const found = await db
    .selectFrom('logreview_finding')
    .innerJoin('logreview_case', 'logreview_case.id', 'logreview_finding.case_id')
    .selectAll('logreview_finding')
    .where('logreview_case.dataset_id', '=', datasetId)
    .execute();
  return found.map(toFinding);
}

export async function findCase(db: Q, id: string): Promise<StoredCase | null> {
  const r = await db.selectFrom('logreview_case').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCase(r) : null;
}

export async function findingsOfCase(db: Q, caseId: string): Promise<StoredFinding[]> {
  const found = await db
    .selectFrom('logreview_finding')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('active', 'desc')
    .orderBy('score', 'desc')
    .orderBy('patient_id')
    .execute();
  return found.map(toFinding);
}

const caseUpdateColumns = [
  'status',
  'score',
  'rank',
  'active_findings',
  'reason_codes',
  'user_role',
  'department_id',
  'department_name',
  'first_seen',
  'last_seen',
  'last_run_id',
  'updated_at',
] as const;

const findingUpdateColumns = [
  'score',
  'first_seen',
  'last_seen',
  'event_ids',
  'event_count',
  'reasons',
  'active',
  'status',
  'decision_id',
  'covered_until',
  'last_run_id',
] as const;

const CHUNK = 300;

export async function upsertCases(db: Q, cases: readonly StoredCase[]): Promise<void> {
  for (let i = 0; i < cases.length; i += CHUNK) {
    const values = cases.slice(i, i + CHUNK).map((c) => ({
      id: c.id,
      dataset_id: c.datasetId,
      user_id: c.userId,
      status: c.status,
      score: c.score,
      rank: c.rank,
      active_findings: c.activeFindings,
      reason_codes: JSON.stringify(c.reasonCodes),
      user_role: c.userRole,
      department_id: c.departmentId,
      department_name: c.departmentName,
      first_seen: c.firstSeen,
      last_seen: c.lastSeen,
      first_flagged_at: c.firstFlaggedAt,
      last_run_id: c.lastRunId,
      updated_at: c.updatedAt,
    }));
    await db
      .insertInto('logreview_case')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => Object.fromEntries(caseUpdateColumns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}

export async function upsertFindings(db: Q, findings: readonly StoredFinding[]): Promise<void> {
  for (let i = 0; i < findings.length; i += CHUNK) {
    const values = findings.slice(i, i + CHUNK).map((f) => ({
      case_id: f.caseId,
      patient_id: f.patientId,
      score: f.score,
      first_seen: f.firstSeen,
      last_seen: f.lastSeen,
      event_ids: JSON.stringify(f.eventIds),
      event_count: f.eventCount,
      reasons: JSON.stringify(f.reasons),
      active: f.active,
      status: f.status,
      decision_id: f.decisionId,
      covered_until: f.coveredUntil,
      first_flagged_at: f.firstFlaggedAt,
      last_run_id: f.lastRunId,
    }));
    await db
      .insertInto('logreview_finding')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['case_id', 'patient_id'])
          .doUpdateSet((eb) => Object.fromEntries(findingUpdateColumns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}

export async function setFindingStatus(
  db: Q,
  caseId: string,
  patientIds: readonly string[],
  status: FindingStatus,
  decisionId: string,
  coverLastSeen: boolean,
): Promise<void> {
  if (patientIds.length === 0) return;
  await db
    .updateTable('logreview_finding')
    .set({
      status,
      decision_id: decisionId,
      ...(coverLastSeen ? { covered_until: sql<Date>`last_seen` } : {}),
    })
    .where('case_id', '=', caseId)
    .where('patient_id', 'in', [...patientIds])
    .execute();
}

export async function setCaseStatus(db: Q, caseId: string, status: CaseStatus, at: Date): Promise<void> {
  await db.updateTable('logreview_case').set({ status, updated_at: at }).where('id', '=', caseId).execute();
}

export async function countCases(
  db: Q,
  datasetId: string,
  where: { seenFrom?: Date; seenTo?: Date; status?: CaseStatus },
): Promise<number> {
  let q = db
    .selectFrom('logreview_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dataset_id', '=', datasetId);
  if (where.seenFrom) q = q.where('last_seen', '>=', where.seenFrom);
  if (where.seenTo) q = q.where('first_seen', '<', where.seenTo);
  if (where.status) q = q.where('status', '=', where.status);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
