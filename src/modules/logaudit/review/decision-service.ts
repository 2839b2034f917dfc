/**
 * Recording decisions on a case and the second reviewer's approval. Each change is one transaction: the decision,
 * the findings it covers, the case's status, the case history and (for "legitimate because …") a proposed
 * explanation rule; the audit trail gets the event in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.js';
import { writeAuditEvent } from '../../audit/index.js';
import { findingsOfCase, setCaseStatus, setFindingStatus } from './case-repository.js';
import { appendCaseHistory, findDecision, insertDecision, markDecisionReviewed } from './decision-repository.js';
import { deriveCaseStatus, isDecidable } from './domain/case-status.js';
import {
  checkDecision,
  checkSecondReviewer,
  recordedStates,
  reviewedStates,
  type DecisionInput,
} from './domain/decisions.js';
import { checkRuleDraft, type RuleDraft } from './domain/rules.js';
import { actorName, loadCase, type ReviewContext } from './review-access.js';
import { appendRuleHistory, insertRule } from './rule-repository.js';
import type { Decision, ExplanationRuleRecord } from './types.js';

export async function decideCase(
  ctx: ReviewContext,
  datasetId: string,
  caseId: string,
  input: DecisionInput & { proposeRule?: RuleDraft | null },
): Promise<Decision> {
  const { dataset, case: found } = await loadCase(ctx, datasetId, caseId);
  const checked = checkDecision(input);
  const rule = input.proposeRule ? checkRuleDraft(input.proposeRule) : null;
  if (rule && checked.outcome !== 'legitimate') {
    throw new AppError('LOG_REVIEW_DECISION_INVALID', 'Only a "legitimate" decision can propose an explanation rule', [
      { field: 'proposeRule', message: 'not allowed for this outcome' },
    ]);
  }
  const findings = await findingsOfCase(ctx.db, found.id);
  const decidable = findings.filter(isDecidable);
  const wanted =
    input.patientIds && input.patientIds.length > 0
      ? [...new Set(input.patientIds)]
      : decidable.map((f) => f.patientId);
  const bad = wanted.filter((p) => !decidable.some((f) => f.patientId === p));
  if (wanted.length === 0 || bad.length > 0) {
    throw new AppError(
      'LOG_REVIEW_DECISION_INVALID',
      'Nothing in this case is open for a decision (or a patient named is not)',
      [{ field: 'patientIds', message: bad.length > 0 ? `not open: ${bad.length} patient(s)` : 'no open findings' }],
    );
  }
  const states = recordedStates(checked.outcome);
  const decisionId = randomUUID();
  const ruleRecord: ExplanationRuleRecord | null = rule
    ? {
        id: randomUUID(),
        organisationId: dataset.organisationId,
        status: 'proposed',
        ...rule,
        sourceCaseId: found.id,
        sourceDecisionId: decisionId,
        version: 1,
        proposedBy: ctx.principal.userId,
        proposedByName: actorName(ctx.principal),
        proposedAt: ctx.now,
        approvedBy: null,
        approvedByName: null,
        approvedAt: null,
        retiredBy: null,
        retiredByName: null,
        retiredAt: null,
        statusReason: checked.justification,
        updatedAt: ctx.now,
      }
    : null;
  const decision: Decision = {
    id: decisionId,
    caseId: found.id,
    patientIds: wanted,
    ...checked,
    status: states.decision,
    decidedBy: ctx.principal.userId,
    decidedByName: actorName(ctx.principal),
    decidedAt: ctx.now,
    reviewedBy: null,
    reviewedByName: null,
    reviewedAt: null,
    reviewNote: null,
    ruleId: ruleRecord?.id ?? null,
  };
  const history: { kind: string; detail: Record<string, unknown> }[] = [
    {
      kind: `decision.${checked.outcome === 'not_legitimate' ? 'proposed' : 'recorded'}`,
      detail: {
        decisionId: decision.id,
        outcome: checked.outcome,
        explanationKind: checked.explanationKind,
        patients: wanted.length,
        justification: checked.justification,
        followUpContact: checked.followUpContact,
        followUpRole: checked.followUpRole,
      },
    },
  ];
  await ctx.db.transaction().execute(async (trx) => {
    await insertDecision(trx, decision);
    await setFindingStatus(trx, found.id, wanted, states.finding, decision.id, checked.outcome !== 'not_legitimate');
    if (ruleRecord) {
      const record = ruleRecord;
      await insertRule(trx, record);
      await appendRuleHistory(trx, {
        ruleId: record.id,
        at: ctx.now,
        actorUserId: ctx.principal.userId,
        actorName: actorName(ctx.principal),
        kind: 'proposed',
        reason: checked.justification,
        snapshot: record,
      });
      history.push({ kind: 'rule.proposed', detail: { ruleId: record.id } });
    }
    const after = await findingsOfCase(trx, found.id);
    await setCaseStatus(trx, found.id, deriveCaseStatus(after), ctx.now);
    await appendCaseHistory(
      trx,
      history.map((h) => ({
        caseId: found.id,
        at: ctx.now,
        actorUserId: ctx.principal.userId,
        actorName: actorName(ctx.principal),
        ...h,
      })),
    );
    await writeAuditEvent(trx, {
      at: ctx.now,
      actorUserId: ctx.principal.userId,
      actorName: actorName(ctx.principal),
      organisationId: dataset.organisationId,
      action: 'logreview.decision.record',
      objectType: 'case',
      objectId: found.id,
      outcome: 'success',
      ip: ctx.origin.ip,
      userAgent: ctx.origin.userAgent,
      detail: {
        decisionId: decision.id,
        outcome: checked.outcome,
        status: states.decision,
        patients: wanted.length,
        ruleId: decision.ruleId,
      },
    });
  });
  return decision;
}

/** The second reviewer approves or rejects a "not legitimate" decision. */
export async function reviewDecision(
  ctx: ReviewContext,
  datasetId: string,
  caseId: string,
  decisionId: string,
  input: { approve: boolean; note: string },
): Promise<Decision> {
  const { dataset, case: found } = await loadCase(ctx, datasetId, caseId);
  const decision = await findDecision(ctx.db, decisionId);
  if (!decision || decision.caseId !== found.id)
    throw new AppError('LOG_REVIEW_CASE_NOT_FOUND', 'No such decision in this case');
  if (decision.status !== 'pending_approval')
    throw new AppError('LOG_REVIEW_NOT_PENDING', 'This decision is not waiting for approval');
  checkSecondReviewer(decision.decidedBy, ctx.principal.userId);
  const note = input.note.trim();
  if (note.length < 5 || note.length > 4000) {
    throw new AppError('LOG_REVIEW_DECISION_INVALID', 'Say briefly why you approve or reject (5 to 4000 characters)', [
      { field: 'note', message: '5–4000 characters' },
    ]);
  }
  const states = reviewedStates(input.approve);
  const reviewed: Decision = {
    ...decision,
    status: states.decision,
    reviewedBy: ctx.principal.userId,
    reviewedByName: actorName(ctx.principal),
    reviewedAt: ctx.now,
    reviewNote: note,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await markDecisionReviewed(trx, decision.id, {
      status: input.approve ? 'approved' : 'rejected',
      by: ctx.principal.userId,
      byName: actorName(ctx.principal),
      at: ctx.now,
      note,
    });
    await setFindingStatus(trx, found.id, decision.patientIds, states.finding, decision.id, input.approve);
    const after = await findingsOfCase(trx, found.id);
    await setCaseStatus(trx, found.id, deriveCaseStatus(after), ctx.now);
    await appendCaseHistory(trx, [
      {
        caseId: found.id,
        at: ctx.now,
        actorUserId: ctx.principal.userId,
        actorName: actorName(ctx.principal),
        kind: input.approve ? 'decision.approved' : 'decision.rejected',
        detail: { decisionId: decision.id, note },
      },
    ]);
    await writeAuditEvent(trx, {
      at: ctx.now,
      actorUserId: ctx.principal.userId,
      actorName: actorName(ctx.principal),
      organisationId: dataset.organisationId,
      action: input.approve ? 'logreview.decision.approve' : 'logreview.decision.reject',
      objectType: 'case',
      objectId: found.id,
      outcome: 'success',
      ip: ctx.origin.ip,
      userAgent: ctx.origin.userAgent,
      detail: { decisionId: decision.id, decidedBy: decision.decidedBy },
    });
  });
  return reviewed;
}
