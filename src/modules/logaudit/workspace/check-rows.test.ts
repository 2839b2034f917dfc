import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixture.js';
import { ruleMaskSql } from './check-rows.js';
import { eventFastOk, eventRules } from './event-rules.js';
import { NDJSON_COLUMNS } from './stage-ndjson.js';
import { exec, lit, rows } from './sql.js';
import type { StagedFile } from './stage-csv.js';
import { openWorkspace, type Workspace } from './workspace.js';

const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

const good = ['e1', '2026-03-04T13:22:05+01:00', 'u1', 'p1', 'read', 'TREAT', 'AuditEvent', '1'];
const awkward: Record<number, (string | null)[]> = {
  0: [null, '', ' ', '\u00a0', '\u3000', 'é1', ' e1', '!', '~x'],
  1: [
    null,
    '',
    ' ',
    'yesterday',
    '2026-03-04',
    '2026-03-04T13:22:05',
    '2026-03-04T13:22:05Z',
    '2026-03-04T13:22:05z',
    '2026-03-04T13:22:05-05:00',
    '2026-03-04T13:22:05+01',
    '2026-03-04T13:22:05+0100',
    '2026-03-04 13:22:05+01:00',
    ' 2026-03-04T13:22:05+01:00',
    '2026-03-04T13:22:05+01:00 ',
    '+2026-03-04T13:22:05',
    '2026-13-04T13:22:05+01:00',
  ],
  2: [null, '', ' ', ' u1', '\u3000u1', 'ü1'],
  3: [null, '', '\u00a0', 'p 1'],
  4: [null, '', ' ', 'READ', 'Read', 'peek', ' read', 'read '],
  5: [null, '', ' ', 'treat', 'XYZ', 'ETREAT', ' TREAT'],
  6: [null, '', 'Patient', 'AuditEvent'],
  7: [null, '0', '1', '2'],
};

/** Every awkward value in every column, the others kept good. */
function cases(): (string | null)[][] {
  const out: (string | null)[][] = [good];
  for (const [column, values] of Object.entries(awkward)) {
    for (const value of values) out.push(good.map((g, i) => (i === Number(column) ? value : g)));
  }
  return out;
}

describe('the fast path of the event checks', () => {
  it('passes a row only when no rule marks it, for CSV and NDJSON columns', async () => {
    const ws = await openWorkspace(tempDir(), { threads: 1, memoryLimit: '256MB' });
    open.push(ws);
    const values = cases()
      .map((row) => `(${row.map((v, i) => (i === 7 ? (v === null ? 'NULL' : `${v}::INTEGER`) : lit(v))).join(', ')})`)
      .join(',\n');
    await exec(
      ws.db,
      `CREATE TEMP TABLE awkward AS SELECT * FROM (VALUES ${values})
         AS t(event_id, "timestamp", user_id, patient_id, action, purpose, resource_type, patient_count)`,
    );
    for (const kind of ['csv', 'ndjson'] as const) {
      for (const withPurpose of [true, false]) {
        const present = new Set(
          kind === 'csv'
            ? ['event_id', 'timestamp', 'user_id', 'patient_id', 'action', ...(withPurpose ? ['purpose'] : [])]
            : [...NDJSON_COLUMNS, 'patient_count', 'resource_type'],
        );
        const staged = { kind, present } as unknown as StagedFile;
        const rules = eventRules(staged);
        const found = await rows<{ fast: number; full: number; ok: boolean }>(
          ws.db,
          `SELECT ${ruleMaskSql(rules, eventFastOk(staged))} AS fast, ${ruleMaskSql(rules)} AS full,
                  coalesce(${eventFastOk(staged)}, false) AS ok FROM awkward`,
        );
        expect(found.length).toBe(cases().length);
        for (const row of found) expect(row.fast).toBe(row.full);
        // The fast path is taken for the ordinary row and the common variants, not only for nothing.
        expect(found.filter((r) => r.ok).length).toBeGreaterThan(5);
      }
    }
  });
});
