/**
 * Analysis in SQL over the stored aggregates (pair_days), in steps that each build one temporary table:
 * pairs in the window → context (who is who) → the patient's care community → familiarity learned from the data →
 * user, patient and hour statistics → signal strengths and score (table a_scored). The parameters and their
 * reasoning live in domain/statistics.ts and domain/scoring.ts.
 */
import { explanationId } from '../domain/explanations.js';
import { INFORMATIVENESS_SQL, keptSignalsSql, scoreQuery } from '../domain/scoring.js';
import {
  ADDRESS_HOUSEHOLD,
  AREA,
  BURST,
  CROWD,
  CARE_MARGIN,
  EMPLOYMENT,
  FAMILIARITY,
  FAMILY_NAME,
  EXPORT_DAY,
  FOLLOW_UP_HOURS,
  LEAVING,
  HOURS,
  MACHINE,
  SELF_DECLARED,
  SHARED_RECORD,
  USER_DAY,
  USER_WEEK,
  NAME_SERIES,
  MIN_COUNT,
  MIN_DEPARTMENT_PEERS,
  MIN_PEER_GROUP,
  NO_CONTACT_FULL_BELOW_ONE_IN,
  WORKSTATION,
  OUTLIER,
  REPEAT,
  RESEARCH,
  ROUTINE,
  SESSION,
  STALE_OPEN,
  ABSENCE,
  WORK,
  WORK_UNITS,
  UNFAMILIAR_BELOW,
} from '../domain/statistics.js';
import { SERVICE_DEPARTMENT_KINDS } from '../domain/explain-policy.js';
import { FLAG_UNIT_NOT_GIVEN, SRC_ENCOUNTER, SRC_RELATION } from './explain-sql.js';
import { purposeCode, sqlList } from '../domain/codes.js';
import { exec, lit, type Db } from './sql.js';

export interface AnalysisWindow {
  /** Inclusive local dates (YYYY-MM-DD); null = open. */
  readonly from: string | null;
  readonly to: string | null;
}

function windowPredicate(w: AnalysisWindow): string {
  const parts = ['true'];
  if (w.from) parts.push(`day >= DATE '${w.from}'`);
  if (w.to) parts.push(`day <= DATE '${w.to}'`);
  return parts.join(' AND ');
}

/**
 * A span of days as a fixed number of hours. Adding calendar days to a TIMESTAMPTZ goes through the time-zone
 * calendar for every row (a tenth of a second per million); the margins here are days of care, not calendar dates,
 * so an hour more or less across a change of daylight saving time makes no difference to them.
 */
function days(n: number): string {
  return `INTERVAL ${n * 24} HOUR`;
}

/** The same window over the events `e` (their day in the workspace's time zone). */
export function eventWindowPredicate(w: AnalysisWindow): string {
  const parts = ['true'];
  if (w.from) parts.push(`CAST(e.ts AS DATE) >= DATE ${lit(w.from)}`);
  if (w.to) parts.push(`CAST(e.ts AS DATE) <= DATE ${lit(w.to)}`);
  return parts.join(' AND ');
}

/** Strength of a shared name from how many of all persons carry it (see FAMILY_NAME). */
function nameRarity(count: string, persons: string): string {
  const span = Math.log10(FAMILY_NAME.commonShare / FAMILY_NAME.rareShare);
  return `least(1.0, greatest(0.0, log10(${FAMILY_NAME.commonShare} / (${count} / greatest(${persons}, 1))) / ${span}))`;
}

/**
 * An hour-long bucket as a number (cheaper to compare than truncated timestamps): buckets on the hour are even,
 * buckets shifted by half an hour odd, so that both kinds can share one table.
 */
function hourBucket(ts: string, shift: 0 | 1): string {
  return `2 * ((epoch(${ts})::BIGINT + ${shift * 1800}) // 3600) + ${shift}`;
}

/** Strength from how rare a value is among all patients: none for the top 1 %, full for the top 0.01 %. */
function tailStrength(tail: string): string {
  return `least(1.0, greatest(0.0, (-log10(greatest(${tail}, 1e-12)) - ${BURST.fromLog10}) / ${BURST.spanLog10}))`;
}

/** Strength from a robust z-score (value, median and MAD are on the log1p scale). */
function robust(value: string, median: string, mad: string): string {
  return `least(1.0, greatest(0.0, ((ln(1 + ${value}) - ${median}) / greatest(1.4826 * ${mad}, ${OUTLIER.madFloor}) - ${OUTLIER.zFrom}) / ${OUTLIER.zSpan}))`;
}

/**
 * Counts over sliding windows of `days` days: for every (key, start) the distinct `item`s of the `source` rows (which
 * hold key, `day` and item) in the days from start, one window starting on each of the `days` days before a row.
 */
function slidingWindowsSql(source: string, key: string, item: string, days: number): string {
  return `SELECT r.${key}, r.day - o.back::INTEGER AS start, count(DISTINCT r.${item}) AS n
    FROM ${source} r CROSS JOIN (SELECT unnest(range(${days})) AS back) o GROUP BY r.${key}, start`;
}

/**
 * An unusual spell (see USER_WEEK). The user's usual and the spread come from `counts` (uid, <period>, n: one row per
 * calendar period); what is tested are the `windows` (a table or subquery of uid, start, n: the undocumented patients
 * in the `span` days from start), each against the usual, or the median of the user's department in the calendar period of its start
 * when higher. Every undocumented pair in a window above the usual gets the strength (the strongest window's), less
 * when the window's patients lie mostly in one unit. Builds `<out>` (uid, pid, s, n, usual) and `<out>_usual`.
 */
function unusualSpellSql(o: {
  counts: string;
  period: string;
  /** The calendar period of a window's start `x.start`, as in `counts`. */
  periodOfStart: string;
  windows: string;
  span: number;
  out: string;
  minPeriods: number;
  w: AnalysisWindow;
}): string {
  return `CREATE OR REPLACE TEMP TABLE ${o.out}_usual AS
        SELECT uid, greatest(quantile_disc(n, ${USER_WEEK.usualQuantile}),
          coalesce(list_sort(list(n), 'DESC')[${USER_WEEK.recurringRank}], 0), ${USER_WEEK.minUsual}) AS usual
        FROM ${o.counts} GROUP BY uid HAVING count(*) >= ${o.minPeriods};
      CREATE OR REPLACE TEMP TABLE ${o.out} AS
        WITH home AS (
          SELECT u.uid, d.dept, coalesce(u.role, '') || '/' || coalesce(d.kind, 'other') AS kind
          FROM users u JOIN departments d USING (department_id)),
        dept_period AS (
          SELECT h.dept, k.${o.period} AS period, median(k.n) AS n FROM ${o.counts} k JOIN home h USING (uid) GROUP BY h.dept, k.${o.period}),
        e AS (
          SELECT k.uid, k.n, greatest(u.usual, coalesce(dp.n, 0)) AS usual, coalesce(h.kind, 'other') AS kind
          FROM ${o.counts} k JOIN ${o.out}_usual u USING (uid)
          LEFT JOIN home h USING (uid) LEFT JOIN dept_period dp ON dp.dept = h.dept AND dp.period = k.${o.period}),
        d AS (SELECT kind, least(greatest(((n - usual) ^ 2 - usual) / usual ^ 2, 0), ${USER_WEEK.maxDispersion}) AS x
              FROM e WHERE usual >= ${USER_WEEK.dispersionFrom}),
        disp_all AS (SELECT avg(x) AS c FROM d),
        disp AS (SELECT kind, avg(x) AS c, count(*) AS n FROM d GROUP BY kind),
        s AS (
          SELECT x.uid, x.start, x.n, greatest(u.usual, coalesce(dp.n, 0)) AS usual,
            greatest(CASE WHEN dk.n >= ${USER_WEEK.minKindWeeks} THEN dk.c ELSE da.c END, ${USER_WEEK.minDispersion}) AS c
          FROM ${o.windows} x JOIN ${o.out}_usual u USING (uid) CROSS JOIN disp_all da
          LEFT JOIN home h USING (uid) LEFT JOIN disp dk ON dk.kind = coalesce(h.kind, 'other')
          LEFT JOIN dept_period dp ON dp.dept = h.dept AND dp.period = ${o.periodOfStart}
          WHERE x.n > greatest(u.usual, coalesce(dp.n, 0))),
        s2 AS (
          SELECT s.* EXCLUDE (c),
            least(1.0, greatest(0.0, ((s.n - s.usual) / sqrt(s.usual + s.c * s.usual ^ 2) - ${USER_WEEK.zFrom}) / ${USER_WEEK.zSpan})) AS s
          FROM s),
        wp AS (
          SELECT p.uid, p.pid, s.start, s.n, s.usual, s.s
          FROM s2 s JOIN pair_days p ON p.uid = s.uid AND p.day BETWEEN s.start AND s.start + ${o.span - 1} AND p.n_unexplained > 0
          WHERE s.s > 0 AND ${windowPredicate(o.w)}),
        units AS (
          SELECT uid, start, max(k) AS top FROM (
            SELECT wp.uid, wp.start, c.care, count(DISTINCT wp.pid) AS k
            FROM wp JOIN (SELECT uid, pid, min(care) AS care FROM a_care GROUP BY uid, pid) c USING (uid, pid)
            WHERE c.care <> 0 GROUP BY ALL) GROUP BY uid, start)
        SELECT wp.uid, wp.pid,
          max(wp.s * least(1.0, greatest(0.0, (1 - coalesce(u.top, 0) / wp.n) / (1 - ${USER_WEEK.oneUnitShare})))) AS s,
          arg_max(wp.n, [wp.s, wp.n]) AS n, arg_max(wp.usual, [wp.s, wp.n, wp.usual]) AS usual
        FROM wp LEFT JOIN units u USING (uid, start) GROUP BY wp.uid, wp.pid`;
}

/** A person's full name as one comparable key (`family|given`, lower case, trimmed); `t` qualifies the columns. */
const fullNameKey = (t = ''): string => `lower(trim(${t}family_name)) || '|' || lower(trim(${t}given_name))`;

export const ANALYSIS_STEPS: readonly { name: string; sql: (w: AnalysisWindow) => string }[] = [
  {
    name: 'pairs',
    // Administrative follow-up after discharge explains a lookup by the user's role, not by anything between user
    // and patient: a day's lookups explained only that way, all made in hours the user is rarely active in, count as
    // unexplained (see FOLLOW_UP_HOURS).
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_user_day AS
        SELECT uid, day, count(DISTINCT pid) AS patients, bit_or(hours_all) AS hours,
          bool_or(n_after_employment > 0) AS outside_employment, bool_or(n_events > n_unexplained + n_weak) AS documented
        FROM pair_days WHERE ${windowPredicate(w)} GROUP BY uid, day;
      -- A user's presence: active days, active weeks, span, a usual day's patients and hours with lookups.
      CREATE OR REPLACE TEMP TABLE a_user_presence AS
        SELECT uid, count(*) AS days, count(DISTINCT date_trunc('week', day)) AS weeks, max(day) - min(day) + 1 AS span,
          median(patients) AS usual_patients, sum(bit_count(hours)) AS hour_days
        FROM a_user_day GROUP BY uid;
      CREATE OR REPLACE TEMP TABLE a_usual_hours AS
      WITH k AS (
        SELECT d.uid, t.h, count(*) AS days FROM a_user_day d CROSS JOIN range(24) t(h)
        WHERE (d.hours >> t.h) & 1 = 1 GROUP BY d.uid, t.h)
      SELECT p.uid, coalesce(sum(1 << k.h) FILTER (
          WHERE k.days >= greatest(${FOLLOW_UP_HOURS.minDays}, ${FOLLOW_UP_HOURS.minShare} * p.days)), 0)::INTEGER AS usual
      FROM a_user_presence p JOIN k USING (uid) WHERE p.days >= ${FOLLOW_UP_HOURS.minActiveDays} GROUP BY p.uid;
      -- The distinct weeks and workstations are counted apart, over the few days with undocumented lookups: as
      -- distinct aggregates among the others they made this the slowest statement of the step.
      CREATE OR REPLACE TEMP TABLE a_pairs AS
      WITH pd AS (
        SELECT pd.* REPLACE (
          CASE WHEN odd THEN n_events ELSE n_unexplained END AS n_unexplained,
          CASE WHEN odd THEN first_ts ELSE first_unexplained_ts END AS first_unexplained_ts,
          CASE WHEN odd THEN hours_all ELSE hours_unexplained END AS hours_unexplained,
          CASE WHEN odd THEN 0 ELSE explanation END AS explanation)
        FROM (SELECT pd.*, pd.explanation = ${explanationId('ADMIN_AFTER_DISCHARGE')} AND pd.n_unexplained = 0
                AND uh.uid IS NOT NULL AND (pd.hours_all & uh.usual) = 0 AS odd
              FROM pair_days pd LEFT JOIN a_usual_hours uh USING (uid) WHERE ${windowPredicate(w)}) pd),
      undocumented AS (
        SELECT uid, pid,
          (count(DISTINCT date_trunc('week', day)) FILTER (WHERE n_unexplained > 0))::INTEGER AS n_weeks_unexplained,
          list_distinct(flatten(list(ws_undocumented))) AS ws_undocumented
        FROM pd WHERE n_unexplained > 0 OR len(ws_undocumented) > 0 GROUP BY uid, pid),
      pairs AS (
        SELECT uid, pid,
          sum(n_events)::INTEGER AS n_events, sum(n_unexplained)::INTEGER AS n_unexplained, sum(n_weak)::INTEGER AS n_weak,
          min(first_ts) AS first_ts, max(last_ts) AS last_ts, min(first_unexplained_ts) AS first_unexplained_ts,
          bit_or(hours_unexplained) AS hours_unexplained, bit_or(hours_all) AS hours_all,
          sum(n_etreat)::INTEGER AS n_etreat,
          coalesce(bool_or(search_then_read AND n_unexplained > 0), false) AS search_then_read,
          (coalesce(sum(n_print_export) FILTER (WHERE n_unexplained > 0), 0))::INTEGER AS n_print_export,
          sum(n_etreat_no_emergency)::INTEGER AS n_etreat_no_emergency,
          sum(n_after_employment)::INTEGER AS n_after_employment,
          sum(n_write_unexplained)::INTEGER AS n_write_unexplained,
          min(dept) AS dept,
          coalesce(min(explanation) FILTER (WHERE explanation > 0), 0) AS explanation,
          bool_or(odd) AS follow_up_off_hours
        FROM pd GROUP BY uid, pid)
      SELECT p.*, coalesce(u.n_weeks_unexplained, 0) AS n_weeks_unexplained,
        coalesce(u.ws_undocumented, []::INTEGER[]) AS ws_undocumented
      FROM pairs p LEFT JOIN undocumented u USING (uid, pid)`,
  },
  {
    // Stale explanations: pairs explained only by a relation or a stay in the unit without an end that began long
    // before (a discharge nobody registered). Self-declared relations: pairs explained only by the user's own relation
    // to a patient who had no encounter anywhere around that time (see SELF_DECLARED).
    name: 'stale',
    sql: () => {
      const matches = (periods: string, pairs: string): string =>
        `SELECT p.uid, p.pid, p.first_ts, x.win_from, x.win_to FROM ${pairs} p JOIN ${periods} x
           ON x.pid = p.pid AND x.uid = p.uid AND p.first_ts BETWEEN x.win_from AND x.win_to
         UNION ALL
         SELECT p.uid, p.pid, p.first_ts, x.win_from, x.win_to FROM ${pairs} p JOIN ${periods} x
           ON x.pid = p.pid AND x.dept = p.dept AND x.src IN (${SRC_RELATION}, ${SRC_ENCOUNTER})
           AND p.first_ts BETWEEN x.win_from AND x.win_to`;
      const old = `first_ts - win_from >= INTERVAL ${STALE_OPEN.days} DAY`;
      return `CREATE OR REPLACE TEMP TABLE a_stale AS
      WITH ex AS (
        SELECT uid, pid, dept, first_ts FROM a_pairs
        WHERE n_unexplained = 0 AND n_weak < n_events
          AND explanation IN (${explanationId('USER_CARE_RELATION')}, ${explanationId('DEPARTMENT_CARE_RELATION')}, ${explanationId('ENCOUNTER_IN_DEPARTMENT')})),
      open AS (SELECT * FROM explainers WHERE win_to = TIMESTAMPTZ 'infinity'),
      candidates AS (
        SELECT DISTINCT ex.* FROM ex SEMI JOIN (SELECT uid, pid FROM (${matches('open', 'ex')}) WHERE ${old}) m USING (uid, pid))
      SELECT uid, pid FROM (${matches('explainers', 'candidates')})
      GROUP BY uid, pid HAVING bool_and(win_to = TIMESTAMPTZ 'infinity' AND ${old});
      CREATE OR REPLACE TEMP TABLE a_self_declared AS
        SELECT a.uid, a.pid FROM a_pairs a
        WHERE a.n_unexplained = 0 AND a.n_weak = 0 AND a.explanation = ${explanationId('USER_CARE_RELATION')}
          AND (NOT EXISTS (
                 SELECT 1 FROM encounters e WHERE e.pid = a.pid
                   AND e.start_ts <= a.last_ts + ${days(SELF_DECLARED.days)}
                   AND coalesce(e.end_ts, e.start_ts) >= a.first_ts - ${days(SELF_DECLARED.days)})
               OR EXISTS (
                 SELECT 1 FROM care_relations r WHERE r.pid = a.pid AND r.uid = a.uid
                   AND r.valid_from BETWEEN a.first_ts - to_minutes(${SELF_DECLARED.onTheSpotMinutes}) AND a.first_ts))`;
    },
  },
  {
    name: 'people',
    sql: () => `CREATE OR REPLACE TEMP TABLE a_names AS
        SELECT lower(trim(family_name)) AS name, count(*) AS n FROM (
          SELECT family_name FROM patients WHERE known UNION ALL SELECT family_name FROM users WHERE known)
        WHERE family_name IS NOT NULL GROUP BY 1;
      CREATE OR REPLACE TEMP TABLE a_full_names AS
        SELECT ${fullNameKey()} AS name, count(*) AS n FROM (
          SELECT family_name, given_name FROM patients WHERE known
          UNION ALL SELECT family_name, given_name FROM users WHERE known)
        WHERE family_name IS NOT NULL AND given_name IS NOT NULL GROUP BY 1;
      CREATE OR REPLACE TEMP TABLE a_addresses AS
        SELECT address_id, count(*) AS n FROM (
          SELECT address_id FROM patients WHERE known UNION ALL SELECT address_id FROM users WHERE known)
        WHERE address_id IS NOT NULL GROUP BY 1;
      CREATE OR REPLACE TEMP TABLE a_persons AS
        SELECT (SELECT count(*) FROM patients WHERE known) + (SELECT count(*) FROM users WHERE known) AS n;
      CREATE OR REPLACE TEMP TABLE a_employees AS
        WITH linked AS (SELECT pid, employee_user_id FROM patients WHERE nullif(employee_user_id, '') IS NOT NULL),
        -- (nothing to match where the file links employees: it is taken at its word)
        pk AS (SELECT pid, address_id, ${fullNameKey()} AS k FROM patients WHERE known AND NOT EXISTS (SELECT 1 FROM linked)),
        sk AS (SELECT user_id, address_id, ${fullNameKey()} AS k FROM users WHERE known AND NOT EXISTS (SELECT 1 FROM linked)),
        pu AS (SELECT k FROM pk WHERE k IS NOT NULL GROUP BY k HAVING count(*) = 1),
        su AS (SELECT k FROM sk WHERE k IS NOT NULL GROUP BY k HAVING count(*) = 1),
        -- the same full name and address, or a full name that one patient and one staff member have (no address)
        matched AS (
          SELECT pk.pid, sk.user_id FROM pk JOIN sk USING (k)
          WHERE pk.address_id = sk.address_id
            OR ((pk.address_id IS NULL OR sk.address_id IS NULL) AND k IN (SELECT k FROM pu) AND k IN (SELECT k FROM su)))
        SELECT pid, employee_user_id, false AS by_name FROM linked
        UNION ALL
        SELECT pid, any_value(user_id), true FROM matched GROUP BY pid HAVING count(*) = 1`,
  },
  {
    name: 'context',
    sql: () => `CREATE OR REPLACE TEMP TABLE a_ctx AS
      WITH base AS (
        SELECT a.*,
          CASE WHEN a.n_unexplained > 0 THEN 'unexplained'
               WHEN a.n_weak = a.n_events THEN 'weak' ELSE 'explained' END AS state,
          st.uid IS NOT NULL AS stale, sd.uid IS NOT NULL AS self_declared,
          -- hours of the lookups without a documented reason of the user's own unit (weakly explained ones count)
          CASE WHEN a.n_unexplained > 0 THEN a.hours_unexplained WHEN a.n_weak = a.n_events THEN a.hours_all ELSE 0 END
            AS hours_undocumented,
          coalesce(a.first_unexplained_ts, a.first_ts) AS ref_ts,
          u.role, u.known AS user_known, coalesce(a.dept, hd.dept) AS udept, hd.dept AS home_dept,
          (ae.employee_user_id IS NOT NULL AND ae.employee_user_id = u.user_id) AS is_self,
          CASE WHEN u.address_id = pt.address_id THEN pt.address_id END AS shared_address,
          CASE WHEN lower(trim(u.family_name)) = lower(trim(pt.family_name)) THEN lower(trim(pt.family_name)) END AS shared_name,
          CASE WHEN lower(trim(u.family_name)) = lower(trim(pt.family_name)) AND lower(trim(u.given_name)) = lower(trim(pt.given_name))
            THEN ${fullNameKey('pt.')} END AS shared_full_name,
          ae.employee_user_id, coalesce(ae.by_name, false) AS employee_by_name
        FROM a_pairs a JOIN users u USING (uid) JOIN patients pt USING (pid) LEFT JOIN a_stale st USING (uid, pid)
        LEFT JOIN a_self_declared sd USING (uid, pid)
        LEFT JOIN a_employees ae ON ae.pid = a.pid
        LEFT JOIN departments hd ON hd.department_id = u.department_id)
      SELECT b.* EXCLUDE (shared_address, shared_name, shared_full_name, employee_user_id),
        di.clinic AS uclinic,
        b.shared_address IS NOT NULL AS same_address, ad.n AS address_n,
        b.shared_name IS NOT NULL AS same_name, nm.n AS name_n,
        b.shared_full_name IS NOT NULL AS same_full_name, fn.n AS full_name_n,
        emp.uid AS employee_uid, ed.dept AS employee_dept, edi.clinic AS employee_clinic
      FROM base b
      LEFT JOIN dept_info di ON di.dept = b.udept
      LEFT JOIN a_addresses ad ON ad.address_id = b.shared_address
      LEFT JOIN a_names nm ON nm.name = b.shared_name
      LEFT JOIN a_full_names fn ON fn.name = b.shared_full_name
      LEFT JOIN users emp ON emp.user_id = b.employee_user_id
      LEFT JOIN departments ed ON ed.department_id = emp.department_id
      LEFT JOIN dept_info edi ON edi.dept = ed.dept`,
  },
  {
    // The units treating the patient around the lookup (service units excluded: an order says little about who the
    // patient's carers are); 0 = no contact with the hospital at all. Where the log names no unit for a user's
    // lookups, the user's undocumented lookups also count in the other units of the home clinic that the user's
    // documented work shows (see WORK_UNITS).
    name: 'care',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_care AS
      WITH w AS (
        SELECT pid, dept,
               CASE WHEN coalesce(dept_kind, '') IN ${sqlList(SERVICE_DEPARTMENT_KINDS)} THEN 2
                    WHEN coalesce(dept_kind = 'emergency' OR enc_kind = 'emergency', false) THEN 1 ELSE 0 END AS tier,
               start_ts - ${days(CARE_MARGIN.beforeDays)} AS lo,
               coalesce(end_ts, TIMESTAMPTZ 'infinity') + ${days(CARE_MARGIN.afterDays)} AS hi
        FROM encounter_windows),
      hits AS (
        SELECT a.uid, a.pid, w.dept AS care, min(w.tier) AS tier
        FROM a_ctx a JOIN w ON w.pid = a.pid AND a.ref_ts BETWEEN w.lo AND w.hi GROUP BY a.uid, a.pid, w.dept),
      m AS MATERIALIZED (
        SELECT h.uid, h.pid, a.udept, a.state, h.care FROM hits h JOIN a_ctx a USING (uid, pid)
        QUALIFY h.tier = min(h.tier) OVER (PARTITION BY h.uid, h.pid))
      SELECT * FROM m
      UNION ALL
      SELECT a.uid, a.pid, a.udept, a.state, 0 AS care FROM a_ctx a ANTI JOIN m ON m.uid = a.uid AND m.pid = a.pid;
      CREATE OR REPLACE TEMP TABLE a_user_units AS
        WITH unnamed AS (
          SELECT uid FROM events WHERE ${eventWindowPredicate(w)}
          GROUP BY uid HAVING avg(((flags & ${FLAG_UNIT_NOT_GIVEN}) <> 0)::INTEGER) >= ${WORK_UNITS.unnamedShare}),
        x AS (
          SELECT uid, care, count(DISTINCT pid) AS n FROM a_care
          WHERE state <> 'unexplained' AND care <> 0 AND uid IN (SELECT uid FROM unnamed) GROUP BY ALL),
        t AS (SELECT uid, sum(n) AS total FROM x GROUP BY uid)
        SELECT x.uid, x.care AS unit FROM x JOIN t USING (uid) JOIN users u USING (uid)
        JOIN departments hd ON hd.department_id = u.department_id JOIN dept_info hi ON hi.dept = hd.dept
        JOIN dept_info ci ON ci.dept = x.care
        WHERE x.n >= ${WORK_UNITS.share} * t.total AND x.n >= ${WORK_UNITS.minPatients} AND hi.clinic = ci.clinic AND x.care <> hd.dept;
      INSERT INTO a_care SELECT c.uid, c.pid, uu.unit, c.state, c.care
        FROM a_care c JOIN a_user_units uu ON uu.uid = c.uid AND uu.unit IS DISTINCT FROM c.udept WHERE c.state <> 'explained'`,
  },
  {
    name: 'familiarity',
    sql: () => `CREATE OR REPLACE TEMP TABLE a_dept_size AS
        SELECT udept, count(DISTINCT uid) AS n_users FROM a_ctx GROUP BY udept;
      CREATE OR REPLACE TEMP TABLE a_dc_user AS
        SELECT udept, care, uid, count(DISTINCT pid) AS n_patients, min(pid) AS only_pid
        FROM a_care WHERE state <> 'explained' GROUP BY udept, care, uid;
      CREATE OR REPLACE TEMP TABLE a_dept_care AS
        SELECT udept, care, count(*) AS n_users FROM a_dc_user GROUP BY udept, care;
      CREATE OR REPLACE TEMP TABLE a_dept_care_single AS
        SELECT udept, care, only_pid AS pid, count(*) AS n_single FROM a_dc_user WHERE n_patients = 1 GROUP BY ALL;
      CREATE OR REPLACE TEMP TABLE a_user_job AS
        WITH patients AS (
          SELECT uid, count(DISTINCT pid) FILTER (WHERE care = 0 AND state <> 'explained') AS n_no_contact,
                 count(DISTINCT pid) AS n
          FROM a_care GROUP BY uid)
        -- How much the user's work is a job of looking up people without contact (see FAMILIARITY).
        SELECT uid,
          CASE WHEN days >= ${FAMILIARITY.jobMinDays}
            THEN least(1.0, greatest(0.0, (n_no_contact / n - ${FAMILIARITY.jobShareFrom}) / ${FAMILIARITY.jobShareFrom}))
              * least(1.0, n_no_contact / ${FAMILIARITY.jobPatients}.0)
              * least(1.0, days / weeks / ${FAMILIARITY.jobDaysPerWeek}) ELSE 0 END AS job
        FROM patients JOIN a_user_presence USING (uid);
      CREATE OR REPLACE TEMP TABLE a_role_size AS
        SELECT role, count(DISTINCT uid) AS n_users FROM a_ctx GROUP BY role;
      CREATE OR REPLACE TEMP TABLE a_rc_user AS
        SELECT u.role, c.care, c.uid, count(DISTINCT c.pid) AS n_patients, min(c.pid) AS only_pid
        FROM a_care c JOIN users u USING (uid) WHERE c.state <> 'explained' GROUP BY u.role, c.care, c.uid;
      CREATE OR REPLACE TEMP TABLE a_role_care AS
        SELECT role, care, count(*) AS n_users FROM a_rc_user GROUP BY role, care;
      CREATE OR REPLACE TEMP TABLE a_role_care_single AS
        SELECT role, care, only_pid AS pid, count(*) AS n_single FROM a_rc_user WHERE n_patients = 1 GROUP BY ALL;
      CREATE OR REPLACE TEMP TABLE a_care_share AS
        SELECT care, count(*) / (SELECT count(*) FROM a_care) AS share FROM a_care GROUP BY care;
      CREATE OR REPLACE TEMP TABLE a_user_care AS
        WITH x AS (
          SELECT uid, care, count(DISTINCT pid) FILTER (WHERE state = 'explained') AS n_explained,
                 count(DISTINCT pid) FILTER (WHERE state <> 'explained') AS n_unexplained
          FROM a_care GROUP BY uid, care)
        SELECT x.*, (x.n_unexplained / greatest(sum(x.n_unexplained) OVER (PARTITION BY x.uid), 1)) / cs.share AS lift
        FROM x JOIN a_care_share cs USING (care);
      -- Lift: how much more often than the unit's share of all undocumented lookups the user's colleagues (the user's
      -- own lookups left out) looked up its patients without documentation, smoothed towards one.
      CREATE OR REPLACE TEMP TABLE a_lift AS
        WITH uc AS (SELECT udept, care, uid, n_patients AS n FROM a_dc_user),
        dc AS (SELECT udept, care, sum(n) AS n FROM uc GROUP BY ALL),
        dn AS (SELECT udept, sum(n) AS n FROM uc GROUP BY ALL),
        un AS (SELECT uid, udept, sum(n) AS n FROM uc GROUP BY ALL),
        cs AS (SELECT care, sum(n) / (SELECT sum(n) FROM uc) AS share FROM uc GROUP BY ALL)
        SELECT uc.uid, uc.udept, uc.care,
          ((dc.n - uc.n) + ${FAMILIARITY.liftPrior} * cs.share) / ((dn.n - un.n) + ${FAMILIARITY.liftPrior}) / cs.share AS lift
        FROM uc JOIN un USING (uid, udept) JOIN cs USING (care)
        JOIN dc ON dc.udept IS NOT DISTINCT FROM uc.udept AND dc.care = uc.care
        JOIN dn ON dn.udept IS NOT DISTINCT FROM uc.udept;
      CREATE OR REPLACE TEMP TABLE a_fam AS
        SELECT uid, pid, max(f) AS f, arg_max(peers, [f, -care, peers]) AS peers, max(f_user) AS f_user, max(dept_size) AS dept_size,
               bool_and(care = 0) AS no_contact
        FROM (
          SELECT c.uid, c.pid, c.care, ds.n_users AS dept_size, x.peers,
                 least(1.0, coalesce(uc.n_explained, 0) / ${FAMILIARITY.userPatients}.0) AS f_user,
                 greatest(
                   least(1.0, x.peers / greatest(least(${FAMILIARITY.minPeers}.0, 0.5 * (ds.n_users - 1)), ${FAMILIARITY.peerShare} * ds.n_users, 1.0))
                     * least(1.0, greatest(0.0, ln(greatest(coalesce(lf.lift, 1.0), 1e-9)) / ln(${FAMILIARITY.liftFull}))),
                   CASE WHEN c.care = 0 THEN coalesce(uj.job, 0) ELSE 0 END,
                   CASE WHEN ds.n_users < ${FAMILIARITY.smallDepartment}
                     THEN least(1.0, y.role_peers / greatest(${FAMILIARITY.minPeers}.0, ${FAMILIARITY.peerShare} * rs.n_users)) ELSE 0 END,
                   least(1.0, coalesce(uc.n_explained, 0) / ${FAMILIARITY.userPatients}.0),
                   CASE WHEN c.care <> 0 THEN least(1.0, greatest(uc.n_unexplained - 1, 0) / ${FAMILIARITY.userPatients}.0)
                     * least(1.0, greatest(0.0, ln(greatest(uc.lift, 1e-9)) / ln(${FAMILIARITY.concentrationLift}))) ELSE 0 END) AS f
          FROM a_care c
          LEFT JOIN a_dept_care dc ON dc.udept IS NOT DISTINCT FROM c.udept AND dc.care = c.care
          LEFT JOIN a_dept_care_single sg ON sg.udept IS NOT DISTINCT FROM c.udept AND sg.care = c.care AND sg.pid = c.pid
          LEFT JOIN a_dc_user du ON du.udept IS NOT DISTINCT FROM c.udept AND du.care = c.care AND du.uid = c.uid
          CROSS JOIN LATERAL (SELECT greatest(0, coalesce(dc.n_users, 0) - coalesce(sg.n_single, 0)
                                                 - CASE WHEN du.n_patients = 1 THEN 0 ELSE 1 END) AS peers) x
          LEFT JOIN a_dept_size ds ON ds.udept IS NOT DISTINCT FROM c.udept
          LEFT JOIN a_lift lf ON lf.uid = c.uid AND lf.udept IS NOT DISTINCT FROM c.udept AND lf.care = c.care
          LEFT JOIN a_user_care uc ON uc.uid = c.uid AND uc.care = c.care
          LEFT JOIN users uu ON uu.uid = c.uid
          LEFT JOIN a_user_job uj ON uj.uid = c.uid
          LEFT JOIN a_role_size rs ON rs.role IS NOT DISTINCT FROM uu.role
          LEFT JOIN a_role_care rc ON rc.role IS NOT DISTINCT FROM uu.role AND rc.care = c.care
          LEFT JOIN a_role_care_single rsg ON rsg.role IS NOT DISTINCT FROM uu.role AND rsg.care = c.care AND rsg.pid = c.pid
          LEFT JOIN a_rc_user ru ON ru.role IS NOT DISTINCT FROM uu.role AND ru.care = c.care AND ru.uid = c.uid
          CROSS JOIN LATERAL (SELECT greatest(0, coalesce(rc.n_users, 0) - coalesce(rsg.n_single, 0)
                                                 - CASE WHEN ru.n_patients = 1 THEN 0 ELSE 1 END) AS role_peers) y
          WHERE c.state <> 'explained')
        GROUP BY uid, pid`,
  },
  {
    // Breadth: unfamiliar patients per user over the window; exported: patients printed or exported without a
    // documented reason; rapid: unfamiliar patients per hour (two bucket offsets),
    // the user's most against the peers (same role in the same department, else the role), and every hour that is
    // unusual on that scale. Strangers: the share of the user's patients without any contact looked up without a
    // documented reason, against the same role in the department, else in the same kind of unit, else the role.
    name: 'users',
    sql: () => `CREATE OR REPLACE TEMP TABLE a_unfamiliar AS
        SELECT c.uid, c.pid, c.role, c.first_unexplained_ts FROM a_ctx c JOIN a_fam f USING (uid, pid)
        WHERE c.state = 'unexplained' AND f.f < ${UNFAMILIAR_BELOW};
      CREATE OR REPLACE TEMP TABLE a_unfamiliar_hours AS
        SELECT uid, ${hourBucket('first_unexplained_ts', 0)} AS b, count(*) AS n FROM a_unfamiliar GROUP BY ALL
        UNION ALL
        SELECT uid, ${hourBucket('first_unexplained_ts', 1)} AS b, count(*) AS n
        FROM a_unfamiliar GROUP BY ALL;
      CREATE OR REPLACE TEMP TABLE a_user AS
        WITH active AS (SELECT uid, any_value(role) AS role, count(*) AS patients FROM a_ctx GROUP BY uid),
        breadth AS (SELECT uid, count(*) AS n FROM a_unfamiliar GROUP BY uid),
        rapid AS (SELECT uid, max(n) AS n FROM a_unfamiliar_hours GROUP BY uid),
        exported AS (SELECT uid, count(*) AS n FROM a_ctx WHERE state = 'unexplained' AND n_print_export > 0 GROUP BY uid),
        strangers AS (SELECT f.uid, count(*) AS n FROM a_fam f JOIN a_ctx c USING (uid, pid) WHERE f.no_contact AND c.state = 'unexplained' GROUP BY f.uid)
        SELECT a.uid, a.role, coalesce(b.n, 0) AS breadth, coalesce(r.n, 0) AS rapid, coalesce(x.n, 0) AS exported, coalesce(st.n, 0) AS strangers,
          100.0 * coalesce(st.n, 0) / a.patients AS strangers_share
        FROM active a LEFT JOIN breadth b USING (uid) LEFT JOIN rapid r USING (uid) LEFT JOIN exported x USING (uid) LEFT JOIN strangers st USING (uid);
      CREATE OR REPLACE TEMP TABLE a_role_stats AS
        WITH h AS (SELECT a.*, d.dept AS home, coalesce(d.kind, 'other') AS home_kind FROM a_user a JOIN users u USING (uid) LEFT JOIN departments d ON d.department_id = u.department_id),
        n AS (SELECT *, count(*) OVER (PARTITION BY role, home) AS n_home, count(*) OVER (PARTITION BY role, home_kind) AS n_kind,
                     count(*) OVER (PARTITION BY role) AS n_role FROM h),
        g AS (SELECT CASE WHEN n_home >= ${MIN_DEPARTMENT_PEERS} THEN role || '@' || home
                          WHEN n_role >= ${MIN_PEER_GROUP} THEN role ELSE '*' END AS grp,
                     CASE WHEN n_home >= ${MIN_DEPARTMENT_PEERS} THEN role || '@' || home
                          WHEN n_kind >= ${MIN_PEER_GROUP} THEN role || '/' || home_kind
                          WHEN n_role >= ${MIN_PEER_GROUP} THEN role ELSE '*' END AS grp_kind,
                     * EXCLUDE (home, home_kind, n_home, n_kind, n_role)
                   FROM n),
        mk AS (SELECT grp_kind, median(ln(1 + strangers_share)) AS st_med FROM g GROUP BY grp_kind),
        m AS (SELECT grp, median(ln(1 + breadth)) AS b_med, median(ln(1 + rapid)) AS r_med,
                     median(ln(1 + exported)) AS x_med, quantile_cont(exported, 0.9) AS x_p90 FROM g GROUP BY grp)
        SELECT g.uid, g.grp, m.b_med, m.r_med, m.x_med, m.x_p90, mk.st_med,
               median(abs(ln(1 + g.strangers_share) - mk.st_med)) OVER (PARTITION BY g.grp_kind) AS st_mad, g.strangers, g.strangers_share,
               median(abs(ln(1 + g.breadth) - m.b_med)) OVER (PARTITION BY g.grp) AS b_mad,
               median(abs(ln(1 + g.rapid) - m.r_med)) OVER (PARTITION BY g.grp) AS r_mad,
               g.breadth, g.rapid, g.exported
        FROM g JOIN m USING (grp) JOIN mk USING (grp_kind);
      CREATE OR REPLACE TEMP TABLE a_user_signal AS
        SELECT uid, breadth, rapid, exported, r_med, r_mad, round(exp(b_med) - 1) AS breadth_typical,
          round(exp(x_med) - 1) AS exported_typical,
          CASE WHEN exported >= ${MIN_COUNT.exported}
            THEN least(1.0, greatest(0.0, log2(exported / greatest(x_p90, ${MIN_COUNT.exported})) / 2)) ELSE 0 END AS s_exported,
          CASE WHEN breadth >= ${MIN_COUNT.breadth} THEN ${robust('breadth', 'b_med', 'b_mad')} ELSE 0 END AS s_breadth,
          CASE WHEN rapid >= ${MIN_COUNT.rapid} THEN ${robust('rapid', 'r_med', 'r_mad')} ELSE 0 END AS s_rapid,
          strangers, round(strangers_share, 1) AS strangers_share, round(exp(st_med) - 1, 1) AS strangers_typical,
          CASE WHEN strangers >= ${MIN_COUNT.strangers} THEN ${robust('strangers_share', 'st_med', 'st_mad')} ELSE 0 END
            * (1 - coalesce(uj.job, 0)) AS s_strangers
        FROM a_role_stats LEFT JOIN a_user_job uj USING (uid);
      CREATE OR REPLACE TEMP TABLE a_rapid_hours AS
        SELECT b.uid, b.b, b.n, ${robust('b.n', 'r.r_med', 'r.r_mad')} AS s_rapid
        FROM a_unfamiliar_hours b JOIN a_user_signal r USING (uid) WHERE b.n >= ${MIN_COUNT.rapid}`,
  },
  {
    // Export days: patients a user printed or exported on one day, documented or not, against the user's own third
    // busiest export day (a registry or archive job exports like this every week; a secretary who suddenly prints
    // twenty records does not). Documented prints count too: a bulk export of recently discharged patients is
    // partly covered by the department's administrative follow-up, and those prints are part of the same episode.
    name: 'exports',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_export_day AS
        SELECT uid, day, count(DISTINCT pid) AS n, count(DISTINCT pid) FILTER (WHERE n_unexplained + n_weak > 0) AS undocumented
        FROM pair_days WHERE n_print_export > 0 AND ${windowPredicate(w)} GROUP BY uid, day;
      CREATE OR REPLACE TEMP TABLE a_export_usual AS
        SELECT uid, coalesce(list_sort(list(n), 'DESC')[${EXPORT_DAY.usualRank}], 0) AS usual FROM a_export_day GROUP BY uid;
      CREATE OR REPLACE TEMP TABLE a_export_burst AS
        SELECT d.uid, p.pid, max(d.n) AS day_n, any_value(u.usual) AS usual,
          max(least(1.0, greatest(0.0, log2(d.n / greatest(u.usual, ${EXPORT_DAY.minPatients}.0)) / 2))
            * CASE WHEN p.n_unexplained + p.n_weak > 0 OR d.undocumented >= ${EXPORT_DAY.mixedShare} * d.n THEN 1.0 ELSE ${EXPORT_DAY.documentedDayShare} END) AS s_export_burst
        FROM a_export_day d JOIN a_export_usual u USING (uid)
        JOIN pair_days p ON p.uid = d.uid AND p.day = d.day AND p.n_print_export > 0
        WHERE d.n >= ${EXPORT_DAY.minPatients} GROUP BY d.uid, p.pid;
      CREATE OR REPLACE TEMP TABLE a_leaving AS
        WITH d AS (
          SELECT p.uid, p.pid, p.day, p.day > u.employed_to - ${LEAVING.days} AS final,
                 p.n_unexplained > 0 AND p.n_print_export > 0 AS exported, p.n_print_export > 0 AS printed
          FROM pair_days p JOIN users u USING (uid)
          WHERE u.employed_to IS NOT NULL AND p.day <= u.employed_to AND ${windowPredicate(w)}),
        role_rate AS (
          SELECT u.role, count(*) FILTER (WHERE p.n_unexplained > 0 AND p.n_print_export > 0) / count(DISTINCT (p.uid, p.day)) AS rate
          FROM pair_days p JOIN users u USING (uid) WHERE ${windowPredicate(w)} GROUP BY u.role),
        u AS (
          SELECT d.uid, count(DISTINCT d.pid) FILTER (WHERE d.final AND d.exported) AS k,
            (count(DISTINCT d.pid) FILTER (WHERE NOT d.final AND d.exported) + ${LEAVING.priorDays} * any_value(coalesce(r.rate, 0)))
              / (count(DISTINCT d.day) FILTER (WHERE NOT d.final) + ${LEAVING.priorDays})
              * count(DISTINCT d.day) FILTER (WHERE d.final) AS expected
          FROM d JOIN users us USING (uid) LEFT JOIN role_rate r ON r.role IS NOT DISTINCT FROM us.role
          GROUP BY d.uid HAVING count(DISTINCT d.pid) FILTER (WHERE d.final AND d.exported) >= ${LEAVING.minPatients})
        SELECT d.uid, d.pid, any_value(u.k) AS leaving_n, any_value(u.expected) AS leaving_expected,
          max(least(1.0, greatest(0.0, ((u.expected - u.k * ln(greatest(u.expected, 1e-6)) + lgamma(u.k + 1)) / ln(10) - ${LEAVING.fromLog10})
            / ${LEAVING.spanLog10})) * CASE WHEN d.exported THEN 1.0 ELSE ${LEAVING.documentedShare} END) AS s_leaving
        FROM d JOIN u USING (uid) WHERE d.final AND d.printed AND u.k > u.expected GROUP BY d.uid, d.pid`,
  },
  {
    // Unusual weeks: patients a user looked up without a documented reason in seven days, against the user's own
    // ordinary week (the median of the user's active weeks, or the fourth busiest when higher: a busy week that
    // recurs is the user's rota, such as on-call) or, when higher, the median of the user's department in
    // that same week (a busy week for the whole unit is no one's spell). How far a week may stray is learned from all
    // user-weeks of the same role and kind of home department: a negative-binomial spread, variance = usual + c ·
    // usual², with c estimated from the data (a physician's on-call weeks or a radiology rota vary more than a
    // ward nurse's weeks). A few days of browsing by someone who is normally documented stand out; a job that is
    // undocumented every week does not.
    name: 'weeks',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_user_week AS
        SELECT uid, date_trunc('week', day) AS week, count(DISTINCT pid) FILTER (WHERE n_unexplained > 0) AS n,
          count(DISTINCT pid) AS total
        FROM pair_days WHERE ${windowPredicate(w)} GROUP BY uid, week;
      -- The user's share of undocumented patient-weeks: the no-relation baseline counts more for a user who is
      -- otherwise always documented (up to the routine threshold; above it routine_keep takes over).
      CREATE OR REPLACE TEMP TABLE a_undocumented AS
        SELECT uid, sum(n) / sum(total) AS share FROM a_user_week GROUP BY uid;
      CREATE OR REPLACE TEMP TABLE a_routine AS
        WITH p0 AS (SELECT sum(n) / sum(total) AS share FROM a_user_week)
        SELECT uid, least(1.0, greatest(0.0,
          (1 - median((n + ${ROUTINE.priorPatients} * p0.share) / (total + ${ROUTINE.priorPatients}))) / (1 - ${ROUTINE.from}))) AS routine_keep
        FROM a_user_week CROSS JOIN p0 GROUP BY uid HAVING count(*) >= ${ROUTINE.minWeeks};
      -- Any seven consecutive days: a spell of browsing that straddles two calendar weeks is one spell.
      CREATE OR REPLACE TEMP TABLE a_user_seven_days AS
        ${slidingWindowsSql(`(SELECT DISTINCT uid, pid, day FROM pair_days WHERE n_unexplained > 0 AND ${windowPredicate(w)})`, 'uid', 'pid', 7)};
      ${unusualSpellSql({ counts: 'a_user_week', period: 'week', periodOfStart: "date_trunc('week', x.start)", windows: 'a_user_seven_days', span: 7, out: 'a_week_spell', minPeriods: USER_WEEK.minWeeks, w })}`,
  },
  {
    // Unusual days: the same test for one day, counting only the patients the user looked up without a documented
    // reason that are unfamiliar for the user's unit (see familiarity). A user whose work is undocumented every day
    // (a pharmacist, an archive) and who one day opens dozens of patients the unit never sees stands out against
    // the user's own days although the week as a whole may not; a lab's batch day of its usual kind of patient
    // does not.
    name: 'days',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_user_unfamiliar_day AS
        WITH k AS (
          SELECT d.uid, d.day, count(DISTINCT d.pid) AS n FROM pair_days d JOIN a_fam f USING (uid, pid)
          WHERE d.n_unexplained > 0 AND f.f < ${UNFAMILIAR_BELOW} AND ${windowPredicate(w)} GROUP BY d.uid, d.day)
        SELECT a.uid, a.day, coalesce(k.n, 0) AS n FROM a_user_day a LEFT JOIN k USING (uid, day);
      ${unusualSpellSql({ counts: 'a_user_unfamiliar_day', period: 'day', periodOfStart: 'x.start', windows: '(SELECT uid, day AS start, n FROM a_user_unfamiliar_day)', span: 1, out: 'a_day_spell', minPeriods: USER_DAY.minDays, w })}`,
  },
  {
    // Research outside a study: a lookup made for research (purpose HRESCH) without the user's own care relation to
    // the patient, by a user whose other research lookups mostly have one (a study's patients are registered as its
    // researchers' care relations). Where research lookups are seldom covered so, the data say nothing and the signal
    // stays silent; a department's relation or an encounter says nothing about a study.
    name: 'research',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_research AS
      WITH r AS (
        SELECT e.uid, e.pid, bool_and(e.explanation = ${explanationId('USER_CARE_RELATION')}) AS documented,
          bool_or(e.explanation = 0) AS undocumented FROM events e
        WHERE e.purpose = ${purposeCode('HRESCH')} AND ${eventWindowPredicate(w)} GROUP BY e.uid, e.pid),
      u AS (SELECT uid, count(*) - 1 AS others, count(*) FILTER (WHERE documented) AS documented FROM r GROUP BY uid)
      SELECT r.uid, r.pid, u.others AS research_others, u.documented AS research_documented,
        least(1.0, greatest(0.0, (u.documented / u.others - ${RESEARCH.documentedFrom}) / (1 - ${RESEARCH.documentedFrom}))) AS s_research
      FROM r JOIN u USING (uid) WHERE r.undocumented AND u.others >= ${RESEARCH.minOthers}`,
  },
  {
    // Home area: how often the user's department looks up, with a documented reason, patients from the patient's
    // municipality (its catchment), against the share of that municipality in all documented lookups, smoothed
    // towards that share. An undocumented lookup of someone from an area the department never serves is unusual.
    name: 'areas',
    sql: () => `CREATE OR REPLACE TEMP TABLE a_area AS
      WITH x AS (
        SELECT c.udept, p.municipality AS m, count(*) AS n FROM a_ctx c JOIN patients p USING (pid)
        WHERE c.state = 'explained' AND p.municipality IS NOT NULL AND p.municipality <> '' GROUP BY ALL),
      d AS (SELECT udept, sum(n) AS n FROM x GROUP BY udept),
      g AS (SELECT m, sum(n) / (SELECT sum(n) FROM x) AS share FROM x GROUP BY m),
      u AS (
        SELECT c.uid, c.pid, c.udept, p.municipality AS m FROM a_ctx c JOIN patients p USING (pid)
        WHERE c.state = 'unexplained' AND p.municipality IS NOT NULL AND p.municipality <> '')
      SELECT u.uid, u.pid,
        ((coalesce(x.n, 0) + ${AREA.prior} * coalesce(g.share, 0)) / (d.n + ${AREA.prior})) / greatest(coalesce(g.share, 0), 1e-9) AS lift
      FROM u JOIN d ON d.udept IS NOT DISTINCT FROM u.udept
      LEFT JOIN x ON x.udept IS NOT DISTINCT FROM u.udept AND x.m = u.m
      LEFT JOIN g ON g.m = u.m
      WHERE d.n >= ${AREA.minLookups}`,
  },
  {
    // Employment dates that are out of date: a user who goes on working as before after the registered end of
    // employment (on several days, at half the usual daily number of patients or more, or, with too few days inside
    // the period to compare, with a documented reason for most of the patients) has had the contract extended
    // without the staff list knowing; a leaver's account used to look someone up is not like that. Nor is a single
    // day next to the period: a night shift that ends after midnight, or an end date counted as the first day off.
    name: 'employment',
    sql: () => `CREATE OR REPLACE TEMP TABLE a_employment AS
      WITH d AS (
        SELECT d.uid, d.day, d.patients AS pairs, d.outside_employment AS outside,
          coalesce(d.day = u.employed_to + 1 OR d.day = u.employed_from - 1, false) AS next_to_period
        FROM a_user_day d JOIN users u USING (uid)),
      documented AS (
        SELECT uid, count(*) FILTER (WHERE n_unexplained = 0) / count(*) AS share FROM a_pairs
        WHERE n_after_employment > 0 GROUP BY uid)
      SELECT uid FROM d LEFT JOIN documented USING (uid) GROUP BY uid
      HAVING (count(*) FILTER (WHERE outside) >= ${EMPLOYMENT.minDays}
          AND ((count(*) FILTER (WHERE NOT outside) >= ${EMPLOYMENT.minDays}
                AND coalesce(avg(pairs) FILTER (WHERE outside), 0) >= ${EMPLOYMENT.sameWork} * coalesce(avg(pairs) FILTER (WHERE NOT outside), 0))
            OR coalesce(any_value(share), 0) >= ${EMPLOYMENT.documentedShare}))
        OR (count(*) FILTER (WHERE outside) = 1 AND bool_or(outside AND next_to_period))`,
  },
  {
    // Bursts: users without a clear documented reason (none, or only a weak one) per patient on the busiest day,
    // the departments of such users within a few days, and the departments of those without any over the window (a
    // patient in the news draws readers from all over the hospital at once, a team from one place).
    name: 'patients',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_patient AS
        WITH routine AS (
          SELECT d.pid, d.dept FROM pair_days d
          WHERE d.n_unexplained + d.n_weak > 0 AND d.dept IS NOT NULL AND ${windowPredicate(w)}
          GROUP BY d.pid, d.dept HAVING count(DISTINCT d.day) >= ${BURST.routineDays}),
        days AS (
          -- a routine unit's users count as the unit: (unit, NULL); everyone else as (NULL, user)
          SELECT d.pid, d.day, count(DISTINCT (r.dept, CASE WHEN r.dept IS NULL THEN d.uid END)) AS n
          FROM pair_days d LEFT JOIN routine r ON r.pid = d.pid AND r.dept = d.dept
          WHERE d.n_unexplained + d.n_weak > 0 AND ${windowPredicate(w)} GROUP BY d.pid, d.day),
        per AS (SELECT pid, max(n) AS day_max FROM days GROUP BY pid),
        tot AS (SELECT pid, count(DISTINCT coalesce(udept, -uid)) AS total FROM a_ctx WHERE state = 'unexplained' GROUP BY pid),
        readers AS (
          SELECT DISTINCT d.pid, d.day, coalesce(c.udept, -d.uid) AS unit FROM pair_days d JOIN a_ctx c USING (uid, pid)
          WHERE d.n_unexplained + d.n_weak > 0 AND ${windowPredicate(w)}),
        spell AS (SELECT pid, max(n) AS spell_units FROM (${slidingWindowsSql('readers', 'pid', 'unit', BURST.spellDays)}) GROUP BY pid),
        j AS (SELECT pid, day_max, coalesce(total, 0) AS total, coalesce(spell_units, 0) AS spell_units
              FROM per LEFT JOIN tot USING (pid) LEFT JOIN spell USING (pid)),
        n AS (SELECT count(DISTINCT pid) AS patients FROM a_ctx),
        r AS (
          SELECT j.*,
            count(*) OVER (ORDER BY day_max DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / n.patients AS day_tail,
            count(*) OVER (ORDER BY total DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / n.patients AS total_tail,
            count(*) OVER (ORDER BY spell_units DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / n.patients AS spell_tail
          FROM j, n)
        SELECT r.pid, r.day_max, r.total, r.spell_units, (SELECT round(median(day_max)) FROM j) AS day_typical,
          greatest(
            CASE WHEN r.day_max >= ${MIN_COUNT.burst} THEN ${tailStrength('r.day_tail')} ELSE 0 END,
            CASE WHEN r.total >= ${MIN_COUNT.burst} THEN ${tailStrength('r.total_tail')} ELSE 0 END,
            CASE WHEN r.spell_units >= ${MIN_COUNT.burst} THEN ${tailStrength('r.spell_tail')} ELSE 0 END) AS s_burst
        FROM r;
      -- Each user's crowds (see CROWD).
      CREATE OR REPLACE TEMP TABLE a_user_crowd AS
        SELECT c.uid, sum(pa.s_burst) AS crowds FROM a_ctx c JOIN a_patient pa USING (pid)
        WHERE c.state <> 'explained' GROUP BY c.uid;
      -- Shared records (see SHARED_RECORD): no contact with the hospital, read without a documented reason by many
      -- users week after week.
      CREATE OR REPLACE TEMP TABLE a_shared_record AS
        WITH weeks AS (SELECT count(DISTINCT date_trunc('week', day)) AS n FROM pair_days WHERE ${windowPredicate(w)}),
        x AS (
          SELECT pid, count(DISTINCT uid) AS users, count(DISTINCT date_trunc('week', day)) AS weeks FROM pair_days
          WHERE n_unexplained + n_weak > 0 AND ${windowPredicate(w)} GROUP BY pid)
        SELECT x.pid FROM x CROSS JOIN weeks
        WHERE x.users >= ${SHARED_RECORD.minUsers} AND x.weeks >= ${SHARED_RECORD.minWeeks}
          AND x.weeks >= ${SHARED_RECORD.weekShare} * weeks.n
          AND NOT EXISTS (SELECT 1 FROM encounters e WHERE e.pid = x.pid)
          AND NOT EXISTS (SELECT 1 FROM care_relations r WHERE r.pid = x.pid)`,
  },
  {
    // Name series: on one day, the user looked up patients with the same family name in several different
    // households (addresses) without a documented reason, more than chance explains for a name that common (a search
    // for one particular person; one family's members at one address are not a series, nor are namesakes with the
    // same given name: that is a search for one person whose full name is shared; a namesake explained only by a
    // stay in a sibling unit of the clinic belongs to the series). A user who does this on
    // many days works from lists sorted by name (an archive, a records office): the strength is shared out.
    // Chance: Poisson with λ = the user's undocumented patients that day × the name's share of all persons.
    name: 'names',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_name_series AS
      WITH d AS (SELECT DISTINCT uid, pid, day FROM pair_days WHERE n_unexplained + n_weak > 0 AND ${windowPredicate(w)}),
      ud AS (SELECT uid, day, count(*) AS m FROM d GROUP BY uid, day),
      g AS (
        SELECT d.uid, d.day, lower(trim(p.family_name)) AS name,
          least(count(DISTINCT coalesce(p.address_id, p.patient_id)), count(DISTINCT coalesce(lower(trim(p.given_name)), p.patient_id))) AS k,
          list(d.pid) AS pids
        FROM d JOIN patients p USING (pid) WHERE p.family_name IS NOT NULL AND trim(p.family_name) <> ''
        GROUP BY d.uid, d.day, name HAVING k >= ${NAME_SERIES.minPatients}),
      s AS (
        SELECT g.uid, g.day, g.pids, g.k,
          least(1.0, greatest(0.0, (-(g.k * ln(ud.m * nm.n / greatest(pp.n, 1)) - lgamma(g.k + 1)) / ln(10)
            - ${NAME_SERIES.fromLog10}) / ${NAME_SERIES.spanLog10})) AS strength
        FROM g JOIN ud USING (uid, day) JOIN a_names nm USING (name) CROSS JOIN a_persons pp),
      habit AS (SELECT uid, count(DISTINCT day) AS days FROM s WHERE strength > 0 GROUP BY uid)
      SELECT uid, pid, max(k) AS k,
        max(strength * least(1.0, ${NAME_SERIES.maxDays}.0 / greatest(h.days, 1))) AS s_name_series
      FROM (SELECT uid, k, strength, unnest(pids) AS pid FROM s) LEFT JOIN habit h USING (uid) GROUP BY uid, pid`,
  },
  {
    // Hour-of-day profile per user (user-days with a lookup in each local hour), smoothed towards the role.
    name: 'hours',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_user_hours AS
        SELECT d.uid, count(*) AS n_days,
          [${Array.from({ length: 24 }, (_, h) => `count(*) FILTER (WHERE (d.hours_all >> ${h}) & 1 = 1)`).join(', ')}] AS counts
        FROM pair_days d WHERE ${windowPredicate(w)} GROUP BY d.uid;
      CREATE OR REPLACE TEMP TABLE a_role_hours AS
        WITH x AS (
          SELECT u.role, uh.n_days, unnest(range(24)) AS h, unnest(uh.counts) AS c
          FROM a_user_hours uh JOIN users u USING (uid)),
        y AS (SELECT role, h, sum(c) AS c, sum(n_days) AS n FROM x GROUP BY role, h)
        SELECT role, list((c + 1.0) / (n + 24.0) ORDER BY h) AS p FROM y GROUP BY role;
      CREATE OR REPLACE TEMP TABLE a_machine AS
        WITH h AS (SELECT uid, day, hours, unnest(range(24)) AS hour FROM a_user_day),
        per_hour AS (SELECT uid, hour, count(*) FILTER (WHERE (hours >> hour) & 1 = 1) AS k FROM h GROUP BY uid, hour),
        top AS (SELECT uid, max(k) AS k FROM per_hour GROUP BY uid),
        main_hours AS (
          SELECT ph.uid, sum(1 << ph.hour)::INTEGER AS mask FROM per_hour ph JOIN a_user_presence p USING (uid)
          WHERE ph.k >= ${MACHINE.mainHourShare} * p.days GROUP BY ph.uid),
        working AS (
          SELECT p.uid, count(*) AS days FROM a_user_day d JOIN a_user_presence p USING (uid) LEFT JOIN main_hours m USING (uid)
          WHERE d.documented OR d.patients >= greatest(${MACHINE.workingDayPatients}, ${MACHINE.workingDayShare} * p.usual_patients)
            OR (d.hours & ~coalesce(m.mask, 0)) = 0
          GROUP BY p.uid),
        d AS (SELECT uid, days, span, usual_patients AS per_day, hour_days FROM a_user_presence)
        SELECT uid FROM d JOIN top USING (uid) LEFT JOIN working w USING (uid)
        WHERE d.days >= ${MACHINE.minDays}
          AND (coalesce(w.days, 0) >= ${MACHINE.everyDay} * d.span
            OR (top.k >= ${MACHINE.sameHour} * d.days AND d.hour_days <= ${MACHINE.hoursPerDay} * d.days
                AND d.per_day >= ${MACHINE.patientsPerDay}))`,
  },
  {
    // Workstations: a lookup from a workstation the user has used on at most three days of five or more, and that the
    // user's department hardly uses (below 1 % of its lookups): borrowed credentials or a session left open. Weighted
    // by how rare such a day is for the user (someone who moves between workstations has one most days). Documented
    // pairs looked up on a day the user worked only from such workstations (logged in from home while on leave) get
    // it too, as a trace (`undocumented` false: not counted in how often the signal fires).
    name: 'workstations',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_ws AS
      WITH x AS (SELECT * FROM user_ws_days WHERE ${windowPredicate(w)}),
      uw AS (SELECT uid, ws, count(DISTINCT day) AS days FROM x GROUP BY uid, ws),
      ud AS (SELECT uid, count(DISTINCT day) AS days FROM x GROUP BY uid),
      home AS (SELECT u.uid, d.dept FROM users u JOIN departments d USING (department_id)),
      dw AS (SELECT h.dept, x.ws, sum(x.n_events) AS n FROM x JOIN home h USING (uid) GROUP BY h.dept, x.ws),
      dt AS (SELECT dept, sum(n) AS n FROM dw GROUP BY dept),
      rare AS (
        SELECT x.uid, x.ws, x.day, ud.days >= ${WORKSTATION.minUserDays} AND uw.days <= ${WORKSTATION.maxDays}
                  AND coalesce(dw.n, 0) < ${WORKSTATION.maxDepartmentShare} * dt.n AS unusual
        FROM x JOIN ud USING (uid) JOIN uw USING (uid, ws)
        LEFT JOIN home h ON h.uid = x.uid LEFT JOIN dw ON dw.dept = h.dept AND dw.ws = x.ws LEFT JOIN dt ON dt.dept = h.dept),
      habit AS (
        SELECT uid, ${INFORMATIVENESS_SQL('rate', WORKSTATION.habitOneIn)} AS weight FROM (
          SELECT r.uid, count(DISTINCT r.day) FILTER (WHERE r.unusual) / any_value(ud.days) AS rate
          FROM rare r JOIN ud USING (uid) GROUP BY r.uid)),
      p AS (SELECT uid, pid, unnest(ws_undocumented) AS ws FROM a_pairs WHERE len(ws_undocumented) > 0),
      away AS (SELECT uid, day FROM rare GROUP BY uid, day HAVING bool_and(unusual)),
      documented AS (
        SELECT DISTINCT d.uid, d.pid FROM pair_days d JOIN away USING (uid, day)
        SEMI JOIN a_pairs a ON a.uid = d.uid AND a.pid = d.pid AND a.n_unexplained + a.n_weak = 0
        WHERE ${windowPredicate(w)})
      SELECT p.uid, p.pid, max(CASE WHEN r.unusual THEN hb.weight ELSE 0 END) AS unusual, true AS undocumented
      FROM p JOIN (SELECT DISTINCT uid, ws, unusual FROM rare) r USING (uid, ws) JOIN habit hb USING (uid)
      GROUP BY p.uid, p.pid
      UNION ALL
      SELECT d.uid, d.pid, hb.weight AS unusual, false AS undocumented FROM documented d JOIN habit hb USING (uid)`,
  },
  {
    // Work sessions: hours (epoch hour numbers) in which a user's documented lookups started or ended; an
    // undocumented lookup with none of them within the margin was made outside any documented work. Weighted by how
    // rare that is for the user (an archive clerk who mostly works undocumented is not unusual when doing so).
    name: 'sessions',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_activity AS
        SELECT DISTINCT uid, h FROM (
          SELECT uid, epoch(first_ts)::BIGINT // 3600 AS h FROM pair_days WHERE n_unexplained = 0 AND ${windowPredicate(w)}
          UNION ALL
          SELECT uid, epoch(last_ts)::BIGINT // 3600 AS h FROM pair_days WHERE n_unexplained = 0 AND ${windowPredicate(w)});
      CREATE OR REPLACE TEMP TABLE a_session AS
        WITH documented AS (
          SELECT uid FROM pair_days WHERE n_unexplained = 0 AND ${windowPredicate(w)}
          GROUP BY uid HAVING count(DISTINCT day) >= ${SESSION.minDays}),
        u AS (
          SELECT d.uid, d.pid, d.day, epoch(d.first_unexplained_ts)::BIGINT // 3600 AS h FROM pair_days d
          SEMI JOIN documented USING (uid) WHERE d.n_unexplained > 0 AND ${windowPredicate(w)}),
        near AS (
          SELECT u.uid, u.pid, u.day, count(a.h) AS n FROM u
          CROSS JOIN range(-${SESSION.marginHours}, ${SESSION.marginHours + 1}) AS k(k)
          LEFT JOIN a_activity a ON a.uid = u.uid AND a.h = u.h + k.k
          GROUP BY u.uid, u.pid, u.day),
        offs AS (SELECT uid, pid, max(CASE WHEN n = 0 THEN 1 ELSE 0 END) AS off_session FROM near GROUP BY uid, pid),
        usual AS (
          SELECT o.uid, sum(o.off_session) / any_value(p.n) AS rate FROM offs o
          JOIN (SELECT uid, count(*) AS n FROM a_pairs GROUP BY uid) p USING (uid) GROUP BY o.uid)
        SELECT o.uid, o.pid, o.off_session * ${INFORMATIVENESS_SQL('u.rate')} AS off_session, o.off_session = 0 AS in_session
        FROM offs o JOIN usual u USING (uid)`,
  },
  {
    // Lookups during an absence: on a day with few patients, the user was otherwise inactive for the surrounding
    // fortnight (at most one other day with any lookup) although the user is usually active on a good share of days;
    // or the user had no working day for a month around it and only a few quiet days in its week (checking in from
    // home during a long leave). An extra shift does not look like this (it has a working day's patients). Strength
    // from how unlikely so quiet a fortnight (binomial, the user's rate of active days) or so many weeks without work
    // (the user's share of active weeks) is.
    name: 'absence',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_absence AS
      WITH ud AS (SELECT uid, day, patients FROM a_user_day),
      rate AS (
        SELECT uid, usual_patients AS usual, greatest(${ABSENCE.fewPatients}, ${ABSENCE.fewShare} * usual_patients) AS few,
          days / (7 * weeks) AS p, least(1.0, 7 * weeks / span) AS pw
        FROM a_user_presence WHERE days >= ${ABSENCE.minActiveDays}),
      quiet AS (
        SELECT q.uid, q.day, r.p, r.pw, r.usual, r.few,
          count(o.day) FILTER (WHERE abs(o.day - q.day) <= ${ABSENCE.days}) AS n_other,
          count(o.day) FILTER (WHERE o.patients > r.few) AS n_work
        FROM ud q JOIN rate r USING (uid)
        LEFT JOIN ud o ON o.uid = q.uid AND o.day <> q.day
          AND o.day BETWEEN q.day - ${ABSENCE.leaveDays} AND q.day + ${ABSENCE.leaveDays}
        WHERE q.patients <= r.few
        GROUP BY q.uid, q.day, r.p, r.pw, r.usual, r.few
        HAVING n_other <= 1 OR (r.usual > r.few AND n_work = 0 AND n_other <= ${ABSENCE.leaveCheckDays})),
      span AS (SELECT min(day) AS first, max(day) AS last FROM ud),
      seen AS (
        SELECT q.*,
          (least(q.day + ${ABSENCE.days}, s.last) - greatest(q.day - ${ABSENCE.days}, s.first))::DOUBLE AS n,
          (least(q.day + ${ABSENCE.leaveDays}, s.last) - greatest(q.day - ${ABSENCE.leaveDays}, s.first))::DOUBLE AS n_leave
        FROM quiet q CROSS JOIN span s),
      chance AS (
        SELECT uid, day, least(
          CASE WHEN n_other <= 1 THEN (1 - p) ^ n + n * p * (1 - p) ^ (n - 1) ELSE 1 END,
          CASE WHEN usual > few AND n_work = 0 THEN (1 - pw) ^ (n_leave / 7) ELSE 1 END) AS prob FROM seen)
      SELECT d.uid, d.pid,
        max(least(1.0, greatest(0.0, (-log10(greatest(c.prob, 1e-12)) - ${ABSENCE.fromLog10}) / ${ABSENCE.spanLog10}))) AS s_absence
      FROM pair_days d JOIN chance c USING (uid, day) WHERE ${windowPredicate(w)} GROUP BY d.uid, d.pid`,
  },
  {
    // The care team at work: another user of the same department (a person, not a machine account) also looked up
    // the patient within a week of the undocumented lookup (explanation-based auditing's "a colleague has a reason",
    // widened to any lookup: a team shares its patients). Covering for a colleague or an unrecorded consultation looks
    // like this; a look at someone nobody else in the department is concerned with does not. Also a planned visit: the patient comes to the user's
    // department within the following weeks (a referral being assessed, a visit being prepared). And an emergency:
    // the patient was in the emergency department at the time (specialists on call are asked to look).
    name: 'work',
    sql: (w) => `CREATE OR REPLACE TEMP TABLE a_team AS
      WITH d AS (
        SELECT p.uid, p.pid, p.day, p.n_unexplained + p.n_weak > 0 AS undocumented, coalesce(p.dept, hd.dept) AS dept
        FROM pair_days p JOIN users u USING (uid) LEFT JOIN departments hd ON hd.department_id = u.department_id
        WHERE p.pid IN (SELECT pid FROM pair_days WHERE n_unexplained + n_weak > 0 AND ${windowPredicate(w)})),
      q AS (SELECT * FROM d WHERE undocumented AND ${windowPredicate(w)})
      SELECT uid, pid, min(n) AS colleagues FROM (
        SELECT q.uid, q.pid, q.day, count(DISTINCT o.uid) AS n
        FROM q LEFT JOIN d o ON o.pid = q.pid AND o.dept = q.dept AND o.uid <> q.uid
          AND o.day BETWEEN q.day - ${WORK.teamDays} AND q.day + ${WORK.teamDays}
          AND o.uid NOT IN (SELECT uid FROM a_machine)
        GROUP BY q.uid, q.pid, q.day)
      GROUP BY uid, pid HAVING min(n) > 0;
      CREATE OR REPLACE TEMP TABLE a_upcoming AS
        WITH up AS (
          SELECT DISTINCT c.uid, c.pid FROM a_ctx c JOIN encounters e ON e.pid = c.pid
          WHERE c.state = 'unexplained' AND e.dept IN (c.udept, c.home_dept)
            AND e.start_ts > c.ref_ts AND e.start_ts <= c.ref_ts + ${days(WORK.upcomingDays)}),
        share AS (
          SELECT c.uid, count(up.pid) / (count(*) + ${WORK.upcomingPrior}.0) AS share FROM a_ctx c LEFT JOIN up USING (uid, pid)
          WHERE c.state = 'unexplained' AND c.uid IN (SELECT uid FROM up) GROUP BY c.uid)
        SELECT up.uid, up.pid, greatest(${WORK.upcomingKeepMin}, ${WORK.upcomingKeep} * (1 - share.share)) AS keep
        FROM up JOIN share USING (uid);
      CREATE OR REPLACE TEMP TABLE a_in_emergency AS
        SELECT DISTINCT c.uid, c.pid FROM a_ctx c JOIN encounter_windows e ON e.pid = c.pid
        WHERE c.state = 'unexplained' AND (e.enc_kind = 'emergency' OR e.dept_kind = 'emergency')
          AND c.ref_ts BETWEEN e.start_ts - INTERVAL ${WORK.emergencyBeforeHours} HOUR
            AND coalesce(e.end_ts, e.start_ts + ${days(1)}) + INTERVAL ${WORK.emergencyAfterHours} HOUR`,
  },
  {
    // Signal strengths per pair and the score; only what the totals, the scores file and the ranking need is kept.
    // The signals and facts of the pairs that become findings are computed again for those pairs alone
    // (scoredPairsSql): writing some ninety columns for every pair took longer than computing them.
    name: 'score',
    sql: () =>
      `CREATE OR REPLACE TEMP TABLE a_scored AS
        SELECT uid, pid, state, n_events, n_unexplained, score FROM (${scoredPairsSql('a_ctx')})`,
  },
];

/**
 * Signal strengths per pair, the behaviour signals scaled for routine work and for signs of real work (the care
 * team, charting), and the score, for the pairs of `pairs` (a_ctx or a subset of its rows). The rates that make a
 * flag informative are always taken over all of a_ctx, so a pair's row is the same whichever subset holds it.
 */
export function scoredPairsSql(pairs: string): string {
  return scoreQuery(`SELECT * REPLACE (${keptSignalsSql()}) FROM (
      WITH rates AS (
        SELECT greatest(count(*), 1) AS n,
          count(*) FILTER (WHERE search_then_read) AS n_search,
          count(*) FILTER (WHERE n_print_export > 0) AS n_print,
          count(*) FILTER (WHERE n_weeks_unexplained >= 2) AS n_repeat,
          count(*) FILTER (WHERE n_etreat_no_emergency > 0) AS n_etreat,
          (SELECT coalesce(sum(unusual), 0) FROM a_ws WHERE undocumented) AS n_ws,
          (SELECT count(*) FROM a_session WHERE off_session > 0) AS n_off,
          (SELECT count(*) FROM a_fam WHERE no_contact AND f < ${UNFAMILIAR_BELOW}) AS n_no_contact
        FROM a_ctx WHERE state = 'unexplained'),
      info AS (SELECT ${INFORMATIVENESS_SQL('n_search / n')} AS i_search, ${INFORMATIVENESS_SQL('n_print / n')} AS i_print,
                     ${INFORMATIVENESS_SQL('n_repeat / n')} AS i_repeat, ${INFORMATIVENESS_SQL('n_etreat / n')} AS i_etreat,
                     ${INFORMATIVENESS_SQL('n_ws / n')} AS i_ws, ${INFORMATIVENESS_SQL('n_off / n')} AS i_off,
                     ${INFORMATIVENESS_SQL('n_no_contact / n', NO_CONTACT_FULL_BELOW_ONE_IN)} AS i_no_contact FROM rates)
      SELECT c.uid, c.pid, c.state, c.n_events, c.n_unexplained, c.first_ts, c.last_ts, c.n_weeks_unexplained, c.explanation,
        coalesce(f.f, 1.0) AS familiarity, f.peers, f.dept_size, coalesce(f.no_contact, false) AS no_contact,
        us.breadth, us.rapid, us.breadth_typical, pa.day_max, pa.day_typical, pa.spell_units, c.name_n, c.hours_undocumented,
        c.follow_up_off_hours::INTEGER AS follow_up_off_hours, c.employee_by_name::INTEGER AS employee_by_name,
        (c.is_self)::DOUBLE AS s_self,
        (c.n_after_employment > 0)::DOUBLE * CASE WHEN em.uid IS NULL THEN 1.0 ELSE ${EMPLOYMENT.stillWorking} END AS s_after_employment,
        CASE WHEN c.same_address AND NOT c.is_self THEN least(1.0, ${ADDRESS_HOUSEHOLD}.0 / greatest(c.address_n, 1)) ELSE 0 END AS s_address,
        CASE WHEN c.n_etreat_no_emergency > 0 THEN info.i_etreat ELSE 0 END AS s_etreat,
        (NOT c.user_known)::DOUBLE AS s_unknown_user,
        CASE WHEN NOT coalesce(f.no_contact, false) THEN 1 - coalesce(f.f, 1.0) ELSE 0 END AS s_rare_dept,
        CASE WHEN coalesce(f.no_contact, false) THEN (1 - coalesce(f.f, 1.0)) * info.i_no_contact ELSE 0 END AS s_no_contact,
        CASE WHEN c.same_name AND NOT c.is_self THEN ${nameRarity('c.name_n', 'p.n')} ELSE 0 END AS s_name,
        CASE WHEN c.same_full_name AND NOT c.is_self THEN ${nameRarity('c.full_name_n', 'p.n')} ELSE 0 END AS s_full_name,
        c.full_name_n,
        -- A machine account has no colleagues: reading an employee's record is its job like any other.
        CASE WHEN mc.uid IS NOT NULL THEN 0
             WHEN c.employee_uid IS NOT NULL AND c.employee_uid <> c.uid AND c.employee_dept IN (c.udept, c.home_dept) THEN 1.0
             WHEN c.employee_uid IS NOT NULL AND c.employee_uid <> c.uid AND c.employee_clinic = c.uclinic THEN 0.7
             ELSE 0 END AS s_colleague,
        CASE WHEN c.employee_uid IS NOT NULL AND c.employee_uid <> c.uid AND mc.uid IS NULL THEN 1.0 ELSE 0 END AS s_employee,
        coalesce(pa.s_burst, 0) * (1 - 0.5 * coalesce(f.f, 1.0)) * least(1.0, ${CROWD.usual}.0 / greatest(coalesce(ucr.crowds, 0), 1e-9)) AS s_burst,
        coalesce(us.s_breadth, 0) * (1 - coalesce(f.f, 1.0)) AS s_breadth,
        CASE WHEN coalesce(f.no_contact, false) THEN coalesce(us.s_strangers, 0) ELSE 0 END AS s_strangers,
        us.strangers, us.strangers_share, us.strangers_typical,
        greatest(coalesce(rh1.s_rapid, 0), coalesce(rh2.s_rapid, 0),
                 coalesce(us.s_rapid, 0) * (1 - coalesce(f.f, 1.0))) AS s_rapid,
        greatest(coalesce(rh1.n, 0), coalesce(rh2.n, 0)) AS rapid_here,
        CASE WHEN c.state <> 'explained' AND uh.n_days >= ${HOURS.minDays} THEN (1 - 0.25 * coalesce(f.f, 1.0))
          * CASE WHEN se.in_session THEN ${HOURS.inSessionFactor} ELSE 1.0 END * least(1.0, greatest(0.0,
          log2((1.0 / 24) / list_min(list_transform(
            list_filter(range(24), h -> (c.hours_undocumented >> h) & 1 = 1),
            h -> (uh.counts[h + 1] + ${HOURS.smoothing} * coalesce(rh.p[h + 1], 1.0 / 24)) / (uh.n_days + ${HOURS.smoothing})))) / 4)) ELSE 0 END AS s_hours,
        CASE WHEN c.search_then_read THEN info.i_search ELSE 0 END AS s_search,
        coalesce(nse.s_name_series, 0) AS s_name_series, nse.k AS name_series,
        least(1.0, greatest(0, c.n_weeks_unexplained - 1) / ${REPEAT.weeksFull - 1}.0) * info.i_repeat AS s_repeat,
        CASE WHEN c.n_print_export > 0 THEN info.i_print ELSE 0 END AS s_print,
        CASE WHEN c.n_print_export > 0 AND c.state = 'unexplained' THEN coalesce(us.s_exported, 0) ELSE 0 END AS s_bulk_export,
        us.exported, us.exported_typical,
        coalesce(ab.s_absence, 0) AS s_absence,
        CASE WHEN mc.uid IS NOT NULL THEN 0.0 ELSE coalesce(rt.routine_keep, 1.0) END AS routine_keep,
        CASE WHEN sr.pid IS NOT NULL THEN 0.0 ELSE 1.0 END AS record_keep,
        CASE WHEN tm.colleagues > 0 THEN ${WORK.teamKeep} ELSE 1.0 END
          * CASE WHEN c.n_write_unexplained > 0 THEN ${WORK.chartedKeep} ELSE 1.0 END
          * coalesce(up.keep, 1.0)
          * CASE WHEN ie.uid IS NOT NULL THEN ${WORK.emergencyKeep} ELSE 1.0 END AS work_keep,
        coalesce(rs.s_research, 0) AS s_research, rs.research_others, rs.research_documented,
        coalesce(wk.s, 0) AS s_week, wk.n AS week_n, wk.usual AS week_usual,
        CASE WHEN mc.uid IS NOT NULL THEN 0.0 ELSE coalesce(dy.s, 0) * (1 - 0.5 * coalesce(f.f, 1.0)) END AS s_day, dy.n AS day_n, dy.usual AS day_usual,
        CASE WHEN ar.lift < 1 THEN least(1.0, ln(1 / ar.lift) / ln(${AREA.liftFull})) ELSE 0 END AS s_area,
        coalesce(eb.s_export_burst, 0) AS s_export_burst, eb.day_n AS exported_day, eb.usual AS exported_usual,
        coalesce(lv.s_leaving, 0) AS s_leaving, lv.leaving_n, lv.leaving_expected,
        (c.state = 'unexplained')::DOUBLE * (1 - least(coalesce(ud.share, 0), ${ROUTINE.from})) AS s_no_relation,
        (c.state = 'weak')::DOUBLE AS s_weak,
        c.stale::DOUBLE AS s_stale,
        c.self_declared::DOUBLE AS s_self_declared,
        coalesce(wsu.unusual, 0) * info.i_ws AS s_workstation,
        CASE WHEN c.state = 'unexplained' THEN coalesce(se.off_session, 0) * info.i_off ELSE 0 END AS s_off_session
      FROM ${pairs} c
      LEFT JOIN a_ws wsu USING (uid, pid)
      LEFT JOIN a_session se USING (uid, pid)
      LEFT JOIN a_name_series nse USING (uid, pid)
      LEFT JOIN a_export_burst eb USING (uid, pid)
      LEFT JOIN a_leaving lv USING (uid, pid)
      LEFT JOIN a_area ar USING (uid, pid)
      LEFT JOIN a_week_spell wk USING (uid, pid)
      LEFT JOIN a_research rs USING (uid, pid)
      LEFT JOIN a_day_spell dy USING (uid, pid)
      LEFT JOIN a_routine rt USING (uid)
      LEFT JOIN a_undocumented ud USING (uid)
      LEFT JOIN a_machine mc USING (uid)
      LEFT JOIN a_shared_record sr USING (pid)
      LEFT JOIN a_team tm USING (uid, pid)
      LEFT JOIN a_upcoming up USING (uid, pid)
      LEFT JOIN a_in_emergency ie USING (uid, pid)
      LEFT JOIN a_absence ab USING (uid, pid)
      LEFT JOIN a_employment em USING (uid)
      LEFT JOIN a_rapid_hours rh1 ON rh1.uid = c.uid AND rh1.b = ${hourBucket('c.ref_ts', 0)}
      LEFT JOIN a_rapid_hours rh2 ON rh2.uid = c.uid
        AND rh2.b = ${hourBucket('c.ref_ts', 1)}
      LEFT JOIN a_fam f USING (uid, pid)
      LEFT JOIN a_user_signal us USING (uid)
      LEFT JOIN a_user_crowd ucr USING (uid)
      LEFT JOIN a_patient pa USING (pid)
      LEFT JOIN a_user_hours uh USING (uid)
      LEFT JOIN a_role_hours rh ON rh.role IS NOT DISTINCT FROM c.role
      CROSS JOIN info CROSS JOIN a_persons p)`);
}

export async function runAnalysis(
  db: Db,
  window: AnalysisWindow,
  onStep?: (name: string, index: number, total: number) => void,
): Promise<void> {
  for (const [index, step] of ANALYSIS_STEPS.entries()) {
    onStep?.(step.name, index, ANALYSIS_STEPS.length);
    await exec(db, step.sql(window));
  }
}
