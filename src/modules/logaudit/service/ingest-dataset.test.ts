import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { actionCode } from '../domain/codes.js';
import { EVENT_COLUMNS, smallHospital, tempDir, toCsv, writeDataset, type FixtureData } from '../testing/fixture.js';
import { rows, scalar } from '../workspace/sql.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { ingestDataset } from './ingest-dataset.js';

const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

async function workspace(): Promise<Workspace> {
  const ws = await openWorkspace(tempDir('logaudit-ws-'), { threads: 2, memoryLimit: '512MB' });
  open.push(ws);
  return ws;
}

const now = new Date('2026-04-01T12:00:00Z');

function tiny(): FixtureData {
  const data = smallHospital();
  data.events = data.events.slice(0, 20);
  return data;
}

async function expectStop(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ingestDataset', () => {
  it('reads a UTF-8 BOM, CRLF line ends and a quoted newline', async () => {
    const data = tiny();
    const events = data.events.slice(0, 3);
    (events[1] as Record<string, unknown>).workstation = 'ws\r\nwith newline';
    const csv = '\uFEFF' + toCsv(events, EVENT_COLUMNS, '\r\n');
    const dir = writeDataset(tempDir(), data, { eventsCsv: csv });
    const ws = await workspace();
    const report = await ingestDataset(ws, dir, { now });
    expect(report.events.eventsStored).toBe(3);
    expect(report.issues.filter((i) => i.count > 0)).toEqual([]);
    expect(await scalar(ws.db, `SELECT count(*) FROM workstations WHERE workstation = 'ws\r\nwith newline'`)).toBe(1);
  });

  it('stops on a broken line in the middle, names file and line, and stores nothing of the batch', async () => {
    const data = tiny();
    const lines = toCsv(data.events, EVENT_COLUMNS).split('\n');
    lines[10] = 'e-broken,2026-03-05T10:00:00+01:00,u1'; // line 11 of the file: too few fields
    const dir = writeDataset(tempDir(), data, { eventsCsv: lines.join('\n') });
    const ws = await workspace();
    const error = await expectStop(ingestDataset(ws, dir, { now }));
    expect(error.code).toBe('LOG_DATASET_INVALID');
    expect(error.details[0]?.place).toBe('access_events.csv line 11');
    expect(error.details[0]?.message).toMatch(/wrong number of fields/);
    expect(await scalar(ws.db, 'SELECT count(*) FROM events')).toBe(0);
    expect(await scalar(ws.db, 'SELECT count(*) FROM batches')).toBe(0);
  });

  it('stops on a line ending in LF in a file of CR LF lines, names file and line, and stores nothing', async () => {
    const data = tiny();
    const lines = toCsv(data.events, EVENT_COLUMNS, '\r\n').split('\r\n');
    lines[11] = `${lines[11]}\n${lines[12]}`; // the record on line 12 ends in LF only
    lines.splice(12, 1);
    const dir = writeDataset(tempDir(), data, { eventsCsv: lines.join('\r\n') });
    const ws = await workspace();
    const error = await expectStop(ingestDataset(ws, dir, { now }));
    expect(error.code).toBe('LOG_DATASET_INVALID');
    expect(error.details[0]?.place).toBe('access_events.csv line 12');
    expect(error.details[0]?.message).toMatch(/ends with LF where the lines before it end with CRLF/);
    expect(await scalar(ws.db, 'SELECT count(*) FROM events')).toBe(0);
  });

  it('skips and counts the broken line when asked to', async () => {
    const data = tiny();
    const lines = toCsv(data.events, EVENT_COLUMNS).split('\n');
    lines[10] = 'e-broken,2026-03-05T10:00:00+01:00,u1';
    const dir = writeDataset(tempDir(), data, { eventsCsv: lines.join('\n') });
    const ws = await workspace();
    const report = await ingestDataset(ws, dir, { now, skipBadLines: true, maxRejectShare: 0.1 });
    expect(report.events.eventsStored).toBe(19);
    expect(report.issues.find((i) => i.issue.issue === 'LINE_MALFORMED')?.issue.line).toBe(11);
  });

  it('says so when a quote that is never closed takes the rest of the file with it', async () => {
    const data = tiny();
    const lines = toCsv(data.events, EVENT_COLUMNS).split('\n');
    lines[10] = `${lines[10]?.split(',').slice(0, 5).join(',')},"TREAT`; // line 11 opens a quote and never closes it
    const dir = writeDataset(tempDir(), data, { eventsCsv: lines.join('\n') });
    const ws = await workspace();
    const error = await expectStop(ingestDataset(ws, dir, { now }));
    expect(error.details[0]?.place).toBe('access_events.csv line 11');
    expect(error.details[0]?.message).toMatch(/the rest of the file with it \(lines 12–21 not read\)/);
    // Skipping bad lines counts all eleven lost lines, so the share of unusable lookups stops the batch.
    const skipped = await expectStop(ingestDataset(ws, dir, { now, skipBadLines: true }));
    expect(skipped.message).toMatch(/11 of 20 records are unusable/);
    const report = await ingestDataset(ws, dir, { now, skipBadLines: true, maxRejectShare: 0.9 });
    expect(report.events.eventsStored).toBe(9);
    expect(report.issues.find((i) => i.issue.issue === 'LINE_MALFORMED')?.count).toBe(11);
  });

  it('refuses a Windows-1252 file with a clear message, and converts it when told the encoding', async () => {
    const data = tiny();
    (data.staff[0] as Record<string, unknown>).family_name = 'Ærøy';
    const dir = writeDataset(tempDir(), data);
    const staffCsv = fs.readFileSync(path.join(dir, 'staff.csv'), 'utf8');
    fs.writeFileSync(path.join(dir, 'staff.csv'), iconv.encode(staffCsv, 'windows-1252'));
    const error = await expectStop(ingestDataset(await workspace(), dir, { now }));
    expect(error.message).toMatch(/staff\.csv is not UTF-8/);
    expect(error.details[0]?.place).toBe('staff.csv line 2');
    expect(error.details[0]?.message).toMatch(/--encoding windows-1252/);

    const ws = await workspace();
    await ingestDataset(ws, dir, { now, encoding: 'windows-1252' });
    expect(await scalar(ws.db, `SELECT family_name FROM users WHERE user_id = 'u1'`)).toBe('Ærøy');
  });

  it('skips exact copies of an event and stops on one id used for two different lookups', async () => {
    const data = tiny();
    data.events.push({ ...(data.events[4] as Record<string, unknown>) } as never);
    const dir = writeDataset(tempDir(), data);
    const ws = await workspace();
    const report = await ingestDataset(ws, dir, { now });
    expect(report.events.eventsStored).toBe(20);
    const copy = report.issues.find((i) => i.issue.issue === 'DUPLICATE_EVENT_ID');
    expect(copy?.count).toBe(1);
    expect(copy?.issue.line).toBe(22);

    const conflicting = tiny();
    conflicting.events.push({ ...(conflicting.events[4] as Record<string, unknown>), user_id: 'u2' } as never);
    const error = await expectStop(ingestDataset(await workspace(), writeDataset(tempDir(), conflicting), { now }));
    expect(error.details[0]?.place).toBe('access_events.csv line 22');
    expect(error.details[0]?.message).toMatch(/also used on line 6/);
  });

  it('keeps lookups by an unknown user and counts them with file and line', async () => {
    const data = tiny();
    data.events.push({
      event_id: 'e-ghost',
      timestamp: '2026-03-03T10:00:00+01:00',
      user_id: 'ghost',
      patient_id: 'p1',
      action: 'read',
    });
    const ws = await workspace();
    const report = await ingestDataset(ws, writeDataset(tempDir(), data), { now });
    expect(report.events.eventsStored).toBe(21);
    const issue = report.issues.find((i) => i.issue.issue === 'UNKNOWN_REFERENCE');
    expect(issue?.issue).toMatchObject({ file: 'access_events.csv', line: 22, field: 'user_id' });
    expect(await scalar(ws.db, `SELECT known FROM users WHERE user_id = 'ghost'`)).toBe(false);
  });

  it('keeps an encounter in a department no file defines, and counts it', async () => {
    const data = tiny();
    (data.encounters[0] as Record<string, string>).department_id = 'NO-SUCH-UNIT';
    const ws = await workspace();
    const report = await ingestDataset(ws, writeDataset(tempDir(), data), { now });
    expect(report.events.eventsStored).toBe(20);
    const issue = report.issues.find((i) => i.issue.issue === 'UNKNOWN_REFERENCE');
    expect(issue?.issue).toMatchObject({ file: 'encounters.csv', line: 2, field: 'department_id' });
    expect(await scalar(ws.db, `SELECT count(*) FROM encounter_windows WHERE NOT is_emergency`)).toBeGreaterThan(0);
  });

  it('reads offsets across the DST change correctly and skips an unreadable timestamp', async () => {
    const data = tiny();
    data.events = [
      { event_id: 'd1', timestamp: '2026-03-29T01:59:00+01:00', user_id: 'u1', patient_id: 'p1', action: 'read' },
      { event_id: 'd2', timestamp: '2026-03-29T03:01:00+02:00', user_id: 'u1', patient_id: 'p1', action: 'read' },
      { event_id: 'd3', timestamp: 'yesterday', user_id: 'u1', patient_id: 'p1', action: 'read' },
      { event_id: 'd4', timestamp: '2026-03-29T12:00:00', user_id: 'u1', patient_id: 'p1', action: 'read' },
    ];
    const ws = await workspace();
    const report = await ingestDataset(ws, writeDataset(tempDir(), data), { now, maxRejectShare: 0.5 });
    expect(report.events.eventsStored).toBe(3);
    const stamps = await rows<{ id: string; ms: number; h: number }>(
      ws.db,
      `SELECT event_id AS id, epoch_ms(ts) AS ms, hour(ts) AS h FROM events ORDER BY ts`,
    );
    expect((stamps[1]?.ms ?? 0) - (stamps[0]?.ms ?? 0)).toBe(2 * 60_000);
    expect(stamps.map((s) => s.h)).toEqual([1, 3, 12]);
    expect(report.issues.find((i) => i.issue.issue === 'VALUE_INVALID')?.issue).toMatchObject({
      line: 4,
      field: 'timestamp',
    });
    expect(report.issues.find((i) => i.issue.issue === 'TIMESTAMP_WITHOUT_OFFSET')?.issue.line).toBe(5);
  });

  it('does not double-count when the same day is ingested again, and appends a new day', async () => {
    const data = smallHospital();
    const day1 = data.events.filter((e) => String(e.timestamp) < '2026-03-10');
    const day2 = data.events.filter((e) => String(e.timestamp) >= '2026-03-10');
    const ws = await workspace();
    const first = await ingestDataset(ws, writeDataset(tempDir(), { ...data, events: day1 }), { now });
    expect(first.events.eventsStored).toBe(day1.length);
    const again = await ingestDataset(ws, writeDataset(tempDir(), { ...data, events: day1 }), { now });
    expect(again.events.alreadyIngested).toBe(true);
    // A re-export of the same day with one more line: the known events are skipped by id.
    const reexport = [...day1, day2[0] as never];
    const third = await ingestDataset(ws, writeDataset(tempDir(), { ...data, events: reexport }), { now });
    expect(third.events.eventsStored).toBe(1);
    expect(third.issues.find((i) => i.issue.issue === 'ALREADY_STORED')?.count).toBe(day1.length);
    const fourth = await ingestDataset(ws, writeDataset(tempDir(), { ...data, events: day2.slice(1) }), { now });
    expect(fourth.events.eventsStored).toBe(day2.length - 1);
    expect(await scalar(ws.db, 'SELECT count(*) FROM events')).toBe(data.events.length);
    expect(await scalar(ws.db, 'SELECT sum(n_events)::INTEGER FROM pair_days')).toBe(data.events.length);
  });

  it('updates known patients and encounters from a newer file, keeping their keys, and adds the new ones', async () => {
    const data = tiny();
    const ws = await workspace();
    await ingestDataset(ws, writeDataset(tempDir(), data), { now });
    const before = await rows<{ pid: number }>(ws.db, "SELECT pid FROM patients WHERE patient_id = 'p4'");
    const patients = data.patients.map((p) => (p.patient_id === 'p4' ? { ...p, family_name: 'Nyttnavn' } : p));
    patients.push({ patient_id: 'p-new', family_name: 'Ny', given_name: 'Pasient', birth_year: 1990 });
    const encounters = data.encounters.map((e) => (e.encounter_id === 'enc4' ? { ...e, kind: 'outpatient' } : e));
    encounters.push({
      encounter_id: 'enc-new',
      patient_id: 'p-new',
      department_id: 'W1',
      start: '2026-03-20T09:00:00+01:00',
      kind: 'outpatient',
    });
    await ingestDataset(ws, writeDataset(tempDir(), { ...data, patients, encounters }), { now });
    expect(await rows(ws.db, "SELECT pid, family_name FROM patients WHERE patient_id = 'p4'")).toEqual([
      { pid: before[0]?.pid, family_name: 'Nyttnavn' },
    ]);
    expect(await scalar(ws.db, 'SELECT count(*) FROM patients')).toBe(patients.length);
    expect(await scalar(ws.db, 'SELECT count(DISTINCT patient_id) FROM patients')).toBe(patients.length);
    expect(await scalar(ws.db, "SELECT kind FROM encounters WHERE encounter_id = 'enc4'")).toBe('outpatient');
    expect(await scalar(ws.db, 'SELECT count(*) FROM encounters')).toBe(encounters.length);
  });

  it('stops when too many lookups are unusable', async () => {
    const data = tiny();
    for (const e of data.events.slice(0, 5)) (e as Record<string, unknown>).action = 'peek';
    const error = await expectStop(ingestDataset(await workspace(), writeDataset(tempDir(), data), { now }));
    expect(error.message).toMatch(/5 of 20 records are unusable/);
  });

  it('names a missing required column', async () => {
    const data = tiny();
    const dir = writeDataset(tempDir(), data);
    fs.writeFileSync(path.join(dir, 'patients.csv'), 'patient_id,given_name\np1,Nils\n');
    const error = await expectStop(ingestDataset(await workspace(), dir, { now }));
    expect(error.details[0]).toMatchObject({ place: 'patients.csv line 1', field: 'family_name' });
  });
});

describe('ingestDataset with FHIR AuditEvent NDJSON', () => {
  const audit = (id: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({
    resourceType: 'AuditEvent',
    id,
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
    subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }],
    action: 'R',
    recorded: '2026-03-03T10:00:00+01:00',
    purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }] }],
    agent: [
      { requestor: false, who: { display: 'server' } },
      {
        requestor: true,
        who: { identifier: { value: 'u1' } },
        location: { reference: 'Location/W1' },
        network: { address: 'ws-7' },
      },
    ],
    entity: [
      { what: { reference: 'Patient/p1' }, type: { code: '1' }, role: { code: '1' } },
      { what: { reference: 'Observation/o1' }, type: { code: '2' }, role: { code: '4' } },
    ],
    ...more,
  });

  function ndjsonDataset(lines: string[]): string {
    const data = tiny();
    const dir = writeDataset(tempDir(), data);
    fs.rmSync(path.join(dir, 'access_events.csv'));
    fs.writeFileSync(path.join(dir, 'audit_events.ndjson'), lines.join('\n') + '\n');
    return dir;
  }

  it('maps requestor, patient entity, action, purpose, location and workstation', async () => {
    const search = audit('a2', {
      action: 'E',
      subtype: [{ code: 'search-type' }],
      purposeOfEvent: undefined,
      agent: [
        { requestor: true, who: { reference: 'Practitioner/u2' }, purposeOfUse: [{ coding: [{ code: 'ETREAT' }] }] },
      ],
    });
    // A Location reference may name the unit by identifier only, and the patient may be a person entity without a
    // role, named by identifier.
    const byIdentifier = audit('a3', {
      agent: [{ requestor: true, who: { identifier: { value: 'u1' } }, location: { identifier: { value: 'W3' } } }],
      entity: [{ what: { identifier: { value: 'p2' } }, type: { code: '1' } }],
    });
    // A print: no FHIR action of its own, a subtype coded "print" on a read.
    const print = audit('a4', {
      subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }, { code: 'print' }],
    });
    const dir = ndjsonDataset([
      JSON.stringify(audit('a1')),
      JSON.stringify(search),
      JSON.stringify(byIdentifier),
      JSON.stringify(print),
    ]);
    const ws = await workspace();
    const report = await ingestDataset(ws, dir, { now });
    expect(report.events.eventsStored).toBe(4);
    const stored = await rows<Record<string, unknown>>(
      ws.db,
      `SELECT e.event_id, u.user_id, p.patient_id, e.action, e.purpose, d.department_id, w.workstation
       FROM events e JOIN users u USING (uid) JOIN patients p USING (pid) LEFT JOIN departments d ON d.dept = e.dept
       LEFT JOIN workstations w USING (ws) ORDER BY e.event_id`,
    );
    expect(stored[0]).toMatchObject({
      user_id: 'u1',
      patient_id: 'p1',
      action: 1,
      purpose: 1,
      department_id: 'W1',
      workstation: 'ws-7',
    });
    expect(stored[1]).toMatchObject({ user_id: 'u2', patient_id: 'p1', action: 2, purpose: 2 });
    expect(stored[2]).toMatchObject({ user_id: 'u1', patient_id: 'p2', department_id: 'W3', workstation: null });
    expect(stored[3]).toMatchObject({ action: actionCode('print') });
  });

  it('skips and counts events that are not about one patient', async () => {
    const login = audit('a3', { entity: [{ what: { reference: 'Device/d1' } }] });
    const ws = await workspace();
    const report = await ingestDataset(ws, ndjsonDataset([JSON.stringify(audit('a1')), JSON.stringify(login)]), {
      now,
    });
    expect(report.events.eventsStored).toBe(1);
    expect(report.issues.find((i) => i.issue.issue === 'NOT_ONE_PATIENT')?.issue.line).toBe(2);
  });

  it('stops on a line that is not JSON and names it', async () => {
    const dir = ndjsonDataset([
      JSON.stringify(audit('a1')),
      '{"resourceType": "AuditEvent", "id": ',
      JSON.stringify(audit('a3')),
    ]);
    const ws = await workspace();
    const error = await expectStop(ingestDataset(ws, dir, { now }));
    expect(error.details[0]?.place).toBe('audit_events.ndjson line 2');
    expect(await scalar(ws.db, 'SELECT count(*) FROM events')).toBe(0);
  });
});
