/** SQL for cases, findings, decisions and the append-only case history. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { LogReviewCaseTable, LogReviewDecisionTable, LogReviewFindingTable } from './tables.js';
import type {
  CaseStatus,
  Decision,
  FindingStatus,
  HistoryEntry,
  ReasonView,
  StoredCase,
  StoredFinding,
} from './types.js';

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

export const toDecision = (r: Selectable<LogReviewDecisionTable>): Decision => ({
  id: r.id,
  caseId: r.case_id,
  patientIds: r.patient_ids,
  outcome: r.outcome,
  explanationKind: r.explanation_kind as Decision['explanationKind'],
  justification: r.justification,
  followUpContact: r.follow_up_contact,
  followUpRole: r.follow_up_role,
  status: r.status,
  decidedBy: r.decided_by,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  reviewedBy: r.reviewed_by,
  reviewedByName: r.reviewed_by_name,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
  ruleId: r.rule_id,
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

export async function insertDecision(db: Q, d: Decision): Promise<void> {
  await db
    .insertInto('logreview_decision')
    .values({
      id: d.id,
      case_id: d.caseId,
      patient_ids: JSON.stringify(d.patientIds),
      outcome: d.outcome,
      explanation_kind: d.explanationKind,
      justification: d.justification,
      follow_up_contact: d.followUpContact,
      follow_up_role: d.followUpRole,
      status: d.status,
      decided_by: d.decidedBy,
      decided_by_name: d.decidedByName,
      decided_at: d.decidedAt,
      reviewed_by: null,
      reviewed_by_name: null,
      reviewed_at: null,
      review_note: null,
      rule_id: d.ruleId,
    })
    .execute();
}

export async function markDecisionReviewed(
  db: Q,
  id: string,
  r: { status: 'approved' | 'rejected'; by: string; byName: string; at: Date; note: string },
): Promise<void> {
  await db
    .updateTable('logreview_decision')
    .set({ status: r.status, reviewed_by: r.by, reviewed_by_name: r.byName, reviewed_at: r.at, review_note: r.note })
    .where('id', '=', id)
    .where('status', '=', 'pending_approval')
    .execute();
}

export async function setDecisionRule(db: Q, decisionId: string, ruleId: string): Promise<void> {
  await db.updateTable('logreview_decision').set({ rule_id: ruleId }).where('id', '=', decisionId).execute();
}

export async function findDecision(db: Q, id: string): Promise<Decision | null> {
  const r = await db.selectFrom('logreview_decision').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDecision(r) : null;
}

export async function decisionsOfCase(db: Q, caseId: string): Promise<Decision[]> {
  const found = await db
    .selectFrom('logreview_decision')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
  return found.map(toDecision);
}

export async function appendCaseHistory(
  db: Q,
  entries: readonly {
    caseId: string;
    at: Date;
    actorUserId: string | null;
    actorName: string | null;
    kind: string;
    detail: Record<string, unknown>;
  }[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    if (chunk.length === 0) continue;
    await db
      .insertInto('logreview_case_history')
      .values(
        chunk.map((e) => ({
          case_id: e.caseId,
          at: e.at,
          actor_user_id: e.actorUserId,
          actor_name: e.actorName,
          kind: e.kind,
          detail: JSON.stringify(e.detail),
        })),
      )
      .execute();
  }
}

export async function caseHistory(db: Q, caseId: string): Promise<HistoryEntry[]> {
  const found = await db
    .selectFrom('logreview_case_history')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return found.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    kind: r.kind,
    detail: r.detail,
  }));
}

/** Decisions (made at any time) on a dataset's cases whose lookups overlap [from, to). */
export async function decisionsOnCasesIn(
  db: Q,
  datasetId: string,
  from: Date,
  to: Date,
): Promise<(Decision & { caseFlaggedAt: Date })[]> {
  const found = await db
    .selectFrom('logreview_decision')
    .innerJoin('logreview_case', 'logreview_case.id', 'logreview_decision.case_id')
    .selectAll('logreview_decision')
    .select('logreview_case.first_flagged_at as case_flagged_at')
    .where('logreview_case.dataset_id', '=', datasetId)
    .where('logreview_case.last_seen', '>=', from)
    .where('logreview_case.first_seen', '<', to)
    .orderBy('logreview_decision.decided_at')
    .execute();
  return found.map((r) => ({ ...toDecision(r), caseFlaggedAt: r.case_flagged_at }));
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

/** Legitimate findings of one patient in a dataset: user id → the decision's kind and the last lookup it covers. */
export async function legitimateFindingsOfPatient(
  db: Q,
  datasetId: string,
  patientId: string,
): Promise<Map<string, { kind: string; until: string }>> {
  const found = await db
    .selectFrom('logreview_finding')
    .innerJoin('logreview_case', 'logreview_case.id', 'logreview_finding.case_id')
    .innerJoin('logreview_decision', 'logreview_decision.id', 'logreview_finding.decision_id')
    .select(['logreview_case.user_id', 'logreview_decision.explanation_kind', 'logreview_finding.covered_until'])
    .where('logreview_case.dataset_id', '=', datasetId)
    .where('logreview_finding.patient_id', '=', patientId)
    .where('logreview_finding.status', '=', 'legitimate')
    .execute();
  const out = new Map<string, { kind: string; until: string }>();
  for (const r of found) {
    if (r.covered_until)
      out.set(r.user_id, { kind: r.explanation_kind ?? 'other', until: r.covered_until.toISOString() });
  }
  return out;
}
