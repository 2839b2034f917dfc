/**
 * Field-level validation of a staged file: each rule is an SQL predicate that marks a bad row. One scan counts every
 * rule; for the rules that fire, the first rows are fetched and their record numbers turned into file lines.
 *
 * For the large event file the rules are instead evaluated once, in the statement that converts the staged text,
 * into a bit mask per row (`ruleMaskSql`); `checkMask` then counts and finds examples from that integer column.
 */
import { recordStartLines } from '../dataset/text-file.js';
import { EXAMPLES_PER_CLASS, issueAction, type IngestIssue, type IssueClass } from '../domain/ingest-issues.js';
import { ident, rows, type Db } from './sql.js';
import { numberedRows, type StagedFile } from './stage-csv.js';

export interface RowRule {
  readonly field: string;
  /** The class decides (see issueAction) whether a bad row is dropped or kept and counted. */
  readonly issue: IssueClass;
  /** SQL predicate over the staged table that is true for a bad row. */
  readonly bad: string;
  /** Plain message; `value` is the offending text (null when empty). */
  readonly message: (value: string | null) => string;
  /** SQL expression shown as the value; defaults to the field. */
  readonly valueSql?: string;
}

export interface RowCheck {
  readonly issues: { issue: IngestIssue; count: number }[];
  /** SQL predicate true for rows that pass every rule. */
  readonly goodPredicate: string;
  readonly badRows: number;
}

export async function checkRows(db: Db, staged: StagedFile, rules: readonly RowRule[]): Promise<RowCheck> {
  if (rules.length === 0) return { issues: [], goodPredicate: 'true', badRows: 0 };
  // Rules for optional values only count: the row is kept and the value ignored.
  const dropping = rules.filter((r) => issueAction(r.issue, { skipBadLines: true }) === 'skip');
  const anyBad = dropping.length > 0 ? dropping.map((r) => `coalesce(${r.bad}, false)`).join(' OR ') : 'false';
  const counts = (
    await rows<Record<string, number>>(
      db,
      `SELECT ${rules.map((r, i) => `count(*) FILTER (WHERE ${r.bad}) AS c${i}`).join(', ')},
              count(*) FILTER (WHERE ${anyBad}) AS any_bad
       FROM ${staged.table}`,
    )
  )[0] as Record<string, number>;
  const examples: { rule: RowRule; rec: number; value: string | null; count: number }[] = [];
  for (const [i, rule] of rules.entries()) {
    const count = counts[`c${i}`] ?? 0;
    if (count === 0) continue;
    const found = await rows<{ rec: number; value: string | null }>(
      db,
      `SELECT rec, CAST(${rule.valueSql ?? ident(rule.field)} AS VARCHAR) AS value FROM ${staged.table}
       WHERE ${rule.bad} ORDER BY rec LIMIT ${EXAMPLES_PER_CLASS}`,
    );
    found.forEach((f, j) => examples.push({ rule, rec: f.rec, value: f.value, count: j === 0 ? count : 0 }));
  }
  const issues = await withLines(
    staged,
    examples.map((e) => ({
      rec: e.rec,
      issue: { issue: e.rule.issue, file: staged.name, field: e.rule.field, message: e.rule.message(e.value) },
      count: e.count,
    })),
  );
  return {
    issues,
    goodPredicate: `NOT (${anyBad})`,
    badRows: counts.any_bad ?? 0,
  };
}

/** An issue found at a record whose file line is not looked up yet. */
export interface PendingIssue {
  readonly rec?: number;
  readonly issue: Omit<IngestIssue, 'line'>;
  readonly count: number;
}

/** Turn record numbers into file lines, all in one read of the file (and none when there is nothing to look up). */
export async function withLines(
  staged: StagedFile,
  pending: readonly PendingIssue[],
): Promise<{ issue: IngestIssue; count: number }[]> {
  const recs = pending.flatMap((p) => (p.rec === undefined ? [] : [p.rec]));
  const lines = await recordStartLines(staged.path, recs, {
    csv: staged.kind === 'csv',
    header: staged.kind === 'csv',
    skipLines: staged.droppedLines,
  });
  return pending.map(({ rec, issue, count }) => ({
    issue:
      rec === undefined
        ? issue
        : { issue: issue.issue, file: issue.file, line: lines.get(rec), field: issue.field, message: issue.message },
    count,
  }));
}

/**
 * SQL for a row's bit mask over `rules` (bit i set when rule i's predicate is true; NULL does not set it).
 * `fastOk`, when given, must be a cheap predicate that implies no rule is true: rows passing it get 0 without
 * evaluating the rules (the rules are costly string work, and nearly every row passes).
 */
export function ruleMaskSql(rules: readonly RowRule[], fastOk?: string): string {
  if (rules.length > 30) throw new Error('too many rules for one mask');
  if (rules.length === 0) return '0';
  const bits = rules.map((r, i) => `(CASE WHEN ${r.bad} THEN ${2 ** i} ELSE 0 END)`).join(' | ');
  return fastOk ? `(CASE WHEN ${fastOk} THEN 0 ELSE ${bits} END)` : `(${bits})`;
}

/** Bits of the rules whose bad rows are dropped (the others only count). */
export function droppingBits(rules: readonly RowRule[]): number {
  return rules.reduce((sum, r, i) => sum + (issueAction(r.issue, { skipBadLines: true }) === 'skip' ? 2 ** i : 0), 0);
}

/**
 * Counts and examples of `rules`, evaluated into column `mask` of `maskTable` (bit `firstBit + i` for rule i) whose
 * rows carry `rec`. Example values are read from the staged text (`staged`), only for the rows shown. Lines are
 * not looked up here (see withLines).
 */
export async function checkMask(
  db: Db,
  staged: StagedFile,
  maskTable: string,
  rules: readonly RowRule[],
  firstBit = 0,
): Promise<{ pending: PendingIssue[]; badRows: number }> {
  if (rules.length === 0) return { pending: [], badRows: 0 };
  const bit = (i: number): number => 2 ** (firstBit + i);
  const dropping = droppingBits(rules) * 2 ** firstBit;
  const counts = (
    await rows<Record<string, number>>(
      db,
      `SELECT ${rules.map((_, i) => `count(*) FILTER (WHERE (mask & ${bit(i)}) <> 0) AS c${i}`).join(', ')},
              count(*) FILTER (WHERE (mask & ${dropping}) <> 0) AS any_bad
       FROM ${maskTable}`,
    )
  )[0] as Record<string, number>;
  const pending: PendingIssue[] = [];
  for (const [i, rule] of rules.entries()) {
    const count = counts[`c${i}`] ?? 0;
    if (count === 0) continue;
    const found = await rows<{ rec: number; value: string | null }>(
      db,
      `WITH shown AS (SELECT rec FROM ${maskTable} WHERE (mask & ${bit(i)}) <> 0 ORDER BY rec LIMIT ${EXAMPLES_PER_CLASS})
       SELECT r.rec, CAST(${rule.valueSql ?? ident(rule.field)} AS VARCHAR) AS value
       FROM ${numberedRows(staged)} r SEMI JOIN shown ON shown.rec = r.rec ORDER BY r.rec`,
    );
    found.forEach((f, j) =>
      pending.push({
        rec: f.rec,
        issue: { issue: rule.issue, file: staged.name, field: rule.field, message: rule.message(f.value) },
        count: j === 0 ? count : 0,
      }),
    );
  }
  return { pending, badRows: counts.any_bad ?? 0 };
}

/** Common predicates. */
export const isBlank = (column: string): string => `(${ident(column)} IS NULL OR trim(${ident(column)}) = '')`;

/** Not readable as a timestamp at all (ISO 8601 with or without offset, or a plain date). */
export const badTimestamp = (column: string): string =>
  `(${ident(column)} IS NOT NULL AND try_cast(${ident(column)} AS TIMESTAMPTZ) IS NULL)`;

/** Readable, but without the offset the contract requires (local times are ambiguous around the DST change). */
export const timestampWithoutOffset = (column: string): string => {
  const c = ident(column);
  const offsetAt = (back: number): string => `substr(${c}, length(${c}) - ${back}, 1) IN ('+', '-')`;
  return `(${c} IS NOT NULL AND length(${c}) > 10 AND try_cast(${c} AS TIMESTAMPTZ) IS NOT NULL AND NOT (right(${c}, 1) IN ('Z', 'z') OR ${offsetAt(5)} OR ${offsetAt(4)} OR ${offsetAt(2)}))`;
};

/**
 * SQL turning a checked text column into TIMESTAMPTZ. A plain date is local midnight; as the end of a period
 * (`endOfDay`) it means the whole day, so the next midnight.
 */
export const timestampSql = (column: string, endOfDay = false): string => {
  const c = ident(column);
  return endOfDay
    ? `(CASE WHEN length(${c}) = 10 THEN try_cast(${c} AS TIMESTAMPTZ) + INTERVAL 1 DAY ELSE try_cast(${c} AS TIMESTAMPTZ) END)`
    : `try_cast(${c} AS TIMESTAMPTZ)`;
};

export const badDate = (column: string): string =>
  `(${ident(column)} IS NOT NULL AND trim(${ident(column)}) <> '' AND try_cast(left(trim(${ident(column)}), 10) AS DATE) IS NULL)`;

export const notIn = (column: string, values: readonly string[]): string =>
  `(${ident(column)} IS NOT NULL AND trim(${ident(column)}) <> '' AND ${ident(column)} NOT IN (${values.map((v) => `'${v}'`).join(',')}))`;
