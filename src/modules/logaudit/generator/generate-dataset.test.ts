import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type GenerateSummary } from './generate-dataset.js';
import { SCENARIOS } from './misuse-plan.js';
import { osloOffsetMinutes } from './time.js';
import { auditEventToRow, hashDirectory, readCsv as readCsvFile, type Row } from './test-support.js';

const EVENTS = 60_000;
const SEED = 20260301;
let root: string;
let csvDir: string;
let summary: GenerateSummary;

const required: Record<string, string[]> = {
  'access_events.csv': ['event_id', 'timestamp', 'user_id', 'patient_id', 'action'],
  'staff.csv': ['user_id', 'family_name', 'given_name', 'role', 'department_id'],
  'patients.csv': ['patient_id', 'family_name', 'given_name'],
  'departments.csv': ['department_id', 'name', 'kind'],
  'encounters.csv': ['encounter_id', 'patient_id', 'department_id', 'start', 'kind'],
  'care_relations.csv': ['patient_id', 'from', 'kind'],
  'ground_truth.csv': ['user_id', 'patient_id', 'scenario'],
  'ground_truth_events.csv': ['event_id', 'scenario'],
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+01:00|\+02:00)$/;

const parsed = new Map<string, ReturnType<typeof readCsvFile>>();

/** Parsed once per file: the tests only read. */
function readCsv(dir: string, file: string): ReturnType<typeof readCsvFile> {
  const key = join(dir, file);
  let result = parsed.get(key);
  if (!result) {
    result = readCsvFile(dir, file);
    parsed.set(key, result);
  }
  return result;
}

/** The timestamp's offset is the one Oslo had at that instant. */
function offsetIsRight(ts: string): boolean {
  if (!TIMESTAMP.test(ts)) return false;
  const offset = ts.endsWith('+02:00') ? 120 : 60;
  return osloOffsetMinutes(Date.parse(ts)) === offset;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'varde-gen-'));
  csvDir = join(root, 'csv');
  summary = await generateDataset({ outDir: csvDir, events: EVENTS, seed: SEED });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generateDataset', () => {
  it('is deterministic: same seed, same bytes; another seed, other data', async () => {
    const again = join(root, 'again');
    await generateDataset({ outDir: again, events: EVENTS, seed: SEED });
    expect(hashDirectory(again)).toEqual(hashDirectory(csvDir));
    const other = join(root, 'other');
    await generateDataset({ outDir: other, events: EVENTS, seed: SEED + 1 });
    expect(hashDirectory(other)['access_events.csv']).not.toBe(hashDirectory(csvDir)['access_events.csv']);
  });

  it('roughly honours the requested scale and reports true counts', () => {
    expect(summary.events).toBeGreaterThan(EVENTS * 0.8);
    expect(summary.events).toBeLessThan(EVENTS * 1.2);
    const events = readCsv(csvDir, 'access_events.csv').rows.length;
    expect(events).toBe(summary.events);
    expect(summary.files['access_events.csv']).toBe(events);
  });

  it('writes every contract file with the required columns and valid codes', () => {
    for (const [file, columns] of Object.entries(required)) {
      const { header } = readCsv(csvDir, file);
      for (const column of columns) expect(header, `${file} lacks ${column}`).toContain(column);
    }
    const events = readCsv(csvDir, 'access_events.csv').rows;
    const actions = new Set(['read', 'search', 'print', 'export', 'update', 'create']);
    const purposes = new Set(['', 'TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT']);
    expect(events.every((e) => actions.has(e.action ?? '') && purposes.has(e.purpose ?? ''))).toBe(true);
    const roles = new Set([
      'physician',
      'nurse',
      'secretary',
      'lab',
      'radiology',
      'pharmacist',
      'therapist',
      'admin',
      'it',
      'other',
    ]);
    expect(readCsv(csvDir, 'staff.csv').rows.every((s) => roles.has(s.role ?? ''))).toBe(true);
    const kinds = new Set([
      'ward',
      'outpatient',
      'emergency',
      'lab',
      'radiology',
      'pharmacy',
      'administration',
      'other',
    ]);
    const departments = readCsv(csvDir, 'departments.csv').rows;
    expect(departments.every((d) => kinds.has(d.kind ?? ''))).toBe(true);
    for (const kind of kinds)
      expect(
        departments.some((d) => d.kind === kind),
        kind,
      ).toBe(true);
    const encounterKinds = new Set(['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other']);
    const encounters = readCsv(csvDir, 'encounters.csv').rows;
    expect(encounters.every((e) => encounterKinds.has(e.kind ?? ''))).toBe(true);
    for (const kind of encounterKinds)
      expect(
        encounters.some((e) => e.kind === kind),
        kind,
      ).toBe(true);
    const relationKinds = new Set(readCsv(csvDir, 'care_relations.csv').rows.map((r) => r.kind));
    expect([...relationKinds].sort()).toEqual(['appointment', 'assigned', 'consult', 'order', 'referral']);
  });

  it('resolves every reference', () => {
    const ids = (file: string, column: string) => new Set(readCsv(csvDir, file).rows.map((r) => r[column] ?? ''));
    const users = ids('staff.csv', 'user_id');
    const patients = ids('patients.csv', 'patient_id');
    const departments = ids('departments.csv', 'department_id');
    const missing: string[] = [];
    const check = (set: Set<string>, value: string | undefined, where: string, optional = false): void => {
      if (optional && !value) return;
      if (!set.has(value ?? '')) missing.push(`${where}: ${value}`);
    };
    for (const e of readCsv(csvDir, 'access_events.csv').rows) {
      check(users, e.user_id, 'event user');
      check(patients, e.patient_id, 'event patient');
      check(departments, e.department_id, 'event department', true);
    }
    for (const s of readCsv(csvDir, 'staff.csv').rows) check(departments, s.department_id, 'staff department');
    for (const p of readCsv(csvDir, 'patients.csv').rows) check(users, p.employee_user_id, 'patient employee', true);
    for (const d of readCsv(csvDir, 'departments.csv').rows) check(departments, d.parent_id, 'parent', true);
    for (const e of readCsv(csvDir, 'encounters.csv').rows) {
      check(patients, e.patient_id, 'encounter patient');
      check(departments, e.department_id, 'encounter department');
    }
    for (const r of readCsv(csvDir, 'care_relations.csv').rows) {
      check(patients, r.patient_id, 'relation patient');
      expect(Boolean(r.user_id) !== Boolean(r.department_id)).toBe(true);
      check(users, r.user_id, 'relation user', true);
      check(departments, r.department_id, 'relation department', true);
    }
    for (const g of readCsv(csvDir, 'ground_truth.csv').rows) {
      check(users, g.user_id, 'truth user');
      check(patients, g.patient_id, 'truth patient');
    }
    expect(missing.slice(0, 5)).toEqual([]);
  });

  it('writes valid offsets across the switch to summer time, events sorted by time then id', () => {
    const events = readCsv(csvDir, 'access_events.csv').rows;
    expect(events.filter((e) => !offsetIsRight(e.timestamp ?? '')).slice(0, 3)).toEqual([]);
    expect(events.some((e) => e.timestamp?.startsWith('2026-03-28') && e.timestamp.endsWith('+01:00'))).toBe(true);
    expect(events.some((e) => e.timestamp?.startsWith('2026-03-30') && e.timestamp.endsWith('+02:00'))).toBe(true);
    expect(events.some((e) => e.timestamp?.startsWith('2026-03-29T02:'))).toBe(false);
    const ids = new Set(events.map((e) => e.event_id));
    expect(ids.size).toBe(events.length);
    for (let i = 1; i < events.length; i += 1) {
      const a = events[i - 1] as Row;
      const b = events[i] as Row;
      const order =
        Date.parse(a.timestamp ?? '') - Date.parse(b.timestamp ?? '') ||
        ((a.event_id ?? '') < (b.event_id ?? '') ? -1 : 1);
      if (order > 0) throw new Error(`events out of order at ${b.event_id}`);
    }
    for (const file of ['encounters.csv', 'care_relations.csv']) {
      for (const row of readCsv(csvDir, file).rows) {
        for (const column of ['start', 'end', 'from', 'to']) {
          const value = row[column];
          if (value) expect(offsetIsRight(value), `${file} ${column} ${value}`).toBe(true);
        }
      }
    }
  });

  it('labels every scenario, with its events in the events file and rare among all pairs', () => {
    const truth = readCsv(csvDir, 'ground_truth.csv').rows;
    const truthEvents = readCsv(csvDir, 'ground_truth_events.csv').rows;
    const events = new Map(readCsv(csvDir, 'access_events.csv').rows.map((e) => [e.event_id, e]));
    for (const scenario of SCENARIOS)
      expect(
        truth.some((t) => t.scenario === scenario),
        scenario,
      ).toBe(true);
    const pairs = new Map(truth.map((t) => [`${t.user_id}|${t.patient_id}`, t.scenario]));
    const pairsWithEvents = new Set<string>();
    for (const te of truthEvents) {
      const event = events.get(te.event_id);
      expect(event, te.event_id).toBeDefined();
      expect(event?.user_id).toBe(te.user_id);
      expect(event?.patient_id).toBe(te.patient_id);
      const key = `${te.user_id}|${te.patient_id}`;
      expect(pairs.get(key)).toBe(te.scenario);
      pairsWithEvents.add(key);
    }
    expect(pairsWithEvents.size).toBe(pairs.size);
    const allPairs = new Set([...events.values()].map((e) => `${e.user_id}|${e.patient_id}`));
    expect(pairs.size / allPairs.size).toBeLessThan(0.01);
    // A misuse pair carries only misuse events (no legitimate lookup hides it), except after termination.
    const truthIds = new Set(truthEvents.map((t) => t.event_id));
    const mixed = [...events.values()].filter(
      (e) => !truthIds.has(e.event_id ?? '') && pairs.has(`${e.user_id}|${e.patient_id}`),
    );
    expect(mixed.every((e) => pairs.get(`${e.user_id}|${e.patient_id}`) === 'after_termination')).toBe(true);
  });

  it('gives the scenarios their defining traits', () => {
    const truthEvents = readCsv(csvDir, 'ground_truth_events.csv').rows;
    const events = new Map(readCsv(csvDir, 'access_events.csv').rows.map((e) => [e.event_id, e]));
    const staff = new Map(readCsv(csvDir, 'staff.csv').rows.map((s) => [s.user_id, s]));
    const patients = new Map(readCsv(csvDir, 'patients.csv').rows.map((p) => [p.patient_id, p]));
    const of = (scenario: string) =>
      truthEvents.filter((t) => t.scenario === scenario).map((t) => events.get(t.event_id) as Row);
    for (const e of of('after_termination'))
      expect((e.timestamp ?? '').slice(0, 10) > (staff.get(e.user_id)?.employed_to ?? '9')).toBe(true);
    expect(of('break_glass').some((e) => e.purpose === 'ETREAT')).toBe(true);
    for (const e of of('self_lookup')) expect(patients.get(e.patient_id)?.employee_user_id).toBe(e.user_id);
    for (const e of of('stolen_credential')) expect(Number((e.timestamp ?? '').slice(11, 13))).toBeLessThan(6);
    const vip = of('vip_wave');
    expect(new Set(vip.map((e) => e.patient_id)).size).toBeLessThanOrEqual(summary.scenarios.vip_wave?.incidents ?? 0);
    expect(new Set(vip.map((e) => e.user_id)).size).toBeGreaterThanOrEqual(4);
    const bulkUsers = new Set(of('bulk_curiosity').map((e) => e.user_id));
    expect(of('bulk_curiosity').length / bulkUsers.size).toBeGreaterThan(20);
    // Legitimate emergency access exists too: ETREAT alone does not mean misuse.
    const truthIds = new Set(truthEvents.map((t) => t.event_id));
    expect([...events.values()].some((e) => e.purpose === 'ETREAT' && !truthIds.has(e.event_id ?? ''))).toBe(true);
  });

  it('writes FHIR AuditEvents that map back to the same events, plus a few to skip', async () => {
    const fhirDir = join(root, 'fhir');
    const fhir = await generateDataset({ outDir: fhirDir, events: EVENTS, seed: SEED, format: 'fhir' });
    expect(fhir.events).toBe(summary.events);
    const lines = readFileSync(join(fhirDir, 'audit_events.ndjson'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBe(fhir.events + fhir.nonPatientEvents);
    const rows: Row[] = [];
    let skipped = 0;
    for (const line of lines) {
      const event = JSON.parse(line) as { resourceType: string; action: string; agent: { requestor: boolean }[] };
      expect(event.resourceType).toBe('AuditEvent');
      expect(['C', 'R', 'U', 'D', 'E']).toContain(event.action);
      expect(event.agent.filter((a) => a.requestor).length).toBe(1);
      const row = auditEventToRow(line);
      if (row) rows.push(row);
      else skipped += 1;
    }
    expect(skipped).toBe(fhir.nonPatientEvents);
    expect(skipped).toBeGreaterThan(0);
    expect(lines.some((l) => (l.match(/"reference":"Patient\//g) ?? []).length > 1)).toBe(true);
    expect(lines.some((l) => l.includes('"code":"110114"') && !l.includes('"entity"'))).toBe(true);
    const asText = (list: Row[]): string => list.map((r) => Object.values(r).join(',')).join('\n');
    const csvRows = readCsv(csvDir, 'access_events.csv').rows;
    expect(Object.keys(rows[0] ?? {})).toEqual(Object.keys(csvRows[0] ?? {}));
    expect(asText(rows) === asText(csvRows)).toBe(true);
    expect(readFileSync(join(fhirDir, 'ground_truth.csv'), 'utf8')).toBe(
      readFileSync(join(csvDir, 'ground_truth.csv'), 'utf8'),
    );
  });

  it('refuses bad options with the place named', async () => {
    await expect(generateDataset({ outDir: join(root, 'bad'), events: 10, seed: 1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      generateDataset({ outDir: join(root, 'bad'), events: 50_000, seed: 1, days: 0 }),
    ).rejects.toMatchObject({
      details: [expect.objectContaining({ place: 'days' })],
    });
  });
});
