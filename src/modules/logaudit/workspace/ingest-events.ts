/**
 * Ingest one event file as one batch: stage, check, find duplicates (within the file and against what is stored),
 * then store the events with their explanation and the per-day pair aggregates in one transaction. The batch key is
 * the SHA-256 of the file: the same content is never stored twice, and events already stored are skipped by id.
 *
 * The file is read once into a text stage (DuckDB's reader, all cores). One more pass turns it into the compact
 * batch table `stage_events`: record number, event id, timestamp, action and purpose codes, the integer keys of
 * user, patient, unit and workstation (NULL where the id is new), and a bit mask of the field rules and unknown
 * references. Counting, examples, duplicates and the final insert all read that table; the text is only read again
 * for the few rows an issue shows.
 */
import path from 'node:path';
import { ACTIONS, PURPOSES, actionCode } from '../domain/codes.js';
import { issueAction, type IngestIssue } from '../domain/ingest-issues.js';
import { checkMask, droppingBits, ruleMaskSql, withLines, type PendingIssue, type RowRule } from './check-rows.js';
import { eventFastOk, eventRules } from './event-rules.js';
import {
  applyOrganisationRules,
  EXPLANATION_FROM_MATCHES,
  explainMatchCtes,
  flagsSql,
  lookupTraitsSql,
  MATCH_JOINS,
  type ExplanationRule,
} from './explain-sql.js';
import { numberedRows, stageCsv, stopWith, type StagedFile } from './stage-csv.js';
import { stageNdjson } from './stage-ndjson.js';
import { exec, ident, inTransaction, lit, one, rows, scalar, type Db } from './sql.js';
import type { EventFormat } from '../dataset/layout.js';
import { pairDaysInsertSql, userWorkstationDaysInsertSql } from './pair-days-sql.js';
import { offsetSegments, type OffsetSegment } from '../domain/time.js';

export interface EventIngestOptions {
  readonly file: string;
  readonly format: EventFormat;
  /** SHA-256 of the file (may still be computed while other work runs). */
  readonly sha256: string | Promise<string>;
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

/** The text stage (as read) and the batch table built from it. */
const RAW = 'stage_events_raw';
const STAGE = 'stage_events';

/** Fields that name reference data: stage column, table, key, integer key, the file that defines them. */
const REFERENCES = [
  { field: 'user_id', table: 'users', key: 'user_id', id: 'uid', file: 'staff.csv' },
  { field: 'patient_id', table: 'patients', key: 'patient_id', id: 'pid', file: 'patients.csv' },
  { field: 'department_id', table: 'departments', key: 'department_id', id: 'dept', file: 'departments.csv' },
] as const;

type Reference = (typeof REFERENCES)[number];

/** Column of `stage_events` holding an id that is not (yet) in its table. */
const newColumn = (field: string): string => `new_${field}`;

/** SQL `CASE` from a text column to a vocabulary code, exact spelling first, then case-folded. */
function codeSql(column: string, vocabulary: readonly string[], fold: 'lower' | 'upper'): string {
  const whens = vocabulary.map((v, i) => `WHEN '${v}' THEN ${i + 1}`).join(' ');
  return `(CASE ${column} ${whens} ELSE (CASE ${fold}(${column}) ${whens} ELSE NULL END) END)`;
}

/**
 * The batch table: one row per staged record with the values the insert needs and the mask of `rules` (bits
 * 0..n−1) and of unknown references (bit n + i for REFERENCES[i]).
 */
function batchTableSql(staged: StagedFile, rules: readonly RowRule[], references: readonly Reference[]): string {
  const has = (c: string): boolean => staged.present.has(c);
  const unknownBits = references
    .map(
      (r, i) =>
        `(CASE WHEN r.${ident(r.field)} <> '' AND NOT coalesce(${r.id}_t.known, false) THEN ${2 ** (rules.length + i)} ELSE 0 END)`,
    )
    .join(' | ');
  return `CREATE OR REPLACE TEMP TABLE ${STAGE} AS
    SELECT r.rec, r.event_id, r.ts,
      ${codeSql('r.action', ACTIONS, 'lower')}::UTINYINT AS action,
      coalesce(${has('purpose') ? codeSql('r.purpose', PURPOSES, 'upper') : 'NULL'}, 0)::UTINYINT AS purpose,
      ${references.map((ref) => `${ref.id}_t.${ref.id}`).join(', ')},
      ${has('department_id') ? '' : 'NULL::INTEGER AS dept, '}${has('workstation') ? 'ws_t.ws' : 'NULL::INTEGER AS ws'},
      ${references.map((ref) => `CASE WHEN ${ref.id}_t.${ref.id} IS NULL THEN r.${ident(ref.field)} END AS ${newColumn(ref.field)}`).join(', ')},
      ${has('workstation') ? `CASE WHEN ws_t.ws IS NULL THEN r.workstation END` : 'NULL::VARCHAR'} AS ${newColumn('workstation')},
      r.mask${unknownBits ? ` | ${unknownBits}` : ''} AS mask
    FROM (SELECT *, ${ruleMaskSql(rules, eventFastOk(staged))} AS mask
          FROM (SELECT *, try_cast("timestamp" AS TIMESTAMPTZ) AS ts FROM ${numberedRows(staged)})) r
    ${references.map((ref) => `LEFT JOIN ${ref.table} ${ref.id}_t ON ${ref.id}_t.${ref.key} = r.${ident(ref.field)}`).join('\n    ')}
    ${has('workstation') ? 'LEFT JOIN workstations ws_t ON ws_t.workstation = r.workstation' : ''}`;
}

async function duplicateIssues(db: Db, staged: StagedFile): Promise<PendingIssue[]> {
  const present = ['timestamp', 'user_id', 'patient_id', 'action', 'purpose', 'department_id', 'workstation'].filter(
    (c) => staged.present.has(c),
  );
  // Candidates by a 64-bit hash of the id first (cheap), then confirmed on the id itself.
  await exec(
    db,
    `CREATE OR REPLACE TEMP TABLE ${STAGE}_dups AS
     WITH candidates AS (SELECT hash(event_id) AS h FROM ${STAGE} GROUP BY 1 HAVING count(*) > 1)
     SELECT event_id, count(*) AS n, list(rec ORDER BY rec) AS recs
     FROM ${STAGE} WHERE hash(event_id) IN (SELECT h FROM candidates) GROUP BY event_id HAVING count(*) > 1`,
  );
  const copyCount = await scalar<number>(db, `SELECT coalesce(sum(n - 1), 0)::BIGINT FROM ${STAGE}_dups`);
  if (copyCount === 0) return [];
  // Do the copies say the same? Compare the text of the few rows involved.
  await exec(
    db,
    `CREATE OR REPLACE TEMP TABLE ${STAGE}_dups AS
     SELECT d.*, v.variants FROM ${STAGE}_dups d JOIN (
       SELECT x.event_id, count(DISTINCT hash(${present.map((c) => `r.${ident(c)}`).join(', ')})) AS variants
       FROM (SELECT event_id, unnest(recs) AS rec FROM ${STAGE}_dups) x JOIN ${numberedRows(staged)} r ON r.rec = x.rec
       GROUP BY x.event_id) v USING (event_id)`,
  );
  const conflicts = await rows<{ event_id: string; recs: number[] }>(
    db,
    `SELECT event_id, recs[1:2] AS recs FROM ${STAGE}_dups WHERE variants > 1 ORDER BY recs[1] LIMIT 5`,
  );
  const conflictCount = await scalar<number>(db, `SELECT count(*) FROM ${STAGE}_dups WHERE variants > 1`);
  if (conflictCount > 0) {
    const pending = conflicts.flatMap((c) =>
      c.recs.map((rec) => ({ rec: Number(rec), issue: { issue: 'LINE_MALFORMED', file: '', message: '' }, count: 0 })),
    ) satisfies PendingIssue[];
    const found = await withLines(staged, pending);
    const lineOf = new Map(pending.map((p, i) => [p.rec, found[i]?.issue.line]));
    stopWith(
      `${staged.name} has ${conflictCount} event id(s) used for different lookups; nothing was stored (which copy is true cannot be decided)`,
      conflicts.map((c) => ({
        issue: 'DUPLICATE_EVENT_ID_CONFLICT',
        file: staged.name,
        line: lineOf.get(Number(c.recs[1])),
        field: 'event_id',
        message: `${JSON.stringify(c.event_id)} is also used on line ${lineOf.get(Number(c.recs[0])) ?? '?'} for a different lookup`,
      })),
    );
  }
  const copies = await rows<{ event_id: string; rec: number; n: number }>(
    db,
    `SELECT event_id, recs[2] AS rec, n - 1 AS n FROM ${STAGE}_dups ORDER BY recs[2] LIMIT 5`,
  );
  return copies.map((c, i) => ({
    rec: c.rec,
    issue: {
      issue: 'DUPLICATE_EVENT_ID',
      file: staged.name,
      field: 'event_id',
      message: `${JSON.stringify(c.event_id)} is an exact copy of an earlier line; the copy is skipped`,
    },
    count: i === 0 ? copyCount : 0,
  }));
}

async function stageEvents(db: Db, options: EventIngestOptions): Promise<StagedFile> {
  return options.format === 'csv'
    ? stageCsv(db, {
        file: options.file,
        kind: 'access_events',
        table: RAW,
        skipBadLines: options.skipBadLines,
        numbered: false,
      })
    : stageNdjson(db, { file: options.file, table: RAW, skipBadLines: options.skipBadLines });
}

export async function ingestEventFile(
  db: Db,
  rules: readonly ExplanationRule[],
  options: EventIngestOptions,
): Promise<EventIngestResult> {
  const name = path.basename(options.file);
  const sha256 = await options.sha256;
  const known = await rows<{ batch_id: number }>(
    db,
    `SELECT batch_id FROM batches WHERE content_sha256 = ${lit(sha256)}`,
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
  const staged = await stageEvents(db, options);
  options.onPhase?.('check');
  const fieldRules = eventRules(staged);
  const references = REFERENCES.filter((r) => staged.present.has(r.field));
  await exec(db, batchTableSql(staged, fieldRules, references));
  const check = await checkMask(db, staged, STAGE, fieldRules);
  const pending: PendingIssue[] = [...check.pending];
  // From here on the batch table holds only rows to store: bad rows, later copies and known events are deleted.
  if (check.badRows > 0) {
    await exec(db, `DELETE FROM ${STAGE} WHERE (mask & ${droppingBits(fieldRules)}) <> 0`);
  }
  const dups = await duplicateIssues(db, staged);
  pending.push(...dups);
  if (dups.length > 0) await exec(db, `DELETE FROM ${STAGE} WHERE rec IN (SELECT unnest(recs[2:]) FROM ${STAGE}_dups)`);

  const rejected = [...staged.issues, ...pending]
    // Exact copies and non-patient events are not damage; unusable values and lines are.
    .filter(
      (i) =>
        issueAction(i.issue.issue, { skipBadLines: true }) === 'skip' &&
        !['NOT_ONE_PATIENT', 'DUPLICATE_EVENT_ID'].includes(i.issue.issue),
    )
    .reduce((sum, i) => sum + i.count, 0);
  const totalRecords = staged.records + staged.droppedLines.size;
  if (totalRecords > 0 && rejected / totalRecords > options.maxRejectShare) {
    const issues = [...staged.issues, ...(await withLines(staged, pending))];
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
    pending.push({
      issue: {
        issue: 'ALREADY_STORED',
        file: name,
        field: 'event_id',
        message: `${storedBefore} event(s) were stored by an earlier batch; skipped`,
      },
      count: storedBefore,
    });
  }
  pending.push(...(await unknownReferenceIssues(db, staged, fieldRules.length, references)));
  const issues = [...staged.issues, ...(await withLines(staged, pending))];
  // The text is not needed any more (examples are taken); free its memory before the insert.
  await exec(db, `DROP TABLE IF EXISTS ${RAW}`);
  const span = await one<{ lo: number | null; hi: number | null }>(
    db,
    `SELECT epoch_ms(min(ts)) AS lo, epoch_ms(max(ts)) AS hi FROM ${STAGE}`,
  );
  const segments = offsetSegments(span.lo ?? 0, span.hi ?? 0, options.timezone);

  options.onPhase?.('store');
  const batchId = (await scalar<number>(db, 'SELECT coalesce(max(batch_id), 0) + 1 FROM batches')) as number;
  const stored = await inTransaction(db, async () => {
    await ensureEventIds(db, staged, references);
    await exec(db, insertEventsSql(batchId, segments));
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
      `INSERT INTO batches VALUES (${batchId}, ${lit(options.file)}, ${lit(options.format)}, ${lit(sha256)},
         ${lit(options.now.toISOString())}, ${totalRecords}, ${counts.n},
         ${lit(JSON.stringify(issues.filter((i) => i.count > 0).map((i) => ({ ...i.issue, count: i.count }))))},
         ${counts.lo ? `TIMESTAMPTZ ${lit(counts.lo)}` : 'NULL'}, ${counts.hi ? `TIMESTAMPTZ ${lit(counts.hi)}` : 'NULL'})`,
    );
    return counts;
  });
  await exec(
    db,
    `DROP TABLE IF EXISTS ${STAGE}; DROP TABLE IF EXISTS ${RAW}; DROP TABLE IF EXISTS ${STAGE}_dups;
     DROP TABLE IF EXISTS ${STAGE}_stored;`,
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
    `SELECT CAST(min(ts) AS VARCHAR) AS lo, CAST(max(ts) AS VARCHAR) AS hi FROM ${STAGE}`,
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

/** Ids the reference files do not define (kept and counted), from the mask bits of the rows still to store. */
async function unknownReferenceIssues(
  db: Db,
  staged: StagedFile,
  firstBit: number,
  references: readonly Reference[],
): Promise<PendingIssue[]> {
  const found: PendingIssue[] = [];
  for (const [i, ref] of references.entries()) {
    const check = await checkMask(
      db,
      staged,
      STAGE,
      [
        {
          field: ref.field,
          issue: 'UNKNOWN_REFERENCE',
          bad: 'false',
          message: (v) => `${JSON.stringify(v)} is not in ${ref.file}; the lookup is kept`,
        },
      ],
      firstBit + i,
    );
    found.push(...check.pending);
  }
  return found;
}

/** Ids first seen in this batch get integer keys (as unknown entries); the batch table then gets those keys. */
async function ensureEventIds(db: Db, staged: StagedFile, references: readonly Reference[]): Promise<void> {
  const targets = [
    ...references.map((r) => ({ column: newColumn(r.field), table: r.table, key: r.key, id: r.id, known: true })),
    ...(staged.present.has('workstation')
      ? [{ column: newColumn('workstation'), table: 'workstations', key: 'workstation', id: 'ws', known: false }]
      : []),
  ];
  const missing = await one<Record<string, number>>(
    db,
    `SELECT ${targets.map((t, i) => `count(*) FILTER (WHERE ${t.column} IS NOT NULL AND ${t.column} <> '') AS n${i}`).join(', ')}
     FROM ${STAGE}`,
  );
  for (const [i, t] of targets.entries()) {
    if (!missing[`n${i}`]) continue;
    await exec(
      db,
      `INSERT INTO ${t.table} (${t.id}, ${t.key}${t.known ? ', known' : ''})
       SELECT (SELECT coalesce(max(${t.id}), 0) FROM ${t.table}) + row_number() OVER (ORDER BY k), k${t.known ? ', false' : ''}
       FROM (SELECT DISTINCT ${t.column} AS k FROM ${STAGE} WHERE ${t.column} IS NOT NULL AND ${t.column} <> '')`,
    );
    await exec(
      db,
      `UPDATE ${STAGE} SET ${t.id} = x.${t.id} FROM ${t.table} x
       WHERE ${STAGE}.${t.id} IS NULL AND x.${t.key} = ${STAGE}.${t.column}`,
    );
  }
}

/** Store the batch table as events of batch `batchId`, each with its explanation and flags. */
export function insertEventsSql(batchId: number, segments: readonly OffsetSegment[]): string {
  return `INSERT INTO events
    WITH c AS MATERIALIZED (
      SELECT *, ${lookupTraitsSql()}
      FROM (SELECT st.rec, st.event_id, st.ts, st.uid, st.pid, st.action, st.purpose,
                   coalesce(st.dept, hd.dept) AS dept, st.dept IS NULL AS unit_not_given, st.ws, u.role, u.employed_from, u.employed_to,
                   di.kind AS dept_kind, di.clinic
            FROM ${STAGE} st JOIN users u ON u.uid = st.uid
            LEFT JOIN departments hd ON hd.department_id = u.department_id
            LEFT JOIN dept_info di ON di.dept = coalesce(st.dept, hd.dept))),
    ${explainMatchCtes('c')}
    SELECT c.event_id, c.ts, c.uid, c.pid, c.action, c.purpose, c.dept, c.ws, ${batchId},
           ${EXPLANATION_FROM_MATCHES}::UTINYINT, ${flagsSql(segments)}
    FROM c ${MATCH_JOINS('c')}`;
}
