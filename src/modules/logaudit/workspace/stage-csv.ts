/**
 * Stage a CSV file into a temporary table with DuckDB's own reader (all columns as text, one row number per record),
 * turning the reader's rejects into issues that name file, line and field. Broken lines and bad encoding stop the
 * batch unless the caller chose to skip bad lines; nothing is stored at this point.
 *
 * A numbered stage has a `rec` column. An unnumbered one (`numbered: false`, for the large event file) leaves it
 * out when it can: `row_number() OVER ()` would make DuckDB read the file on one thread. The table is then written
 * in file order (checked on the plan, see keepsFileOrder), so its `rowid + 1` is the record number; such a table
 * must not have rows deleted.
 */
import path from 'node:path';
import { AppError } from '../../../platform/errors.js';
import { CSV_COLUMNS, type CsvFileKind } from '../dataset/layout.js';
import { encodingHint } from '../dataset/encoding.js';
import { countLines, firstMixedLineEnding, readCsvHeader } from '../dataset/text-file.js';
import type { IngestIssue } from '../domain/ingest-issues.js';
import { exec, ident, lit, rows, scalar, type Db } from './sql.js';

export interface StagedFile {
  readonly table: string;
  /** SQL for the record number of a row of `table`: the column `rec`, or `(rowid + 1)` for an unnumbered stage. */
  readonly rec: string;
  readonly path: string;
  /** File name as shown in messages. */
  readonly name: string;
  readonly kind: 'csv' | 'ndjson';
  readonly present: ReadonlySet<string>;
  readonly records: number;
  /** Lines the reader dropped (only when bad lines are skipped). */
  readonly droppedLines: ReadonlySet<number>;
  readonly issues: readonly { issue: IngestIssue; count: number }[];
}

interface RejectRow {
  line: number;
  column_name: string | null;
  error_type: string;
  csv_line: string | null;
  error_message: string;
}

/**
 * Whether `createSql` (CREATE TABLE … AS SELECT from one file) writes the rows in file order, so that rowid + 1 is
 * the record number: DuckDB keeps the order when it plans a batch insert straight from the reader (or runs on one
 * thread), but an operator such as a join (which the optimizer makes of a long IN list) gives up the order.
 */
export async function keepsFileOrder(db: Db, createSql: string): Promise<boolean> {
  interface PlanNode {
    name: string;
    children?: PlanNode[];
  }
  const [plan] = await rows<{ explain_value: string }>(db, `EXPLAIN (FORMAT json) ${createSql}`);
  const root = (JSON.parse(plan?.explain_value ?? '[]') as PlanNode[])[0];
  if (!root) return false;
  const names: string[] = [];
  const walk = (n: PlanNode): void => {
    names.push(n.name);
    n.children?.forEach(walk);
  };
  walk(root);
  const streaming = names.every((n) =>
    ['BATCH_CREATE_TABLE_AS', 'CREATE_TABLE_AS', 'PROJECTION', 'FILTER', 'READ_CSV', 'READ_JSON'].includes(n),
  );
  if (!streaming) return false;
  if (root.name === 'BATCH_CREATE_TABLE_AS') return true;
  return Number(await scalar(db, `SELECT current_setting('threads')`)) === 1;
}

/** The staged rows with their record number as column `rec`. */
export function numberedRows(staged: StagedFile): string {
  return staged.rec === 'rec' ? staged.table : `(SELECT ${staged.rec} AS rec, * FROM ${staged.table})`;
}

export function stopWith(message: string, issues: readonly IngestIssue[]): never {
  throw new AppError(
    'LOG_DATASET_INVALID',
    message,
    issues.map((i) => ({
      place: `${i.file}${i.line !== undefined ? ` line ${i.line}` : ''}`,
      field: i.field,
      message: i.message,
    })),
  );
}

/**
 * DuckDB's CSV reader gives up on some damage without a line number (lines ending in LF in a file of CR LF lines):
 * find the place ourselves and stop with it. Errors that are not the CSV reader's (memory, disk) go on unchanged.
 */
async function stopOnUnreadableCsv(file: string, name: string, error: Error): Promise<never> {
  if (!/\bCSV\b/.test(error.message)) throw error;
  const mixed = await firstMixedLineEnding(file);
  if (mixed) {
    stopWith(`${name} cannot be read: its lines end in two different ways; nothing was stored`, [
      {
        issue: 'LINE_MALFORMED',
        file: name,
        line: mixed.line,
        message: `the line ends with ${mixed.ending} where the lines before it end with ${mixed.expected} (save the file with one kind of line ending)`,
      },
    ]);
  }
  stopWith(`${name} cannot be read as CSV; nothing was stored`, [
    { issue: 'LINE_MALFORMED', file: name, message: error.message.split('\n')[0] ?? 'unreadable CSV' },
  ]);
}

function describeReject(reject: RejectRow): string {
  switch (reject.error_type) {
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS':
      return `wrong number of fields (${reject.error_message.replace(/^Expected Number of Columns: (\d+) Found: (\d+).*/s, 'expected $1, found $2')})`;
    case 'UNQUOTED VALUE':
      return 'a quote character inside an unquoted field (quote the field and double the inner quotes)';
    case 'UNTERMINATED QUOTE':
      return 'a quoted field is never closed';
    case 'LINE SIZE OVER MAXIMUM':
      return 'the line is too long (probably an unclosed quote)';
    default:
      return reject.error_message.split('\n')[0] ?? reject.error_type;
  }
}

const QUOTE_ERRORS = new Set(['UNQUOTED VALUE', 'UNTERMINATED QUOTE', 'LINE SIZE OVER MAXIMUM']);

/**
 * A quote that is never closed makes the reader take the rest of the file as one broken record: the lines after it
 * get no reject of their own and would be lost unreported. When a quote error is the last reject and the file has
 * more lines than were read or rejected (header included), those lines are the ones after it.
 */
async function linesAfterOpenQuote(
  file: string,
  rejects: readonly RejectRow[],
  records: number,
): Promise<{ from: number; to: number } | null> {
  const last = rejects.at(-1);
  if (!last || !QUOTE_ERRORS.has(last.error_type)) return null;
  const lines = await countLines(file);
  const unread = lines - (1 + records + rejects.length);
  return unread > 0 && lines - unread === last.line ? { from: last.line + 1, to: lines } : null;
}

export async function stageCsv(
  db: Db,
  options: {
    file: string;
    kind: CsvFileKind;
    table: string;
    skipBadLines: boolean;
    displayName?: string;
    numbered?: boolean;
  },
): Promise<StagedFile> {
  const name = options.displayName ?? path.basename(options.file);
  const header = readCsvHeader(options.file);
  const spec = CSV_COLUMNS[options.kind];
  const missing = spec.required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    stopWith(
      `${name} lacks required column(s): ${missing.join(', ')}`,
      missing.map((c) => ({
        issue: 'COLUMN_MISSING',
        file: name,
        line: 1,
        field: c,
        message: 'required column is missing from the header',
      })),
    );
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column) && column !== '') {
      stopWith(`${name} names column ${column} twice`, [
        { issue: 'COLUMN_MISSING', file: name, line: 1, field: column, message: 'column named twice in the header' },
      ]);
    }
    seen.add(column);
  }
  const wanted: string[] = [...spec.required, ...spec.optional].filter((c) => header.includes(c));
  const columnSpec = header.map((h, i) => `${lit(h === '' ? `unnamed_${i}` : h)}: 'VARCHAR'`).join(', ');
  const rejectsTable = `${options.table}_rejects`;
  const rejectsScan = `${options.table}_scans`;
  await exec(db, `DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${rejectsScan};`);
  const create = (numbered: boolean): string =>
    `CREATE OR REPLACE TEMP TABLE ${options.table} AS
     SELECT ${numbered ? 'row_number() OVER () AS rec, ' : ''}${wanted.map(ident).join(', ')}
     FROM read_csv(${lit(options.file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                   columns = {${columnSpec}}, store_rejects = true,
                   rejects_table = ${lit(rejectsTable)}, rejects_scan = ${lit(rejectsScan)})`;
  const numbered = options.numbered !== false || !(await keepsFileOrder(db, create(false)));
  try {
    await exec(db, create(numbered));
  } catch (error) {
    await stopOnUnreadableCsv(options.file, name, error as Error);
  }
  const rejects = await rows<RejectRow>(
    db,
    `SELECT line, column_name, error_type, csv_line, error_message FROM ${rejectsTable} ORDER BY line, column_idx`,
  );
  const records = await scalar<number>(db, `SELECT count(*) FROM ${options.table}`);
  const issues: { issue: IngestIssue; count: number }[] = [];
  const encoding = rejects.filter((r) => r.error_type === 'INVALID ENCODING');
  if (encoding.length > 0) {
    const first = encoding[0] as RejectRow;
    const lines = new Set(encoding.map((r) => r.line));
    stopWith(`${name} is not UTF-8 (${lines.size} line(s) affected)`, [
      {
        issue: 'ENCODING_INVALID',
        file: name,
        line: first.line,
        field: first.column_name ?? undefined,
        message: encodingHint(first.csv_line),
      },
    ]);
  }
  const byLine = new Map<number, RejectRow>();
  for (const reject of rejects) if (!byLine.has(reject.line)) byLine.set(reject.line, reject);
  const swallowed = await linesAfterOpenQuote(options.file, [...byLine.values()], records);
  const malformed = [...byLine.values()].map((r): IngestIssue => ({
    issue: 'LINE_MALFORMED',
    file: name,
    line: r.line,
    field: r.column_name ?? undefined,
    message:
      describeReject(r) +
      (swallowed && r.line === swallowed.from - 1
        ? `; the reader took the rest of the file with it (lines ${swallowed.from}–${swallowed.to} not read)`
        : ''),
  }));
  if (malformed.length > 0 && !options.skipBadLines) {
    stopWith(
      `${name} has ${malformed.length} line(s) that cannot be read; nothing was stored (fix the file, or pass --skip-bad-lines to skip and count them)`,
      malformed.slice(0, 5),
    );
  }
  const dropped = new Set(byLine.keys());
  if (swallowed) for (let line = swallowed.from; line <= swallowed.to; line++) dropped.add(line);
  for (const issue of malformed)
    issues.push({
      issue,
      count: swallowed && issue.line === swallowed.from - 1 ? 1 + swallowed.to - swallowed.from + 1 : 1,
    });
  await exec(db, `DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${rejectsScan};`);
  return {
    table: options.table,
    rec: numbered ? 'rec' : '(rowid + 1)',
    path: options.file,
    name,
    kind: 'csv',
    present: new Set(wanted),
    records,
    droppedLines: dropped,
    issues,
  };
}
