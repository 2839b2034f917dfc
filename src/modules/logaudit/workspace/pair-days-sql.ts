/**
 * The per (user, patient, local day, batch) aggregate that analysis reads instead of the events. Hours are a bit
 * mask of local hours of the day (bit h set = at least one lookup in hour h).
 */
import { actionCode, purposeCode } from '../domain/codes.js';
import { explanationId } from '../domain/explanations.js';
import { localDateSql, localHourSql, localMsSql, offsetSegments, type OffsetSegment } from '../domain/time.js';
import { FLAG_AFTER_EMPLOYMENT, FLAG_ETREAT_NO_EMERGENCY } from './explain-sql.js';
import { exec, rows, type Db } from './sql.js';

/** Actions that write in the record: the user charted something. */
const WRITE_ACTIONS = ['update', 'create', 'delete'] as const;

/**
 * Explanations that only weakly document a lookup: a stay in a sibling unit of the clinic, a care relation of a
 * colleague in the user's unit. Such lookups count as weakly explained (n_weak).
 */
const WEAK_EXPLANATIONS = `(${explanationId('ENCOUNTER_IN_CLINIC')}, ${explanationId('COLLEAGUE_CARE_RELATION')})`;

const hourBit = `(1::INTEGER << ${localHourSql('lms')})`;

/** Aggregate one stored batch into pair_days (local days and hours from the offset segments of its span). */
export const pairDaysInsertSql = (batchId: number, segments: readonly OffsetSegment[]): string => `
  INSERT INTO pair_days
  SELECT uid, pid, ${localDateSql('lms')} AS day, batch_id,
    count(*)::INTEGER AS n_events,
    count(*) FILTER (WHERE explanation = 0)::INTEGER AS n_unexplained,
    count(*) FILTER (WHERE explanation IN ${WEAK_EXPLANATIONS})::INTEGER AS n_weak,
    min(ts) AS first_ts, max(ts) AS last_ts,
    min(ts) FILTER (WHERE explanation = 0) AS first_unexplained_ts,
    bit_or(${hourBit}) AS hours_all,
    coalesce(bit_or(${hourBit}) FILTER (WHERE explanation = 0), 0) AS hours_unexplained,
    coalesce(min(ts) FILTER (WHERE action = ${actionCode('search')}) < max(ts) FILTER (WHERE action <> ${actionCode('search')}), false) AS search_then_read,
    count(*) FILTER (WHERE action IN (${actionCode('print')}, ${actionCode('export')}))::INTEGER AS n_print_export,
    count(*) FILTER (WHERE purpose = ${purposeCode('ETREAT')})::INTEGER AS n_etreat,
    count(*) FILTER (WHERE (flags & ${FLAG_ETREAT_NO_EMERGENCY}) <> 0)::INTEGER AS n_etreat_no_emergency,
    count(*) FILTER (WHERE (flags & ${FLAG_AFTER_EMPLOYMENT}) <> 0)::INTEGER AS n_after_employment,
    min(dept) AS dept,
    coalesce(min(explanation) FILTER (WHERE explanation > 0), 0)::UTINYINT AS explanation,
    coalesce(list(DISTINCT ws ORDER BY ws) FILTER (WHERE (explanation = 0 OR explanation IN ${WEAK_EXPLANATIONS}) AND ws IS NOT NULL), []::INTEGER[]) AS ws_undocumented,
    count(*) FILTER (WHERE explanation = 0 AND action IN (${WRITE_ACTIONS.map(actionCode).join(', ')}))::INTEGER AS n_write_unexplained
  FROM (SELECT *, ${localMsSql('ts', segments)} AS lms FROM events WHERE batch_id = ${batchId})
  GROUP BY ALL`;

/** Aggregate one stored batch into user_ws_days. */
export const userWorkstationDaysInsertSql = (batchId: number, segments: readonly OffsetSegment[]): string => `
  INSERT INTO user_ws_days
  SELECT uid, ws, ${localDateSql('lms')} AS day, batch_id, count(*)::INTEGER
  FROM (SELECT uid, ws, batch_id, ${localMsSql('ts', segments)} AS lms FROM events WHERE batch_id = ${batchId} AND ws IS NOT NULL)
  GROUP BY ALL`;

/**
 * Rebuild the per-day aggregates of some batches (or all) from their stored lookups, after their explanations or
 * the aggregate itself changed. Runs inside the caller's transaction.
 */
export async function rebuildPairDays(db: Db, timezone: string, batchIds: readonly number[] | 'all'): Promise<number> {
  if (batchIds !== 'all' && batchIds.length === 0) return 0;
  const which = batchIds === 'all' ? 'true' : `batch_id IN (${batchIds.map(Number).join(', ')})`;
  const batches = await rows<{ batch_id: number; lo: number | null; hi: number | null }>(
    db,
    `SELECT batch_id, epoch_ms(first_ts) AS lo, epoch_ms(last_ts) AS hi FROM batches WHERE ${which} ORDER BY batch_id`,
  );
  for (const b of batches) {
    await exec(db, `DELETE FROM pair_days WHERE batch_id = ${Number(b.batch_id)}`);
    const segments = offsetSegments(Number(b.lo ?? 0), Number(b.hi ?? 0), timezone);
    await exec(db, pairDaysInsertSql(Number(b.batch_id), segments));
  }
  return batches.length;
}
