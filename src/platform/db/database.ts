/**
 * Opens the database: embedded PGlite (a folder on disk, or in memory for tests) by default, a PostgreSQL server
 * when DATABASE_URL is set. Both speak the same SQL, so there is one schema and one set of migrations.
 */
import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { PgliteDialect } from './pglite-driver.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

// int8 (counts, bigserial ids) as JS numbers: our counts stay far below 2^53. numeric stays a string.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(config: DatabaseConfig | { kind: 'memory' }): Promise<Db> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle pooled connection can be closed by the server (restart, or a test database dropped at teardown);
    // pg reports that as an 'error' event, which would crash the process if nobody listened. The pool replaces the
    // connection on the next query, so a shutdown notice is expected; anything else is worth a line in the log.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`PostgreSQL connection error: ${error.message}`);
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const dataDir = config.kind === 'pglite' ? config.dataDir : undefined;
  if (dataDir) await fs.mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: { 20: (v: string) => Number(v) } });
  return new Kysely<Database>({ dialect: new PgliteDialect(client) });
}
