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
import { applyOrganisationRules, explainMatchesSql, flagsSql, lookupTraitsSql, type ExplanationRule } from './explain-sql.js';
import { recordStartLines } from '../dataset/text-file.js';
import { stageCsv, stopWith, type StagedFile } from './stage-csv.js';
import { stageNdjson } from './stage-ndjson.js';
import { exec, ident, inTransaction, lit, one, rows, scalar, type Db } from './sql.js';
import type { EventFormat } from '../dataset/layout.js';
import { PAIR_DAYS_SELECT } from './pair-days-sql.js';

export interface EventIngestOptions {
  readonly file: string;
  readonly format: EventFormat;
  readonly sha256: string;
  readonly skipBadLines: boolean;
  /** Stop when more than this share of records is skipped for bad values or bad lines. */
  readonly maxRejectShare: number;
  readonly now: Date;
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

async function duplicateIssues(db: Db, staged: StagedFile, good: string): Promise<{ issues: { issue: IngestIssue; count: number }[] }> {
  const present = ['timestamp', 'user_id', 'patient_id', 'action', 'purpose', 'department_id', 'workstation'].filter((c) =>
    staged.present.has(c),
  );
  await exec(
    db,
    `CREATE OR REPLACE TEMP TABLE ${STAGE}_dups AS
     SELECT event_id, count(*) AS n, count(DISTINCT hash(${present.map(ident).join(', ')})) AS variants,
            list(rec ORDER BY rec) AS recs
     FROM ${STAGE} WHERE ${good} GROUP BY event_id HAVING count(*) > 1`,
  );
  const conflicts = await rows<{ event_id: string; recs: number[] }>(
    db,
    `SELECT event_id, recs[1:2] AS recs FROM ${STAGE}_dups WHERE variants > 1 ORDER BY recs[1] LIMIT 5`,
  );
  const conflictCount = await scalar<number>(db, `SELECT count(*) FROM ${STAGE}_dups WHERE variants > 1`);
  if (conflictCount > 0) {
    const lines = await recordStartLines(staged.path, conflicts.flatMap((c) => c.recs.map(Number)), {
      csv: staged.kind === 'csv',
      header: staged.kind === 'csv',
      skipLines: staged.droppedLines,
    });
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
  const lines = await recordStartLines(staged.path, copies.map((c) => c.rec), {
    csv: staged.kind === 'csv',
    header: staged.kind === 'csv',
    skipLines: staged.droppedLines,
  });
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

export async function ingestEventFile(db: Db, rules: readonly ExplanationRule[], options: EventIngestOptions): Promise<EventIngestResult> {
  const name = path.basename(options.file);
  const known = await rows<{ batch_id: number }>(db, `SELECT batch_id FROM batches WHERE content_sha256 = ${lit(options.sha256)}`);
  if (known[0]) {
    return { batchId: known[0].batch_id, alreadyIngested: true, recordsRead: 0, eventsStored: 0, explainedEvents: 0, issues: [], firstTs: null, lastTs: null };
  }
  options.onPhase?.('read');
  const staged =
    options.format === 'csv'
      ? await stageCsv(db, { file: options.file, kind: 'access_events', table: STAGE, skipBadLines: options.skipBadLines })
      : await stageNdjson(db, { file: options.file, table: STAGE, skipBadLines: options.skipBadLines });
  options.onPhase?.('check');
  const check = await checkRows(db, staged, eventRules(staged));
  const issues: { issue: IngestIssue; count: number }[] = [...staged.issues, ...check.issues];
  const dups = await duplicateIssues(db, staged, check.goodPredicate);
  issues.push(...dups.issues);

  const rejected = issues
    // Exact copies and non-patient events are not damage; unusable values and lines are.
    .filter((i) => issueAction(i.issue.issue, { skipBadLines: true }) === 'skip' && !['NOT_ONE_PATIENT', 'DUPLICATE_EVENT_ID'].includes(i.issue.issue))
    .reduce((sum, i) => sum + i.count, 0);
  const totalRecords = staged.records + staged.droppedLines.size;
  if (totalRecords > 0 && rejected / totalRecords > options.maxRejectShare) {
    stopWith(
      `${name}: ${rejected} of ${totalRecords} records are unusable (more than ${(options.maxRejectShare * 100).toFixed(1)} %); nothing was stored`,
      issues.filter((i) => i.count > 0).map((i) => i.issue).slice(0, 8),
    );
  }

  // Rows to keep: pass the checks, first copy of a duplicate, not stored before (same id within the time span).
  const keep = `${check.goodPredicate} AND rec NOT IN (SELECT unnest(recs[2:]) FROM ${STAGE}_dups)`;
  const span = await one<{ lo: string | null; hi: string | null }>(
    db,
    `SELECT CAST(min(try_cast("timestamp" AS TIMESTAMPTZ)) AS VARCHAR) AS lo, CAST(max(try_cast("timestamp" AS TIMESTAMPTZ)) AS VARCHAR) AS hi
     FROM ${STAGE} WHERE ${check.goodPredicate}`,
  );
  await exec(db, `CREATE OR REPLACE TEMP TABLE ${STAGE}_stored (rec BIGINT)`);
  if (span.lo && span.hi) {
    await exec(
      db,
      `INSERT INTO ${STAGE}_stored SELECT s.rec FROM ${STAGE} s
       WHERE ${keep} AND s.event_id IN (SELECT event_id FROM events
         WHERE ts BETWEEN TIMESTAMPTZ ${lit(span.lo)} - INTERVAL 1 DAY AND TIMESTAMPTZ ${lit(span.hi)} + INTERVAL 1 DAY)`,
    );
  }
  const storedBefore = await scalar<number>(db, `SELECT count(*) FROM ${STAGE}_stored`);
  if (storedBefore > 0) {
    issues.push({
      issue: { issue: 'ALREADY_STORED', file: name, field: 'event_id', message: `${storedBefore} event(s) were stored by an earlier batch; skipped` },
      count: storedBefore,
    });
  }
  const keepAll = storedBefore > 0 ? `${keep} AND rec NOT IN (SELECT rec FROM ${STAGE}_stored)` : keep;
  issues.push(...(await unknownReferenceIssues(db, staged, keepAll)));

  options.onPhase?.('store');
  const batchId = (await scalar<number>(db, 'SELECT coalesce(max(batch_id), 0) + 1 FROM batches')) as number;
  const stored = await inTransaction(db, async () => {
    await ensureEventIds(db, staged, keepAll);
    await exec(db, insertEventsSql(staged, keepAll, batchId));
    await applyOrganisationRules(db, rules, `batch_id = ${batchId}`, (a) => actionCode(a as (typeof ACTIONS)[number]));
    await exec(db, `INSERT INTO pair_days ${PAIR_DAYS_SELECT} WHERE batch_id = ${batchId} GROUP BY ALL`);
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
  await exec(db, `DROP TABLE IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${STAGE}_dups; DROP TABLE IF EXISTS ${STAGE}_stored;`);
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

async function unknownReferenceIssues(db: Db, staged: StagedFile, keep: string): Promise<{ issue: IngestIssue; count: number }[]> {
  const refs: [string, string, string][] = [
    ['user_id', 'users', 'staff.csv'],
    ['patient_id', 'patients', 'patients.csv'],
    ['department_id', 'departments', 'departments.csv'],
  ];
  const found: { issue: IngestIssue; count: number }[] = [];
  for (const [field, table, file] of refs) {
    if (!staged.present.has(field)) continue;
    const check = await checkRows(db, staged, [
      {
        field,
        issue: 'UNKNOWN_REFERENCE',
        bad: `(${keep}) AND nullif(${ident(field)}, '') IS NOT NULL AND ${ident(field)} NOT IN (SELECT ${field} FROM ${table} WHERE known)`,
        message: (v) => `${JSON.stringify(v)} is not in ${file}; the lookup is kept`,
      },
    ]);
    found.push(...check.issues);
  }
  return found;
}

async function ensureEventIds(db: Db, staged: StagedFile, keep: string): Promise<void> {
  const add = async (table: string, idCol: string, keyCol: string, source: string): Promise<void> => {
    await exec(
      db,
      `INSERT INTO ${table} (${idCol}, ${keyCol}${table === 'workstations' ? '' : ', known'})
       SELECT (SELECT coalesce(max(${idCol}), 0) FROM ${table}) + row_number() OVER (ORDER BY k), k${table === 'workstations' ? '' : ', false'}
       FROM (SELECT DISTINCT ${source} AS k FROM ${STAGE} WHERE ${keep} AND nullif(${source}, '') IS NOT NULL
             AND ${source} NOT IN (SELECT ${keyCol} FROM ${table}))`,
    );
  };
  await add('users', 'uid', 'user_id', 'user_id');
  await add('patients', 'pid', 'patient_id', 'patient_id');
  if (staged.present.has('department_id')) await add('departments', 'dept', 'department_id', 'department_id');
  if (staged.present.has('workstation')) await add('workstations', 'ws', 'workstation', 'workstation');
}

function insertEventsSql(staged: StagedFile, keep: string, batchId: number): string {
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
    m AS (${explainMatchesSql('c')})
    SELECT c.event_id, c.ts, c.uid, c.pid, c.action, c.purpose, c.dept, c.ws, ${batchId},
           coalesce(m.code, 0)::UTINYINT, ${flagsSql()}
    FROM c LEFT JOIN m ON m.rec = c.rec`;
}
