/**
 * Explanation rules of an organisation: "lookups like this are legitimate here" (e.g. cardiologists reading
 * inpatients' records for consults that are not registered). A rule is proposed (often from a "legitimate"
 * decision), approved as a separate, deliberate step, and can be edited (which sends it back for approval) or
 * retired; only approved rules are written into the workspaces, and every step is kept in the rule's history with
 * who, when and why. Approval by the proposer is allowed (a trust may have one log controller) but is shown as such.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../../platform/errors.js';
import type { ExplanationRuleRecord, RuleConditions, RuleStatus } from '../types.js';

/** The engine's vocabularies (specs/access-log-dataset.md), repeated here for validation at the API's edge. */
export const ruleVocabulary = {
  userRole: ['physician', 'nurse', 'secretary', 'lab', 'radiology', 'pharmacist', 'therapist', 'admin', 'it', 'other'],
  userDepartmentKind: ['ward', 'outpatient', 'emergency', 'lab', 'radiology', 'pharmacy', 'administration', 'other'],
  action: ['read', 'search', 'print', 'export', 'update', 'create', 'delete'],
  purpose: ['TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT'],
  encounterKind: ['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other'],
} as const;

export interface RuleDraft extends RuleConditions {
  readonly descriptionNb: string;
  readonly descriptionEn: string;
}

function invalid(field: string, message: string): AppError {
  return new AppError('LOG_REVIEW_RULE_INVALID', message, [{ field, message }]);
}

const clean = (value: string | null | undefined): string | null => {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
};

export function checkRuleDraft(draft: RuleDraft): RuleDraft {
  const out = {
    userRole: clean(draft.userRole),
    userDepartmentId: clean(draft.userDepartmentId),
    userDepartmentKind: clean(draft.userDepartmentKind),
    action: clean(draft.action),
    purpose: clean(draft.purpose),
    encounterKind: clean(draft.encounterKind),
    windowDays: draft.windowDays,
    descriptionNb: draft.descriptionNb.trim(),
    descriptionEn: draft.descriptionEn.trim(),
  };
  for (const field of ['userRole', 'userDepartmentKind', 'action', 'purpose', 'encounterKind'] as const) {
    const value = out[field];
    const allowed: readonly string[] = ruleVocabulary[field];
    if (value !== null && !allowed.includes(value))
      throw invalid(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  if (out.userDepartmentId !== null && out.userDepartmentId.length > 200) throw invalid('userDepartmentId', 'too long');
  if (!out.userRole && !out.userDepartmentId && !out.userDepartmentKind && !out.encounterKind) {
    throw invalid('userRole', 'a rule must name a role, a department, a kind of department or a kind of encounter');
  }
  if (!Number.isInteger(out.windowDays) || out.windowDays < 0 || out.windowDays > 365) {
    throw invalid('windowDays', 'a whole number of days from 0 to 365');
  }
  if (out.descriptionNb.length < 5 || out.descriptionNb.length > 500)
    throw invalid('descriptionNb', '5 to 500 characters');
  if (out.descriptionEn.length < 5 || out.descriptionEn.length > 500)
    throw invalid('descriptionEn', '5 to 500 characters');
  return out;
}

export type RuleAction = 'approve' | 'reject' | 'edit' | 'retire' | 'reinstate';

const allowedFrom: Record<RuleAction, readonly RuleStatus[]> = {
  approve: ['proposed'],
  reject: ['proposed'],
  edit: ['proposed', 'approved'],
  retire: ['approved'],
  reinstate: ['retired'],
};

/** The status a rule takes after an action, or an error naming why the action is not possible now. */
export function nextRuleStatus(rule: Pick<ExplanationRuleRecord, 'status'>, action: RuleAction): RuleStatus {
  if (!allowedFrom[action].includes(rule.status)) {
    throw new AppError('LOG_REVIEW_RULE_TRANSITION', `A rule that is ${rule.status} cannot be ${action}d`);
  }
  switch (action) {
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'retire':
      return 'retired';
    case 'edit':
    case 'reinstate':
      return 'proposed';
  }
}

/** The rule as the engine's explanation_rules table holds it. */
export interface WorkspaceRule {
  readonly rule_id: string;
  readonly description_nb: string;
  readonly description_en: string;
  readonly user_role: string | null;
  readonly user_department_id: string | null;
  readonly user_department_kind: string | null;
  readonly action: string | null;
  readonly purpose: string | null;
  readonly encounter_kind: string | null;
  readonly window_days: number;
}

export function toWorkspaceRule(rule: ExplanationRuleRecord): WorkspaceRule {
  return {
    rule_id: `${rule.id}:v${rule.version}`,
    description_nb: rule.descriptionNb,
    description_en: rule.descriptionEn,
    user_role: rule.userRole,
    user_department_id: rule.userDepartmentId,
    user_department_kind: rule.userDepartmentKind,
    action: rule.action,
    purpose: rule.purpose,
    encounter_kind: rule.encounterKind,
    window_days: rule.windowDays,
  };
}

/** A fingerprint of the approved rule set: when it changes, stored lookups must be explained again. */
export function rulesHash(rules: readonly WorkspaceRule[]): string {
  const sorted = [...rules].sort((a, b) => (a.rule_id < b.rule_id ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

export interface RuleSuggestionContext {
  readonly userRole: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  /** The kind of the patient's encounter nearest the flagged lookups, if any. */
  readonly encounterKind: string | null;
}

/**
 * A first draft of a rule from a "legitimate" decision: the same role in the same department, when the patient had
 * the same kind of encounter within a week. The reviewer edits it before proposing.
 */
export function suggestRule(ctx: RuleSuggestionContext): RuleDraft {
  const dept = ctx.departmentName ?? ctx.departmentId ?? '';
  const enc = ctx.encounterKind;
  return {
    userRole: ctx.userRole,
    userDepartmentId: ctx.departmentId,
    userDepartmentKind: null,
    action: null,
    purpose: null,
    encounterKind: enc,
    windowDays: 7,
    descriptionNb: `Oppslag fra ${dept || 'avdelingen'}${ctx.userRole ? ` (${ctx.userRole})` : ''}${enc ? ` når pasienten har en kontakt av typen ${enc} innen 7 dager` : ''}.`,
    descriptionEn: `Lookups from ${dept || 'the department'}${ctx.userRole ? ` (${ctx.userRole})` : ''}${enc ? ` when the patient has an encounter of kind ${enc} within 7 days` : ''}.`,
  };
}
