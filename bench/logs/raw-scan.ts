/**
 * The yardstick: a raw DuckDB scan of the same input files with a group-by per user–patient pair and no checks,
 * explanations or scoring. Every column of the event file is read, so the scan parses what the engine parses.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export async function rawScanSeconds(datasetDir: string, threads: number): Promise<{ seconds: number; pairs: number }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const db = await instance.connect();
  const started = process.hrtime.bigint();
  const csv = path.join(datasetDir, 'access_events.csv');
  const events = fs.existsSync(csv)
    ? `read_csv(${lit(csv)}, header = true, all_varchar = true)`
    : `read_json(${lit(path.join(datasetDir, 'audit_events.ndjson'))}, format = 'newline_delimited')`;
  const columns = fs.existsSync(csv)
    ? `user_id, patient_id, "timestamp" AS ts, event_id AS id, action, purpose, department_id, workstation`
    : `agent[1].who.identifier.value AS user_id, entity[1].what.reference AS patient_id, recorded AS ts, id, action,
       NULL AS purpose, NULL AS department_id, NULL AS workstation`;
  const reader = await db.runAndReadAll(
    `SELECT count(*) AS pairs FROM (
       SELECT user_id, patient_id, count(*) AS n, min(ts) AS first, max(ts) AS last, max(id), max(action), max(purpose),
              max(department_id), max(workstation)
       FROM (SELECT ${columns} FROM ${events}) GROUP BY user_id, patient_id)`,
  );
  for (const file of ['staff.csv', 'patients.csv', 'departments.csv', 'encounters.csv', 'care_relations.csv']) {
    const p = path.join(datasetDir, file);
    if (fs.existsSync(p)) await db.run(`SELECT count(*) FROM read_csv(${lit(p)}, header = true, all_varchar = true)`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const pairs = Number((reader.getRows()[0] as unknown[])[0]);
  db.closeSync();
  instance.closeSync();
  return { seconds, pairs };
}
