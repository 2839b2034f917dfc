/** SQL for explanation rules and their append-only history. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { LogReviewRuleTable } from './tables.js';
import type { ExplanationRuleRecord, HistoryEntry, RuleStatus } from './types.js';

type Q = Kysely<Database>;

const toRule = (r: Selectable<LogReviewRuleTable>): ExplanationRuleRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  status: r.status,
  descriptionNb: r.description_nb,
  descriptionEn: r.description_en,
  userRole: r.user_role,
  userDepartmentId: r.user_department_id,
  userDepartmentKind: r.user_department_kind,
  action: r.action,
  purpose: r.purpose,
  encounterKind: r.encounter_kind,
  windowDays: r.window_days,
  sourceCaseId: r.source_case_id,
  sourceDecisionId: r.source_decision_id,
  version: r.version,
  proposedBy: r.proposed_by,
  proposedByName: r.proposed_by_name,
  proposedAt: r.proposed_at,
  approvedBy: r.approved_by,
  approvedByName: r.approved_by_name,
  approvedAt: r.approved_at,
  retiredBy: r.retired_by,
  retiredByName: r.retired_by_name,
  retiredAt: r.retired_at,
  statusReason: r.status_reason,
  updatedAt: r.updated_at,
});

function row(r: ExplanationRuleRecord) {
  return {
    id: r.id,
    organisation_id: r.organisationId,
    status: r.status,
    description_nb: r.descriptionNb,
    description_en: r.descriptionEn,
    user_role: r.userRole,
    user_department_id: r.userDepartmentId,
    user_department_kind: r.userDepartmentKind,
    action: r.action,
    purpose: r.purpose,
    encounter_kind: r.encounterKind,
    window_days: r.windowDays,
    source_case_id: r.sourceCaseId,
    source_decision_id: r.sourceDecisionId,
    version: r.version,
    proposed_by: r.proposedBy,
    proposed_by_name: r.proposedByName,
    proposed_at: r.proposedAt,
    approved_by: r.approvedBy,
    approved_by_name: r.approvedByName,
    approved_at: r.approvedAt,
    retired_by: r.retiredBy,
    retired_by_name: r.retiredByName,
    retired_at: r.retiredAt,
    status_reason: r.statusReason,
    updated_at: r.updatedAt,
  };
}

export async function insertRule(db: Q, r: ExplanationRuleRecord): Promise<void> {
  await db.insertInto('logreview_rule').values(row(r)).execute();
}

/** Saves a changed rule, only if nobody changed it since `expectedVersion`/`expectedStatus` were read. */
export async function updateRule(
  db: Q,
  r: ExplanationRuleRecord,
  expected: { status: RuleStatus; version: number },
): Promise<boolean> {
  const { id: _id, organisation_id: _o, ...changes } = row(r);
  const result = await db
    .updateTable('logreview_rule')
    .set(changes)
    .where('id', '=', r.id)
    .where('status', '=', expected.status)
    .where('version', '=', expected.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findRule(db: Q, id: string): Promise<ExplanationRuleRecord | null> {
  const r = await db.selectFrom('logreview_rule').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRule(r) : null;
}

export async function listRules(db: Q, organisationId: string, status?: RuleStatus): Promise<ExplanationRuleRecord[]> {
  let q = db.selectFrom('logreview_rule').selectAll().where('organisation_id', '=', organisationId);
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('proposed_at', 'desc').orderBy('id').execute()).map(toRule);
}

export async function appendRuleHistory(
  db: Q,
  e: {
    ruleId: string;
    at: Date;
    actorUserId: string | null;
    actorName: string | null;
    kind: string;
    reason: string | null;
    snapshot: ExplanationRuleRecord;
  },
): Promise<void> {
  await db
    .insertInto('logreview_rule_history')
    .values({
      rule_id: e.ruleId,
      at: e.at,
      actor_user_id: e.actorUserId,
      actor_name: e.actorName,
      kind: e.kind,
      reason: e.reason,
      snapshot: JSON.stringify(e.snapshot),
    })
    .execute();
}

export async function ruleHistory(db: Q, ruleId: string): Promise<(HistoryEntry & { reason: string | null })[]> {
  const found = await db
    .selectFrom('logreview_rule_history')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .orderBy('seq')
    .execute();
  return found.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    kind: r.kind,
    reason: r.reason,
    detail: r.snapshot,
  }));
}

/** Rule events of an organisation in [from, to), for the control report. */
export async function ruleEventsBetween(
  db: Q,
  organisationId: string,
  from: Date,
  to: Date,
): Promise<{ kind: string }[]> {
  return db
    .selectFrom('logreview_rule_history')
    .innerJoin('logreview_rule', 'logreview_rule.id', 'logreview_rule_history.rule_id')
    .select('logreview_rule_history.kind')
    .where('logreview_rule.organisation_id', '=', organisationId)
    .where('logreview_rule_history.at', '>=', from)
    .where('logreview_rule_history.at', '<', to)
    .execute();
}
