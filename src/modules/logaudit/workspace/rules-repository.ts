/**
 * Organisation-approved explanation rules: the explain step reads them; the reviewer workflow (issue 8) writes them.
 */
import { ACTIONS, DEPARTMENT_KINDS, ENCOUNTER_KINDS, PURPOSES, ROLES } from '../domain/codes.js';
import { AppError } from '../../../platform/errors.js';
import type { ExplanationRule } from './explain-sql.js';
import { exec, lit, rows, type Db } from './sql.js';

export interface NewExplanationRule extends ExplanationRule {
  readonly description_nb: string;
  readonly description_en: string;
}

export async function readExplanationRules(db: Db): Promise<ExplanationRule[]> {
  return rows<ExplanationRule>(
    db,
    `SELECT rule_id, user_role, user_department_id, user_department_kind, action, purpose, encounter_kind, window_days
     FROM explanation_rules WHERE active ORDER BY rule_id`,
  );
}

function check(value: string | null, allowed: readonly string[], field: string): void {
  if (value !== null && !allowed.includes(value)) {
    throw new AppError('VALIDATION_FAILED', `${field} must be one of ${allowed.join(', ')}`, [
      { field, message: `got ${value}` },
    ]);
  }
}

/** Add (or replace) a rule. It applies to lookups ingested from now on; see reexplain for stored ones. */
export async function saveExplanationRule(db: Db, rule: NewExplanationRule, now: Date): Promise<void> {
  check(rule.user_role, ROLES, 'user_role');
  check(rule.user_department_kind, DEPARTMENT_KINDS, 'user_department_kind');
  check(rule.action, ACTIONS, 'action');
  check(rule.purpose, PURPOSES, 'purpose');
  check(rule.encounter_kind, ENCOUNTER_KINDS, 'encounter_kind');
  if (!rule.user_role && !rule.user_department_id && !rule.user_department_kind && !rule.encounter_kind) {
    throw new AppError('VALIDATION_FAILED', 'a rule must name a role, a department or an encounter kind', [
      { field: 'user_role', message: 'a rule without conditions would explain every lookup' },
    ]);
  }
  await exec(
    db,
    `INSERT OR REPLACE INTO explanation_rules VALUES (${lit(rule.rule_id)}, ${lit(rule.description_nb)}, ${lit(rule.description_en)},
       ${lit(rule.user_role)}, ${lit(rule.user_department_id)}, ${lit(rule.user_department_kind)}, ${lit(rule.action)},
       ${lit(rule.purpose)}, ${lit(rule.encounter_kind)}, ${Math.max(0, Math.round(rule.window_days))}, true, ${lit(now.toISOString())})`,
  );
}
