/**
 * Ingest one event file as one batch: stage, check, find duplicates (within the file and against what is stored),
 * then store the events with their explanation and the per-day pair aggregates in one transaction. The batch key is
 * the SHA-256 of the file: the same content is never stored twice, and events already stored are skipped by id.
 */
import path from 'node:path';
import { ACTIONS, PURPOSES, actionCode, sqlCodeCase } from '../domain/codes.js';
import { issueAction, type IngestIssue } from '../domain/ingest-issues.js';
import { checkRows } from './check-rows.js';
import { eventRules } from './event-rules.js';
import {
  applyOrganisationRules,
  EXPLANATION_FROM_MATCHES,
  explainMatchCtes,
  flagsSql,
  lookupTraitsSql,
  MATCH_JOINS,
  type ExplanationRule,
} from './explain-sql.js';
import { recordStartLines } from '../dataset/text-file.js';
import { stageCsv, stopWith, type StagedFile } from './stage-csv.js';
import { stageNdjson } from './stage-ndjson.js';
import { exec, ident, inTransaction, lit, one, rows, scalar, type Db } from './sql.js';
import type { EventFormat } from '../dataset/layout.js';
import { pairDaysInsertSql, userWorkstationDaysInsertSql } from './pair-days-sql.js';
import { offsetSegments, type OffsetSegment } from '../domain/time.js';

export interface EventIngestOptions {
  readonly file: string;
  readonly format: EventFormat;
  readonly sha256: string;
  readonly skipBadLines: boolean;
  /** Stop when more than this share of records is skipped for bad values or bad lines. */
  readonly maxRejectShare: number;
  readonly now: Date;
  /** The workspace's time zone (local days and hours). */
  readonly timezone: string;
  readonly onPhase?: (phase: string) => void;
}

export interface EventIngestResult {
  readonly batchId: number | null;
  /** True when this exact file content was stored before (nothing done). */
  readonly alreadyIngested: boolean;
  readonly recordsRead: number;
  readonly eventsStored: number;
  readonly explainedEvents: number;
  readonly issues: readonly { issue: IngestIssue; count: number }[];
  readonly firstTs: string | null;
  readonly lastTs: string | null;
}

const STAGE = 'stage_events';

async function duplicateIssues(
  db: Db,
  staged: StagedFile,
): Promise<{ issues: { issue: IngestIssue; count: number }[] }> {
  const present = ['timestamp', 'user_id', 'patient_id', 'action', 'purpose', 'department_id', 'workstation'].filter(
    (c) => staged.present.has(c),
  );
  // Candidates by a 64-bit hash of the id first (cheap), then confirmed on the id itself.
  await exec(
    db,
    `CREATE OR REPLACE TEMP TABLE ${STAGE}_dups AS
     WITH candidates AS (SELECT hash(event_id) AS h FROM ${STAGE} GROUP BY 1 HAVING count(*) > 1)
     SELECT event_id, count(*) AS n, count(DISTINCT hash(${present.map(ident).join(', ')})) AS variants,
            list(rec ORDER BY rec) AS recs
     FROM ${STAGE} WHERE hash(event_id) IN (SELECT h FROM candidates) GROUP BY event_id HAVING count(*) > 1`,
  );
  const conflicts = await rows<{ event_id: string; recs: number[] }>(
    db,
    `SELECT event_id, recs[1:2] AS recs FROM ${STAGE}_dups WHERE variants > 1 ORDER BY recs[1] LIMIT 5`,
  );
  const conflictCount = await scalar<number>(db, `SELECT count(*) FROM ${STAGE}_dups WHERE variants > 1`);
  if (conflictCount > 0) {
    const lines = await recordStartLines(
      staged.path,
      conflicts.flatMap((c) => c.recs.map(Number)),
      {
        csv: staged.kind === 'csv',
        header: staged.kind === 'csv',
        skipLines: staged.droppedLines,
      },
    );
    stopWith(
      `${staged.name} has ${conflictCount} event id(s) used for different lookups; nothing was stored (which copy is true cannot be decided)`,
      conflicts.map((c) => ({
        issue: 'DUPLICATE_EVENT_ID_CONFLICT',
        file: staged.name,
        line: lines.get(Number(c.recs[1])),
        field: 'event_id',
        message: `${JSON.stringify(c.event_id)} is also used on line ${lines.get(Number(c.recs[0])) ?? '?'} for a different lookup`,
      })),
    );
  }
  const copies = await rows<{ event_id: string; rec: number; n: number }>(
    db,
    `SELECT event_id, recs[2] AS rec, n - 1 AS n FROM ${STAGE}_dups ORDER BY recs[2] LIMIT 5`,
  );
  const copyCount = await scalar<number>(db, `SELECT coalesce(sum(n - 1), 0)::BIGINT FROM ${STAGE}_dups`);
  if (copyCount === 0) return { issues: [] };
  const lines = await recordStartLines(
    staged.path,
    copies.map((c) => c.rec),
    {
      csv: staged.kind === 'csv',
      header: staged.kind === 'csv',
      skipLines: staged.droppedLines,
    },
  );
  return {
    issues: copies.map((c, i) => ({
      issue: {
        issue: 'DUPLICATE_EVENT_ID',
        file: staged.name,
        line: lines.get(c.rec),
        field: 'event_id',
        message: `${JSON.stringify(c.event_id)} is an exact copy of an earlier line; the copy is skipped`,
      },
      count: i === 0 ? copyCount : 0,
    })),
  };
}

export async function ingestEventFile(
  db: Db,
  rules: readonly ExplanationRule[],
  options: EventIngestOptions,
): Promise<EventIngestResult> {
  const name = path.basename(options.file);
  const known = await rows<{ batch_id: number }>(
    db,
    `SELECT batch_id FROM batches WHERE content_sha256 = ${lit(options.sha256)}`,
  );
  if (known[0]) {
    return {
      batchId: known[0].batch_id,
      alreadyIngested: true,
      recordsRead: 0,
      eventsStored: 0,
      explainedEvents: 0,
      issues: [],
      firstTs: null,
      lastTs: null,
    };
  }
  options.onPhase?.('read');
  const staged =
    options.format === 'csv'
      ? await stageCsv(db, {
          file: options.file,
          kind: 'access_events',
          table: STAGE,
          skipBadLines: options.skipBadLines,
        })
      : await stageNdjson(db, { file: options.file, table: STAGE, skipBadLines: options.skipBadLines });
  options.onPhase?.('check');
  const check = await checkRows(db, staged, eventRules(staged));
  const issues: { issue: IngestIssue; count: number }[] = [...staged.issues, ...check.issues];
  // From here on the stage holds only rows to store: bad rows, later copies and known events are deleted.
  if (check.badRows > 0) await exec(db, `DELETE FROM ${STAGE} WHERE NOT (${check.goodPredicate})`);
  const dups = await duplicateIssues(db, staged);
  issues.push(...dups.issues);
  if (dups.issues.length > 0)
    await exec(db, `DELETE FROM ${STAGE} WHERE rec IN (SELECT unnest(recs[2:]) FROM ${STAGE}_dups)`);

  const rejected = issues
    // Exact copies and non-patient events are not damage; unusable values and lines are.
    .filter(
      (i) =>
        issueAction(i.issue.issue, { skipBadLines: true }) === 'skip' &&
        !['NOT_ONE_PATIENT', 'DUPLICATE_EVENT_ID'].includes(i.issue.issue),
    )
    .reduce((sum, i) => sum + i.count, 0);
  const totalRecords = staged.records + staged.droppedLines.size;
  if (totalRecords > 0 && rejected / totalRecords > options.maxRejectShare) {
    stopWith(
      `${name}: ${rejected} of ${totalRecords} records are unusable (more than ${(options.maxRejectShare * 100).toFixed(1)} %); nothing was stored`,
      issues
        .filter((i) => i.count > 0)
        .map((i) => i.issue)
        .slice(0, 8),
    );
  }

  // Events stored by an earlier batch (same id within the time span of this one, plus a day) are skipped.
  const storedBefore = await deleteAlreadyStored(db);
  if (storedBefore > 0) {
    issues.push({
      issue: {
        issue: 'ALREADY_STORED',
        file: name,
        field: 'event_id',
        message: `${storedBefore} event(s) were stored by an earlier batch; skipped`,
      },
      count: storedBefore,
    });
  }
  issues.push(...(await unknownReferenceIssues(db, staged)));
  const keepAll = 'true';
  const span = await one<{ lo: number | null; hi: number | null }>(
    db,
    `SELECT epoch_ms(min(try_cast("timestamp" AS TIMESTAMPTZ))) AS lo, epoch_ms(max(try_cast("timestamp" AS TIMESTAMPTZ))) AS hi FROM ${STAGE}`,
  );
  const segments = offsetSegments(span.lo ?? 0, span.hi ?? 0, options.timezone);

  options.onPhase?.('store');
  const batchId = (await scalar<number>(db, 'SELECT coalesce(max(batch_id), 0) + 1 FROM batches')) as number;
  const stored = await inTransaction(db, async () => {
    await ensureEventIds(db, staged);
    await exec(db, insertEventsSql(staged, keepAll, batchId, segments));
    await applyOrganisationRules(db, rules, `batch_id = ${batchId}`, (a) => actionCode(a as (typeof ACTIONS)[number]));
    await exec(db, pairDaysInsertSql(batchId, segments));
    await exec(db, userWorkstationDaysInsertSql(batchId, segments));
    const counts = await one<{ n: number; explained: number; lo: string | null; hi: string | null }>(
      db,
      `SELECT count(*) AS n, count(*) FILTER (WHERE explanation > 0) AS explained,
              CAST(min(ts) AS VARCHAR) AS lo, CAST(max(ts) AS VARCHAR) AS hi FROM events WHERE batch_id = ${batchId}`,
    );
    await exec(
      db,
      `INSERT INTO batches VALUES (${batchId}, ${lit(options.file)}, ${lit(options.format)}, ${lit(options.sha256)},
         ${lit(options.now.toISOString())}, ${totalRecords}, ${counts.n},
         ${lit(JSON.stringify(issues.filter((i) => i.count > 0).map((i) => ({ ...i.issue, count: i.count }))))},
         ${counts.lo ? `TIMESTAMPTZ ${lit(counts.lo)}` : 'NULL'}, ${counts.hi ? `TIMESTAMPTZ ${lit(counts.hi)}` : 'NULL'})`,
    );
    return counts;
  });
  await exec(
    db,
    `DROP TABLE IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${STAGE}_dups; DROP TABLE IF EXISTS ${STAGE}_stored; DROP TABLE IF EXISTS ${STAGE}_unknown;`,
  );
  return {
    batchId,
    alreadyIngested: false,
    recordsRead: totalRecords,
    eventsStored: stored.n,
    explainedEvents: stored.explained,
    issues,
    firstTs: stored.lo,
    lastTs: stored.hi,
  };
}

async function deleteAlreadyStored(db: Db): Promise<number> {
  const anyStored = await scalar<number>(db, 'SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)');
  if (anyStored === 0) return 0;
  const span = await one<{ lo: string | null; hi: string | null }>(
    db,
    `SELECT CAST(min(try_cast("timestamp" AS TIMESTAMPTZ)) AS VARCHAR) AS lo, CAST(max(try_cast("timestamp" AS TIMESTAMPTZ)) AS VARCHAR) AS hi
     FROM ${STAGE}`,
  );
  if (!span.lo || !span.hi) return 0;
  await exec(
    db,
    `CREATE OR REPLACE TEMP TABLE ${STAGE}_stored AS SELECT s.rec FROM ${STAGE} s
     WHERE s.event_id IN (SELECT event_id FROM events
       WHERE ts BETWEEN TIMESTAMPTZ ${lit(span.lo)} - INTERVAL 1 DAY AND TIMESTAMPTZ ${lit(span.hi)} + INTERVAL 1 DAY)`,
  );
  const n = await scalar<number>(db, `SELECT count(*) FROM ${STAGE}_stored`);
  if (n > 0) await exec(db, `DELETE FROM ${STAGE} WHERE rec IN (SELECT rec FROM ${STAGE}_stored)`);
  return n;
}

const REFERENCES: readonly [field: string, table: string, key: string, file: string][] = [
  ['user_id', 'users', 'user_id', 'staff.csv'],
  ['patient_id', 'patients', 'patient_id', 'patients.csv'],
  ['department_id', 'departments', 'department_id', 'departments.csv'],
];

/** Ids the reference files do not define (kept and counted); collected once as small sets. */
async function unknownReferenceIssues(db: Db, staged: StagedFile): Promise<{ issue: IngestIssue; count: number }[]> {
  const found: { issue: IngestIssue; count: number }[] = [];
  const present = REFERENCES.filter(([field]) => staged.present.has(field));
  await exec(
    db,
    `CREATE OR REPLACE TEMP TABLE ${STAGE}_unknown AS
     ${present
       .map(
         ([field, table, key]) =>
           `SELECT '${field}' AS field, k FROM (SELECT DISTINCT ${ident(field)} AS k FROM ${STAGE})
            WHERE k IS NOT NULL AND k <> '' AND k NOT IN (SELECT ${key} FROM ${table} WHERE known)`,
       )
       .join(' UNION ALL ')}`,
  );
  for (const [field, , , file] of present) {
    const n = await scalar<number>(db, `SELECT count(*) FROM ${STAGE}_unknown WHERE field = '${field}'`);
    if (n === 0) continue;
    const check = await checkRows(db, staged, [
      {
        field,
        issue: 'UNKNOWN_REFERENCE',
        bad: `${ident(field)} IN (SELECT k FROM ${STAGE}_unknown WHERE field = '${field}')`,
        message: (v) => `${JSON.stringify(v)} is not in ${file}; the lookup is kept`,
      },
    ]);
    found.push(...check.issues);
  }
  return found;
}

async function ensureEventIds(db: Db, staged: StagedFile): Promise<void> {
  for (const [field, table, key] of REFERENCES) {
    if (!staged.present.has(field)) continue;
    const id = table === 'users' ? 'uid' : table === 'patients' ? 'pid' : 'dept';
    await exec(
      db,
      `INSERT INTO ${table} (${id}, ${key}, known)
       SELECT (SELECT coalesce(max(${id}), 0) FROM ${table}) + row_number() OVER (ORDER BY k), k, false
       FROM (SELECT k FROM ${STAGE}_unknown WHERE field = '${field}' AND k NOT IN (SELECT ${key} FROM ${table}))`,
    );
  }
  if (staged.present.has('workstation')) {
    await exec(
      db,
      `INSERT INTO workstations (ws, workstation)
       SELECT (SELECT coalesce(max(ws), 0) FROM workstations) + row_number() OVER (ORDER BY k), k
       FROM (SELECT DISTINCT workstation AS k FROM ${STAGE} WHERE workstation IS NOT NULL AND workstation <> ''
             AND workstation NOT IN (SELECT workstation FROM workstations))`,
    );
  }
}

export function insertEventsSql(
  staged: StagedFile,
  keep: string,
  batchId: number,
  segments: readonly OffsetSegment[],
): string {
  const has = (c: string): boolean => staged.present.has(c);
  return `INSERT INTO events
    WITH s AS (
      SELECT st.rec, st.event_id, try_cast(st."timestamp" AS TIMESTAMPTZ) AS ts, u.uid, p.pid,
             ${sqlCodeCase('lower(st.action)', ACTIONS)}::UTINYINT AS action,
             coalesce(${has('purpose') ? sqlCodeCase('upper(st.purpose)', PURPOSES) : 'NULL'}, 0)::UTINYINT AS purpose,
             coalesce(${has('department_id') ? 'ed.dept' : 'NULL'}, hd.dept) AS dept,
             ${has('workstation') ? 'w.ws' : 'NULL::INTEGER'} AS ws,
             u.role, u.employed_from, u.employed_to
      FROM (SELECT * FROM ${STAGE} WHERE ${keep}) st
      JOIN users u ON u.user_id = st.user_id
      JOIN patients p ON p.patient_id = st.patient_id
      LEFT JOIN departments hd ON hd.department_id = u.department_id
      ${has('department_id') ? 'LEFT JOIN departments ed ON ed.department_id = st.department_id' : ''}
      ${has('workstation') ? 'LEFT JOIN workstations w ON w.workstation = st.workstation' : ''}
    ),
    d AS (SELECT s.*, di.kind AS dept_kind, di.clinic FROM s LEFT JOIN dept_info di ON di.dept = s.dept),
    c AS MATERIALIZED (SELECT *, ${lookupTraitsSql()} FROM d),
    ${explainMatchCtes('c')}
    SELECT c.event_id, c.ts, c.uid, c.pid, c.action, c.purpose, c.dept, c.ws, ${batchId},
           ${EXPLANATION_FROM_MATCHES}::UTINYINT, ${flagsSql(segments)}
    FROM c ${MATCH_JOINS('c')}`;
}
