/**
 * Field-level validation of a staged file: each rule is an SQL predicate that marks a bad row. One scan counts every
 * rule; for the rules that fire, the first rows are fetched and their record numbers turned into file lines.
 */
import { recordStartLines } from '../dataset/text-file.js';
import { EXAMPLES_PER_CLASS, issueAction, type IngestIssue, type IssueClass } from '../domain/ingest-issues.js';
import { ident, rows, type Db } from './sql.js';
import type { StagedFile } from './stage-csv.js';

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
  const lines = await recordStartLines(
    staged.path,
    examples.map((e) => e.rec),
    { csv: staged.kind === 'csv', header: staged.kind === 'csv', skipLines: staged.droppedLines },
  );
  const issues = examples.map((e) => ({
    issue: {
      issue: e.rule.issue,
      file: staged.name,
      line: lines.get(e.rec),
      field: e.rule.field,
      message: e.rule.message(e.value),
    },
    count: e.count,
  }));
  return {
    issues,
    goodPredicate: `NOT (${anyBad})`,
    badRows: counts.any_bad ?? 0,
  };
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
