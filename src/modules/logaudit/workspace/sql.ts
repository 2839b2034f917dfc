/**
 * Thin helpers over the DuckDB connection: run a statement, read rows as plain objects (BIGINT turned into number),
 * quote literals. All SQL of the module lives in the workspace folder; these keep it readable.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export type Db = DuckDBConnection;
export type Row = Record<string, unknown>;

/** Quote a string as an SQL literal (DuckDB: single quotes doubled). */
export function lit(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quote an identifier (column or table name taken from a file header). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const TRACE = process.env.VARDE_SQL_TRACE === '1';

function traced<T>(sql: string, run: () => Promise<T>): Promise<T> {
  if (!TRACE) return run();
  const started = Date.now();
  return run().finally(() =>
    process.stderr.write(`[sql ${Date.now() - started} ms] ${sql.replace(/\s+/g, ' ').slice(0, 100)}\n`),
  );
}

export async function exec(db: Db, sql: string): Promise<void> {
  await traced(sql, () => db.run(sql));
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export async function rows<T extends object = Row>(db: Db, sql: string): Promise<T[]> {
  const reader = await traced(sql, () => db.runAndReadAll(sql));
  const out = reader.getRowObjectsJS() as Row[];
  for (const row of out) for (const key of Object.keys(row)) row[key] = plain(row[key]);
  return out as T[];
}

export async function one<T extends object = Row>(db: Db, sql: string): Promise<T> {
  const [first] = await rows<T>(db, sql);
  if (!first) throw new Error(`query returned no row: ${sql.slice(0, 200)}`);
  return first;
}

export async function scalar<T = unknown>(db: Db, sql: string): Promise<T> {
  const row = await one(db, sql);
  return Object.values(row)[0] as T;
}

/** Run `work` inside one transaction: either every statement is stored or none is. */
export async function inTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await db.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.run('COMMIT');
    return result;
  } catch (error) {
    await db.run('ROLLBACK');
    throw error;
  }
}
