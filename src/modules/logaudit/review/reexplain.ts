/**
 * Explaining stored lookups again after the organisation's rules changed. The engine applies rules to lookups as
 * they are read in; a rule approved (or retired) later must also change what is already stored, or the same false
 * alarm would come back in the next run. Only rule-based explanations are touched: lookups a rule explained are
 * set back to unexplained, the approved rules are applied to every unexplained lookup, and the per-day aggregates
 * of the batches that changed are rebuilt — all in one transaction, with the engine's own SQL for the rules and
 * the aggregates. (Thin glue in the review workflow: the engine has no re-explain step of its own yet.)
 */
import {
  actionCode,
  rebuildPairDays,
  applyOrganisationRules,
  exec,
  explanationById,
  rows,
  type ACTIONS,
  type Workspace,
} from './engine.js';
import type { WorkspaceRule } from './domain/rules.js';

const RULE_EXPLANATION = 8;

export async function reexplainWithRules(
  ws: Workspace,
  rules: readonly WorkspaceRule[],
): Promise<{ changedBatches: number }> {
  const db = ws.db;
  if (explanationById(RULE_EXPLANATION)?.code !== 'ORGANISATION_RULE')
    throw new Error('the engine renumbered its explanations');
  await exec(db, 'BEGIN TRANSACTION');
  try {
    await exec(
      db,
      `CREATE OR REPLACE TEMP TABLE rx_batches AS SELECT DISTINCT batch_id FROM events WHERE explanation = ${RULE_EXPLANATION}`,
    );
    await exec(db, `UPDATE events SET explanation = 0 WHERE explanation = ${RULE_EXPLANATION}`);
    await applyOrganisationRules(db, rules, 'true', (a) => actionCode(a as (typeof ACTIONS)[number]));
    await exec(
      db,
      `INSERT INTO rx_batches SELECT DISTINCT batch_id FROM events WHERE explanation = ${RULE_EXPLANATION}`,
    );
    const changed = await rows<{ batch_id: number }>(db, 'SELECT batch_id FROM rx_batches');
    const changedBatches = await rebuildPairDays(
      db,
      ws.timezone,
      changed.map((b) => Number(b.batch_id)),
    );
    await exec(db, 'COMMIT');
    return { changedBatches };
  } catch (error) {
    await exec(db, 'ROLLBACK');
    throw error;
  }
}
