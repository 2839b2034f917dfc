/**
 * Checks a generated dataset directory against the data contract and the manifest:
 *   tsx bench/logs/fourth-generator/verify.ts DIR
 * Referential integrity, unique ids, value sets, timestamp format and Oslo offsets (checked with Intl, independently
 * of the generator's own DST code), counts, ground-truth pairs present in the events, and some descriptive figures
 * (share of lookups without a matching encounter or care relation in the user's unit, lookups after employment).
 * Exits with status 1 if any check fails.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

type Row = Record<string, string>;

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF), as lists of fields. */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** RFC 4180 parser: one object per row, keyed by the header. */
export function parseCsv(text: string): Row[] {
  const rows = csvRecords(text);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => {
    if (r.length !== header.length) throw new Error(`row with ${r.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, r[i]!]));
  });
}

interface Event {
  id: string;
  t: string;
  user: string;
  patient: string;
  action: string;
  purpose: string;
  dept: string;
  ws: string;
}

const failures: string[] = [];
const check = (ok: boolean, what: string): void => {
  if (!ok) failures.push(what);
};

const ACTIONS = new Set(['read', 'search', 'print', 'export', 'update', 'create']);
const PURPOSES = new Set(['', 'TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT']);
const ROLES = new Set([
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
const KINDS = new Set(['ward', 'outpatient', 'emergency', 'lab', 'radiology', 'pharmacy', 'administration', 'other']);
const ENC_KINDS = new Set(['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other']);
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+0[12]:00|Z)$/;

const osloFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'shortOffset' });
const offsetCache = new Map<number, string>();
function osloOffset(ms: number): string {
  const hour = Math.floor(ms / 3_600_000);
  let off = offsetCache.get(hour);
  if (!off) {
    const name = osloFmt.formatToParts(new Date(hour * 3_600_000 + 1)).find((p) => p.type === 'timeZoneName')!.value;
    off = name === 'GMT+2' ? '+02:00' : '+01:00';
    offsetCache.set(hour, off);
  }
  return off;
}

function checkTimestamp(ts: string, what: string): number {
  check(TS.test(ts), `${what}: bad timestamp ${ts}`);
  const ms = Date.parse(ts);
  check(!Number.isNaN(ms), `${what}: unparsable ${ts}`);
  check(ts.endsWith(osloOffset(ms)), `${what}: offset of ${ts} is not the Oslo offset ${osloOffset(ms)}`);
  return ms;
}

/** Lines of a (possibly very large) file, read in chunks. */
function* lines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 22);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) {
    const parts = (rest + decoder.write(buf.subarray(0, n))).split('\n');
    rest = parts.pop()!;
    for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  rest += decoder.end();
  if (rest) yield rest;
  closeSync(fd);
}

/** One CSV record on one line (the event file has no line breaks inside fields). */
function parseCsvRaw(line: string): string[] {
  return csvRecords(line)[0] ?? [''];
}

const skippedLines = { n: 0 };

function* readEvents(dir: string): Generator<Event> {
  const csv = join(dir, 'access_events.csv');
  if (existsSync(csv)) {
    let header: string[] | null = null;
    for (const line of lines(csv)) {
      if (!line) continue;
      const f = parseCsvRaw(line);
      if (!header) {
        header = f;
        continue;
      }
      check(f.length === header.length, 'event row with a wrong number of fields');
      const r = Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
      yield {
        id: r.event_id!,
        t: r.timestamp!,
        user: r.user_id!,
        patient: r.patient_id!,
        action: r.action!,
        purpose: r.purpose ?? '',
        dept: r.department_id ?? '',
        ws: r.workstation ?? '',
      };
    }
    return;
  }
  for (const line of lines(join(dir, 'audit_events.ndjson'))) {
    if (!line) continue;
    const a = JSON.parse(line) as any;
    check(a.resourceType === 'AuditEvent', 'ndjson line is not an AuditEvent');
    const entity = (a.entity ?? []).find(
      (x: any) => typeof x?.what?.reference === 'string' && x.what.reference.startsWith('Patient/'),
    );
    if (!entity) {
      skippedLines.n++;
      continue;
    }
    const agent = (a.agent ?? []).find((x: any) => x.requestor === true);
    const sub = (a.subtype ?? []).map((x: any) => x.code);
    const isQuery = (a.entity ?? []).some((x: any) => x?.role?.code === '24');
    const action =
      a.action === 'C'
        ? 'create'
        : a.action === 'U'
          ? 'update'
          : a.action === 'R'
            ? 'read'
            : isQuery
              ? 'search'
              : sub.includes('print')
                ? 'print'
                : 'export';
    yield {
      id: a.id,
      t: a.recorded,
      user: agent?.who?.identifier?.value,
      patient: entity.what.reference.slice('Patient/'.length),
      action,
      purpose: a.purposeOfEvent?.[0]?.coding?.[0]?.code ?? '',
      dept: (agent?.location?.reference ?? '').replace('Location/', ''),
      ws: agent?.network?.address ?? '',
    };
  }
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: verify.ts DIR');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const read = (f: string): Row[] => parseCsv(readFileSync(join(dir, f), 'utf8'));

  const depts = read('departments.csv');
  const deptIds = new Set(depts.map((d) => d.department_id!));
  check(deptIds.size === depts.length, 'duplicate department ids');
  for (const d of depts) {
    check(KINDS.has(d.kind!), `department kind ${d.kind}`);
    check(!d.parent_id || deptIds.has(d.parent_id), `department parent ${d.parent_id}`);
  }
  const staff = read('staff.csv');
  const staffById = new Map(staff.map((s) => [s.user_id!, s]));
  check(staffById.size === staff.length, 'duplicate user ids');
  for (const s of staff) {
    check(ROLES.has(s.role!), `role ${s.role}`);
    check(deptIds.has(s.department_id!), `staff department ${s.department_id}`);
    check(!!s.family_name && !!s.given_name, `staff name missing for ${s.user_id}`);
  }
  const patients = read('patients.csv');
  const patientIds = new Set(patients.map((p) => p.patient_id!));
  check(patientIds.size === patients.length, 'duplicate patient ids');
  for (const p of patients)
    check(!p.employee_user_id || staffById.has(p.employee_user_id), `employee link ${p.employee_user_id}`);

  const encounters = read('encounters.csv');
  check(new Set(encounters.map((e) => e.encounter_id)).size === encounters.length, 'duplicate encounter ids');
  const encByPatient = new Map<string, { dept: string; start: number; end: number }[]>();
  for (const e of encounters) {
    check(
      patientIds.has(e.patient_id!) && deptIds.has(e.department_id!) && ENC_KINDS.has(e.kind!),
      `encounter ${e.encounter_id}`,
    );
    const start = checkTimestamp(e.start!, 'encounter start');
    const end = e.end ? checkTimestamp(e.end, 'encounter end') : Number.POSITIVE_INFINITY;
    check(end >= start, `encounter ${e.encounter_id} ends before it starts`);
    (encByPatient.get(e.patient_id!) ?? encByPatient.set(e.patient_id!, []).get(e.patient_id!)!).push({
      dept: e.department_id!,
      start,
      end,
    });
  }
  const relations = read('care_relations.csv');
  const relByPatient = new Map<string, { user: string; dept: string; from: number; to: number }[]>();
  for (const r of relations) {
    check(patientIds.has(r.patient_id!), `relation patient ${r.patient_id}`);
    check(!!r.user_id !== !!r.department_id, 'relation needs exactly one of user_id and department_id');
    check(!r.user_id || staffById.has(r.user_id), `relation user ${r.user_id}`);
    check(!r.department_id || deptIds.has(r.department_id), `relation department ${r.department_id}`);
    const from = checkTimestamp(r.from!, 'relation from');
    const to = r.to ? checkTimestamp(r.to, 'relation to') : Number.POSITIVE_INFINITY;
    (relByPatient.get(r.patient_id!) ?? relByPatient.set(r.patient_id!, []).get(r.patient_id!)!).push({
      user: r.user_id!,
      dept: r.department_id!,
      from,
      to,
    });
  }

  const ids = new Set<string>();
  const pairs = new Set<string>();
  let unsorted = 0;
  let last = 0;
  const offsets = new Map<string, number>();
  const gt = read('ground_truth.csv');
  const gtPairs = new Map(gt.map((g) => [`${g.user_id}|${g.patient_id}`, g.scenario!]));
  let undocLegit = 0;
  let undocMisuse = 0;
  let misuseEvents = 0;
  let afterEnd = 0;
  let afterEndMisuse = 0;
  const undocByUnit = new Map<string, number>();
  const DAY = 86_400_000;
  let count = 0;
  for (const e of readEvents(dir)) {
    count++;
    ids.add(e.id);
    check(staffById.has(e.user), `event ${e.id}: unknown user ${e.user}`);
    check(patientIds.has(e.patient), `event ${e.id}: unknown patient ${e.patient}`);
    check(!e.dept || deptIds.has(e.dept), `event ${e.id}: unknown department ${e.dept}`);
    check(ACTIONS.has(e.action), `event ${e.id}: action ${e.action}`);
    check(PURPOSES.has(e.purpose), `event ${e.id}: purpose ${e.purpose}`);
    const t = checkTimestamp(e.t, `event ${e.id}`);
    if (t < last) unsorted++;
    last = t;
    offsets.set(e.t.slice(-6), (offsets.get(e.t.slice(-6)) ?? 0) + 1);
    const key = `${e.user}|${e.patient}`;
    pairs.add(key);
    const s = staffById.get(e.user);
    const misuse = gtPairs.has(key);
    if (misuse) misuseEvents++;
    if (s?.employed_to && t > Date.parse(`${s.employed_to}T23:59:59+01:00`)) {
      afterEnd++;
      if (misuse) afterEndMisuse++;
    }
    // Documented: an encounter in the event's or the user's home unit around the time, or a care relation.
    const units = new Set([e.dept, s?.department_id ?? '']);
    const documented =
      (encByPatient.get(e.patient) ?? []).some(
        (x) => units.has(x.dept) && t >= x.start - 7 * DAY && t <= x.end + 30 * DAY,
      ) ||
      (relByPatient.get(e.patient) ?? []).some(
        (r) => (r.user === e.user || units.has(r.dept)) && t >= r.from - DAY && t <= r.to + 30 * DAY,
      );
    if (!documented) {
      if (misuse) undocMisuse++;
      else {
        undocLegit++;
        const unit = s?.department_id ?? '?';
        undocByUnit.set(unit, (undocByUnit.get(unit) ?? 0) + 1);
      }
    }
  }
  const skipped = skippedLines.n;
  check(ids.size === count, 'duplicate event ids');
  const wanted = manifest.arguments.events as number;
  check(count === manifest.counts.events, `event count ${count} != manifest ${manifest.counts.events}`);
  check(Math.abs(count - wanted) <= wanted * 0.005, `event count ${count} not within 0.5 % of ${wanted}`);
  check(
    skipped === (manifest.counts.non_patient_events ?? 0),
    `skipped ${skipped} non-patient events, manifest says ${manifest.counts.non_patient_events}`,
  );
  const missing = [...gtPairs.keys()].filter((k) => !pairs.has(k));
  check(missing.length === 0, `ground-truth pairs missing from events: ${missing.slice(0, 5).join(', ')}`);
  const perScenario = new Map<string, number>();
  for (const s of gtPairs.values()) perScenario.set(s, (perScenario.get(s) ?? 0) + 1);
  for (const [name, st] of Object.entries(manifest.scenarios as Record<string, { pairs: number }>))
    check(
      (perScenario.get(name) ?? 0) === st.pairs,
      `scenario ${name}: ${perScenario.get(name) ?? 0} pairs, manifest ${st.pairs}`,
    );
  check(gt.length === gtPairs.size, 'duplicate ground-truth pairs');

  const legitEvents = count - misuseEvents;
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  console.log(`dataset ${dir}`);
  console.log(
    `  events ${count} (wanted ${wanted}); non-patient lines skipped ${skipped}; out of time order ${unsorted}`,
  );
  console.log(`  offsets: ${[...offsets.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `  staff ${staff.length}, patients ${patients.length}, departments ${depts.length}, encounters ${encounters.length}, care relations ${relations.length}`,
  );
  console.log(
    `  distinct (user, patient) pairs ${pairs.size}; ground-truth pairs ${gt.length} over ${perScenario.size} scenarios; misuse events ${misuseEvents}`,
  );
  console.log(
    `  lookups without encounter/relation in the user's unit: legit ${pct(undocLegit, legitEvents)}, misuse ${pct(undocMisuse, misuseEvents)}`,
  );
  const top = [...undocByUnit.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(
    `  undocumented legit lookups by home unit: ${top.map(([k, v]) => `${k} ${pct(v, legitEvents)}`).join(', ')}`,
  );
  console.log(`  lookups after employed_to: ${afterEnd} (${afterEndMisuse} of them misuse)`);
  if (failures.length) {
    console.log(`FAILED: ${failures.length} problems`);
    for (const f of [...new Set(failures)].slice(0, 30)) console.log(`  - ${f}`);
    process.exit(1);
  }
  console.log('OK');
}

main();
