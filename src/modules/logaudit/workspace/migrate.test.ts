import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { ingestDataset } from '../service/ingest-dataset.js';
import { at, lookup, smallHospital, tempDir, writeDataset } from '../testing/fixture.js';
import { exec, rows, scalar } from './sql.js';
import { openWorkspace } from './workspace.js';
import { SCHEMA_VERSION } from './schema.js';

const now = new Date('2026-04-01T12:00:00Z');
const options = { threads: 2, memoryLimit: '512MB' } as const;

/** Per-day aggregates as comparable rows. */
const aggregates = (db: Parameters<typeof rows>[0]): Promise<Record<string, unknown>[]> =>
  rows(
    db,
    `SELECT uid, pid, day::VARCHAR AS day, n_events, n_unexplained, n_write_unexplained, ws_undocumented::VARCHAR AS ws
     FROM pair_days ORDER BY ALL`,
  );

describe('workspace migration', () => {
  /**
   * Ingest `data` with the current schema, turn the workspace back into what `version` wrote (`downgrade`), reopen
   * it, and return the aggregates before and after.
   */
  async function migrated(
    data: ReturnType<typeof smallHospital>,
    version: string,
    downgrade: readonly string[],
  ): Promise<{ expected: Record<string, unknown>[]; actual: Record<string, unknown>[] }> {
    const dir = path.join(tempDir(), 'ws');
    const ws = await openWorkspace(dir, options);
    await ingestDataset(ws, writeDataset(tempDir(), data), { now });
    const expected = await aggregates(ws.db);
    for (const sql of downgrade) await exec(ws.db, sql);
    await exec(ws.db, `UPDATE meta SET value = '${version}' WHERE key = 'schema_version'`);
    ws.close();
    const reopened = await openWorkspace(dir, options);
    try {
      expect(await scalar(reopened.db, "SELECT value FROM meta WHERE key = 'schema_version'")).toBe(SCHEMA_VERSION);
      return { expected, actual: await aggregates(reopened.db) };
    } finally {
      reopened.close();
    }
  }

  it('brings a version 3 workspace up to date in place, with the aggregates rebuilt from the stored lookups', async () => {
    const data = smallHospital();
    // u28 (W3) reads and updates the record of p4 (W1) without a documented reason: a write among unexplained lookups.
    data.events.push(lookup('u28', 'p4', at(6, 10)), lookup('u28', 'p4', at(6, 10, 5), { action: 'update' }));
    // What version 3 wrote: no write counts, and the workstations under their old name.
    const { expected, actual } = await migrated(data, '3', [
      'ALTER TABLE pair_days DROP COLUMN n_write_unexplained',
      'ALTER TABLE pair_days RENAME COLUMN ws_undocumented TO ws_unexplained',
    ]);
    expect(expected.some((r) => Number(r.n_write_unexplained) > 0)).toBe(true);
    expect(actual).toEqual(expected);
  });

  it('brings a version 4 workspace up to date with the workstations of weakly explained lookups', async () => {
    const data = smallHospital();
    // u20 (W2) opens p4 (W1, the same clinic: weakly explained) from a workstation of its own.
    data.events.push(lookup('u20', 'p4', at(6, 2), { workstation: 'ws-remote' }));
    // What version 4 wrote: the workstations of unexplained lookups only, under their old name.
    const { expected, actual } = await migrated(data, '4', [
      'ALTER TABLE pair_days RENAME COLUMN ws_undocumented TO ws_unexplained',
      'UPDATE pair_days SET ws_unexplained = [] WHERE n_unexplained = 0',
    ]);
    // Only the weakly explained lookup among those without an unexplained one lists its workstation.
    expect(expected.filter((r) => Number(r.n_unexplained) === 0 && r.ws !== '[]')).toHaveLength(1);
    expect(actual).toEqual(expected);
  });

  it('brings a version 5 workspace up to date: patients and encounters keep their rows, without the text-id index', async () => {
    const dir = path.join(tempDir(), 'ws');
    const ws = await openWorkspace(dir, options);
    await ingestDataset(ws, writeDataset(tempDir(), smallHospital()), { now });
    const content = async (db: typeof ws.db): Promise<Record<string, unknown>[]> => [
      ...(await rows(db, 'SELECT * FROM patients ORDER BY pid')),
      ...(await rows(db, 'SELECT encounter_id, pid, dept, kind, start_ts::VARCHAR AS s FROM encounters ORDER BY ALL')),
    ];
    const uniqueKeys = (db: typeof ws.db): Promise<unknown> =>
      scalar(
        db,
        `SELECT count(*) FROM duckdb_constraints() WHERE table_name IN ('patients', 'encounters')
           AND constraint_type IN ('UNIQUE', 'PRIMARY KEY') AND constraint_column_names <> ['pid']`,
      );
    const expected = await content(ws.db);
    // What version 5 wrote: a unique patient_id and encounter_id as primary key.
    await exec(
      ws.db,
      `CREATE TABLE p5 (pid INTEGER PRIMARY KEY, patient_id VARCHAR NOT NULL UNIQUE, family_name VARCHAR,
         given_name VARCHAR, birth_year INTEGER, address_id VARCHAR, municipality VARCHAR, employee_user_id VARCHAR,
         known BOOLEAN NOT NULL);
       INSERT INTO p5 SELECT * FROM patients; DROP TABLE patients; ALTER TABLE p5 RENAME TO patients;
       CREATE TABLE e5 (encounter_id VARCHAR PRIMARY KEY, pid INTEGER NOT NULL, dept INTEGER NOT NULL,
         start_ts TIMESTAMPTZ NOT NULL, end_ts TIMESTAMPTZ, kind VARCHAR NOT NULL);
       INSERT INTO e5 SELECT * FROM encounters; DROP TABLE encounters; ALTER TABLE e5 RENAME TO encounters;
       UPDATE meta SET value = '5' WHERE key = 'schema_version';`,
    );
    expect(await uniqueKeys(ws.db)).toBe(2);
    ws.close();
    const reopened = await openWorkspace(dir, options);
    try {
      expect(await scalar(reopened.db, "SELECT value FROM meta WHERE key = 'schema_version'")).toBe(SCHEMA_VERSION);
      expect(await uniqueKeys(reopened.db)).toBe(0);
      expect(await content(reopened.db)).toEqual(expected);
    } finally {
      reopened.close();
    }
  });

  it("brings a version 6 workspace up to date: stored lookups a colleague's relation covers are weakly explained", async () => {
    const data = smallHospital();
    // u27 (W3) has a consult with p13; u28, a W3 colleague, reads p13 without one of their own.
    data.care_relations.push({ patient_id: 'p13', user_id: 'u27', from: at(14, 8), to: at(16, 8), kind: 'consult' });
    data.events.push(lookup('u28', 'p13', at(15, 11)));
    const dir = path.join(tempDir(), 'ws');
    const ws = await openWorkspace(dir, options);
    await ingestDataset(ws, writeDataset(tempDir(), data), { now });
    const state = (db: Parameters<typeof rows>[0]) =>
      rows(db, 'SELECT event_id, explanation FROM events WHERE explanation = 9 ORDER BY ALL').then(async (events) => ({
        events,
        weak: await rows(
          db,
          'SELECT uid, pid, day::VARCHAR AS day, n_weak FROM pair_days WHERE n_weak > 0 ORDER BY ALL',
        ),
      }));
    const expected = await state(ws.db);
    expect(expected.events.length).toBeGreaterThan(0);
    // What version 6 stored: no such explanation, and the aggregates counted those lookups as unexplained.
    await exec(ws.db, 'UPDATE events SET explanation = 0 WHERE explanation = 9');
    await exec(ws.db, 'UPDATE pair_days SET n_weak = 0');
    await exec(ws.db, "UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    ws.close();
    const reopened = await openWorkspace(dir, options);
    try {
      expect(await state(reopened.db)).toEqual(expected);
    } finally {
      reopened.close();
    }
  });

  it('refuses a workspace from a version it cannot migrate, with the versions named', async () => {
    const dir = path.join(tempDir(), 'ws');
    const ws = await openWorkspace(dir, options);
    await exec(ws.db, "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    ws.close();
    const error = await openWorkspace(dir, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain(`schema version 2; expected ${SCHEMA_VERSION}`);
  });
});
