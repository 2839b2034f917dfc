/**
 * A workspace is a folder holding one DuckDB database (in-process) with everything ingested so far. New days are
 * appended as batches; analysis reads the stored aggregates. DuckDB's own file lock keeps a second writer out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { AppError } from '../../../platform/errors.js';
import { MIGRATIONS, migrate } from './migrate.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { exec, lit, rows, type Db } from './sql.js';

export interface WorkspaceOptions {
  /** Time zone for local days and hours of the day. Fixed when the workspace is created. */
  readonly timezone?: string;
  /** DuckDB memory limit, e.g. "2GB". Above it DuckDB spills to the workspace's tmp folder. */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

export interface Workspace {
  readonly dir: string;
  readonly db: Db;
  readonly timezone: string;
  close(): void;
}

export const DATABASE_FILE = 'logaudit.duckdb';
export const DEFAULT_TIMEZONE = 'Europe/Oslo';

/**
 * Default memory limit: half of the machine's memory, at most 2.5 GB. The target is ≤ 4 GB peak RSS at 20 M events,
 * and DuckDB allocates beyond its limit while storing a batch: at 3 GB the peak reached 4.1 GB during ingest.
 */
export function defaultMemoryLimit(totalBytes = os.totalmem()): string {
  const mb = Math.max(256, Math.min(2560, Math.floor(totalBytes / 2 / 1024 / 1024)));
  return `${mb}MB`;
}

export async function openWorkspace(dir: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const file = path.join(dir, DATABASE_FILE);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, {
      threads: String(options.threads ?? Math.max(1, os.cpus().length)),
      memory_limit: options.memoryLimit ?? defaultMemoryLimit(),
      temp_directory: path.join(dir, 'tmp'),
    });
  } catch (error) {
    throw new AppError('LOG_WORKSPACE_INVALID', `cannot open the workspace ${dir}: ${(error as Error).message}`, [
      { place: file, message: 'the workspace may be in use by another process, or is not a log-audit workspace' },
    ]);
  }
  const db = await instance.connect();
  await exec(db, SCHEMA_SQL);
  const meta = new Map(
    (await rows<{ key: string; value: string }>(db, 'SELECT key, value FROM meta')).map((r) => [r.key, r.value]),
  );
  const timezone = meta.get('timezone') ?? options.timezone ?? DEFAULT_TIMEZONE;
  let version = meta.get('schema_version');
  if (version !== undefined && version !== SCHEMA_VERSION && MIGRATIONS[version]) {
    await migrate(db, version, timezone);
    version = SCHEMA_VERSION;
  }
  if (version !== undefined && version !== SCHEMA_VERSION) {
    db.closeSync();
    instance.closeSync();
    throw new AppError(
      'LOG_WORKSPACE_INVALID',
      `workspace ${dir} has schema version ${version}; expected ${SCHEMA_VERSION}`,
    );
  }
  if (version === undefined) {
    await exec(
      db,
      `INSERT INTO meta VALUES ('schema_version', ${lit(SCHEMA_VERSION)}), ('timezone', ${lit(timezone)})`,
    );
  }
  await exec(db, `SET TimeZone = ${lit(timezone)}`);
  // Query progress for the CLI's progress bar (polled, never printed by DuckDB itself).
  await exec(db, 'SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  return {
    dir,
    db,
    timezone,
    close() {
      db.closeSync();
      instance.closeSync();
    },
  };
}
