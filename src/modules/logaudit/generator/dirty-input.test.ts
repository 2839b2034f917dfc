import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDirtyCopy, type InjectedFault } from './dirty-input.js';
import { generateDataset } from './generate-dataset.js';
import { parseCsv } from './test-support.js';

let root: string;
let clean: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'varde-dirty-'));
  clean = join(root, 'clean');
  await generateDataset({ outDir: clean, events: 20_000, seed: 5 });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const lineOf = (dir: string, file: string, line: number): string =>
  readFileSync(join(dir, file), 'utf8').split('\n')[line - 1] ?? '';

describe('writeDirtyCopy', () => {
  let dirty: string;
  let faults: InjectedFault[];

  beforeAll(async () => {
    dirty = join(root, 'dirty');
    faults = await writeDirtyCopy({ from: clean, to: dirty });
  });

  it('reports every kind of fault once or more', () => {
    const kinds = new Set(faults.map((f) => f.fault));
    expect([...kinds].sort()).toEqual([
      'bom-crlf',
      'broken-line',
      'duplicate-ids',
      'quoted-newline',
      'unknown-references',
      'windows-1252',
    ]);
  });

  it('puts a truncated record where it says', () => {
    const broken = faults.find((f) => f.fault === 'broken-line');
    const line = lineOf(dirty, 'access_events.csv', broken?.line ?? 0);
    expect(line.split(',').length).toBeLessThan(8);
    // The fragment is the beginning of the record just before it.
    expect(lineOf(dirty, 'access_events.csv', (broken?.line ?? 0) - 1).startsWith(line)).toBe(true);
  });

  it('repeats event ids and references unknown users and patients', () => {
    const rows = parseCsv(readFileSync(join(dirty, 'access_events.csv'), 'utf8')).rows;
    const ids = rows.map((r) => r.event_id);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    const staff = new Set(parseCsv(readFileSync(join(clean, 'staff.csv'), 'utf8')).rows.map((r) => r.user_id));
    const unknown = faults.find((f) => f.fault === 'unknown-references' && f.file === 'access_events.csv');
    const line = lineOf(dirty, 'access_events.csv', unknown?.line ?? 0);
    expect(staff.has(line.split(',')[2])).toBe(false);
    expect(lineOf(dirty, 'encounters.csv', 2)).toContain('D9999');
  });

  it('encodes staff.csv in Windows-1252 and patients.csv with BOM and CRLF', () => {
    const raw = readFileSync(join(dirty, 'staff.csv'));
    const original = readFileSync(join(clean, 'staff.csv'), 'utf8');
    expect(raw.equals(Buffer.from(original, 'utf8'))).toBe(![...original].some((c) => c.charCodeAt(0) > 127));
    expect(iconv.decode(raw, 'win1252')).toBe(iconv.decode(iconv.encode(original, 'win1252'), 'win1252'));
    const patients = readFileSync(join(dirty, 'patients.csv'));
    expect([...patients.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = patients.toString('utf8').slice(1);
    expect(text.split('\r\n').length).toBe(readFileSync(join(clean, 'patients.csv'), 'utf8').split('\n').length);
  });

  it('keeps departments.csv valid CSV with a name spanning two lines', () => {
    const parsed = parseCsv(readFileSync(join(dirty, 'departments.csv'), 'utf8'));
    const original = parseCsv(readFileSync(join(clean, 'departments.csv'), 'utf8'));
    expect(parsed.rows.length).toBe(original.rows.length);
    expect(parsed.rows.some((r) => (r.name ?? '').includes('\n'))).toBe(true);
  });

  it('applies only the faults asked for', async () => {
    const only = join(root, 'only');
    const injected = await writeDirtyCopy({ from: clean, to: only, faults: ['bom-crlf'] });
    expect(injected.map((f) => f.fault)).toEqual(['bom-crlf']);
    expect(readFileSync(join(only, 'access_events.csv'), 'utf8')).toBe(
      readFileSync(join(clean, 'access_events.csv'), 'utf8'),
    );
    expect(readFileSync(join(only, 'ground_truth.csv'), 'utf8')).toBe(
      readFileSync(join(clean, 'ground_truth.csv'), 'utf8'),
    );
  });
});
