/**
 * Explanation rules of the reviewer's organisation: list, propose, edit, approve, reject, retire and reinstate.
 * Every change is kept in the rule's append-only history and the audit trail, so each rule in force can be traced
 * to who proposed it, who approved it, when and why — and taken back. Only approved rules reach the workspaces,
 * at the start of the next analysis run.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.js';
import { checkRuleDraft, nextRuleStatus, type RuleAction, type RuleDraft } from './domain/rules.js';
import { actorName, audit, requireReviewer, scopeOf, type ReviewContext } from './review-access.js';
import { appendRuleHistory, findRule, insertRule, listRules, ruleHistory, updateRule } from './rule-repository.js';
import type { ExplanationRuleRecord, HistoryEntry, RuleStatus } from './types.js';

async function loadRule(ctx: ReviewContext, ruleId: string): Promise<ExplanationRuleRecord> {
  requireReviewer(ctx.principal);
  const rule = await findRule(ctx.db, ruleId);
  if (!rule || !scopeOf(ctx.principal).includes(rule.organisationId)) {
    await audit(
      ctx,
      'logreview.access.denied',
      { type: 'rule', id: ruleId },
      { reason: 'not in the caller’s organisation, or does not exist' },
      'denied',
    );
    throw new AppError('LOG_REVIEW_RULE_NOT_FOUND', `No rule ${ruleId}`);
  }
  return rule;
}

function ownOrganisation(ctx: ReviewContext): string {
  const principal = requireReviewer(ctx.principal);
  if (!principal.organisationId) throw new AppError('FORBIDDEN', 'Choose the organisation you act for first');
  return principal.organisationId;
}

export async function listOrganisationRules(ctx: ReviewContext, status?: RuleStatus): Promise<ExplanationRuleRecord[]> {
  return listRules(ctx.db, ownOrganisation(ctx), status);
}

export async function getRule(
  ctx: ReviewContext,
  ruleId: string,
): Promise<{ rule: ExplanationRuleRecord; history: (HistoryEntry & { reason: string | null })[] }> {
  const rule = await loadRule(ctx, ruleId);
  return { rule, history: await ruleHistory(ctx.db, rule.id) };
}

function checkReason(reason: string): string {
  const text = reason.trim();
  if (text.length < 5 || text.length > 2000) {
    throw new AppError('LOG_REVIEW_RULE_INVALID', 'Say why (5 to 2000 characters)', [
      { field: 'reason', message: '5–2000 characters' },
    ]);
  }
  return text;
}

export async function proposeRule(
  ctx: ReviewContext,
  draft: RuleDraft,
  reason: string,
): Promise<ExplanationRuleRecord> {
  const organisationId = ownOrganisation(ctx);
  const checked = checkRuleDraft(draft);
  const why = checkReason(reason);
  const rule: ExplanationRuleRecord = {
    id: randomUUID(),
    organisationId,
    status: 'proposed',
    ...checked,
    sourceCaseId: null,
    sourceDecisionId: null,
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
    statusReason: why,
    updatedAt: ctx.now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertRule(trx, rule);
    await appendRuleHistory(trx, {
      ruleId: rule.id,
      at: ctx.now,
      actorUserId: ctx.principal.userId,
      actorName: actorName(ctx.principal),
      kind: 'proposed',
      reason: why,
      snapshot: rule,
    });
  });
  await audit(ctx, 'logreview.rule.propose', { type: 'rule', id: rule.id }, { reason: why }, 'success', organisationId);
  return rule;
}

export async function changeRule(
  ctx: ReviewContext,
  ruleId: string,
  input: { action: RuleAction; reason: string; draft?: RuleDraft; expectedVersion?: number },
): Promise<ExplanationRuleRecord> {
  const rule = await loadRule(ctx, ruleId);
  const why = checkReason(input.reason);
  if (input.expectedVersion !== undefined && input.expectedVersion !== rule.version) {
    throw new AppError('CONFLICT', 'Someone changed this rule meanwhile; reload it');
  }
  const status = nextRuleStatus(rule, input.action);
  const who = { id: ctx.principal.userId, name: actorName(ctx.principal) };
  let next: ExplanationRuleRecord = { ...rule, status, statusReason: why, updatedAt: ctx.now };
  switch (input.action) {
    case 'edit': {
      if (!input.draft)
        throw new AppError('LOG_REVIEW_RULE_INVALID', 'An edit needs the changed rule', [
          { field: 'draft', message: 'required' },
        ]);
      const checked = checkRuleDraft(input.draft);
      next = {
        ...next,
        ...checked,
        version: rule.version + 1,
        proposedBy: who.id,
        proposedByName: who.name,
        proposedAt: ctx.now,
        approvedBy: null,
        approvedByName: null,
        approvedAt: null,
      };
      break;
    }
    case 'approve':
      next = { ...next, approvedBy: who.id, approvedByName: who.name, approvedAt: ctx.now };
      break;
    case 'retire':
      next = { ...next, retiredBy: who.id, retiredByName: who.name, retiredAt: ctx.now };
      break;
    case 'reinstate':
      next = {
        ...next,
        version: rule.version + 1,
        proposedBy: who.id,
        proposedByName: who.name,
        proposedAt: ctx.now,
        approvedBy: null,
        approvedByName: null,
        approvedAt: null,
        retiredBy: null,
        retiredByName: null,
        retiredAt: null,
      };
      break;
    case 'reject':
      break;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const saved = await updateRule(trx, next, { status: rule.status, version: rule.version });
    if (!saved) throw new AppError('CONFLICT', 'Someone changed this rule meanwhile; reload it');
    await appendRuleHistory(trx, {
      ruleId: rule.id,
      at: ctx.now,
      actorUserId: who.id,
      actorName: who.name,
      kind:
        input.action === 'approve'
          ? 'approved'
          : input.action === 'reject'
            ? 'rejected'
            : input.action === 'retire'
              ? 'retired'
              : input.action === 'edit'
                ? 'edited'
                : 'reinstated',
      reason: why,
      snapshot: next,
    });
  });
  await audit(
    ctx,
    `logreview.rule.${input.action}`,
    { type: 'rule', id: rule.id },
    { reason: why, version: next.version, selfApproved: input.action === 'approve' && rule.proposedBy === who.id },
    'success',
    rule.organisationId,
  );
  return next;
}
