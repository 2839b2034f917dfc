import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixture.js';
import fs from 'node:fs';
import path from 'node:path';
import { keepsFileOrder, stageCsv } from './stage-csv.js';
import { isPatientRefSql, lastSegmentSql, patientIdSql, stageNdjson } from './stage-ndjson.js';
import { exec, lit, rows } from './sql.js';
import { openWorkspace, type Workspace } from './workspace.js';

const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

const references = [
  null,
  '',
  '/',
  '//',
  'D1040',
  'Location/D1040',
  'Location/',
  'Location//D1',
  'https://fhir.example/Location/D1',
  'Patient/p1',
  'Patient/',
  'Patient//p1',
  'Patient/p1/_history/2',
  'Patient/p1?x=1',
  'Patient/p1#a',
  'Patient/#a',
  'xPatient/p1',
  'xPatient//Patient/p2',
  'Group/1/Patient/p3',
  'http://h/Patient/p4',
  'Patient/pæ\nø',
  'Practitioner/u1',
  'u1',
];

describe('the short ways of the AuditEvent mapping', () => {
  it('give what the regular expressions give', async () => {
    const ws = await openWorkspace(tempDir(), { threads: 1, memoryLimit: '256MB' });
    open.push(ws);
    await exec(
      ws.db,
      `CREATE TEMP TABLE refs AS SELECT * FROM (VALUES ${references.map((r) => `(${lit(r)})`).join(', ')}) AS t(r)`,
    );
    const found = await rows<Record<string, string | boolean | null>>(
      ws.db,
      `SELECT r,
         ${lastSegmentSql('r')} AS last_fast, regexp_extract(r, '([^/]+)$', 1) AS last_re,
         ${patientIdSql('r')} AS pid_fast, regexp_extract(r, 'Patient/([^/?#]+)', 1) AS pid_re,
         ${isPatientRefSql('r')} AS is_fast, regexp_matches(coalesce(r, ''), '(^|/)Patient/') AS is_re
       FROM refs`,
    );
    expect(found.length).toBe(references.length);
    for (const row of found) {
      expect([row.r, row.last_fast]).toEqual([row.r, row.last_re]);
      expect([row.r, row.pid_fast]).toEqual([row.r, row.pid_re]);
      expect([row.r, row.is_fast]).toEqual([row.r, row.is_re]);
    }
  });
});

describe('staging the event file', () => {
  it('numbers records by the order DuckDB writes them in, and falls back when a plan would not keep it', async () => {
    const ws = await openWorkspace(tempDir(), { threads: 2, memoryLimit: '256MB' });
    open.push(ws);
    const dir = tempDir();
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `e${String(i + 1).padStart(6, '0')}`);
    const csv = path.join(dir, 'access_events.csv');
    fs.writeFileSync(
      csv,
      ['event_id,timestamp,user_id,patient_id,action', ...ids.map((id) => `${id},2026-03-01T10:00:00+01:00,u1,p1,read`)]
        .join('\n')
        .concat('\n'),
    );
    const ndjson = path.join(dir, 'audit_events.ndjson');
    fs.writeFileSync(
      ndjson,
      ids
        .map((id) =>
          JSON.stringify({
            resourceType: 'AuditEvent',
            id,
            action: 'R',
            recorded: '2026-03-01T10:00:00+01:00',
            purposeOfEvent: [{ coding: [{ code: 'TREAT' }] }],
            agent: [{ requestor: true, who: { identifier: { value: 'u1' } } }],
            entity: [{ what: { reference: 'Patient/p1' } }],
          }),
        )
        .join('\n')
        .concat('\n'),
    );
    const staged = [
      await stageCsv(ws.db, { file: csv, kind: 'access_events', table: 's_csv', skipBadLines: false, numbered: false }),
      await stageNdjson(ws.db, { file: ndjson, table: 's_json', skipBadLines: false }),
    ];
    for (const s of staged) {
      expect(s.rec).toBe('(rowid + 1)');
      const found = await rows<{ rec: number; event_id: string }>(
        ws.db,
        `SELECT ${s.rec} AS rec, event_id FROM ${s.table} ORDER BY rec`,
      );
      expect(found.map((r) => r.event_id)).toEqual(ids);
    }
    const read = `read_json(${lit(ndjson)}, format = 'newline_delimited', columns = {'id': 'VARCHAR'})`;
    expect(await keepsFileOrder(ws.db, `CREATE TEMP TABLE t1 AS SELECT id FROM ${read}`)).toBe(true);
    expect(
      await keepsFileOrder(
        ws.db,
        `CREATE TEMP TABLE t2 AS SELECT id, id IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') AS x FROM ${read}`,
      ),
    ).toBe(false);
  });
});
