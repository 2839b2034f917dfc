/** SQL for decisions on cases and the append-only case history. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { LogReviewDecisionTable } from './tables.js';
import type { Decision, HistoryEntry } from './types.js';

type Q = Kysely<Database>;

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
