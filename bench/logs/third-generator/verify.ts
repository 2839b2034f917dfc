// Checks a dataset directory against the access-log data contract (files, headers, value sets, references, ISO 8601
// timestamps with the right Europe/Oslo offset, RFC 4180 line endings) and prints counts per misuse scenario plus a few
// statistics on how well legitimate and improper lookups are documented. Works on any dataset with that layout.
//   npx tsx bench/logs/third-generator/verify.ts DIR

import { createReadStream, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseCsvRecord } from '../../../src/modules/logaudit/dataset/text-file.js';
import {
  ACTIONS as CONTRACT_ACTIONS,
  DEPARTMENT_KINDS,
  ENCOUNTER_KINDS,
  PURPOSES as CONTRACT_PURPOSES,
  ROLES as CONTRACT_ROLES,
} from '../../../src/modules/logaudit/domain/codes.js';

// The contract's value sets; `delete` is only reachable from FHIR, so it is not a CSV action.
const ROLES = new Set<string>(CONTRACT_ROLES);
const DEPT_KINDS = new Set<string>(DEPARTMENT_KINDS);
const ENC_KINDS = new Set<string>(ENCOUNTER_KINDS);
const ACTIONS = new Set<string>(CONTRACT_ACTIONS.filter((a) => a !== 'delete'));
const PURPOSES = new Set<string>(['', ...CONTRACT_PURPOSES]);
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

const errors = new Map<string, { n: number; example: string }>();
function fail(kind: string, example: string): void {
  const e = errors.get(kind);
  if (e) e.n++;
  else errors.set(kind, { n: 1, example });
}

// Europe/Oslo offset from the platform's time-zone database, cached per hour
const osloFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' });
const offsetCache = new Map<number, string>();
function osloOffset(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  let v = offsetCache.get(h);
  if (v === undefined) {
    const part = osloFmt.formatToParts(new Date(h * 3_600_000 + 1)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    v = part === 'GMT' ? '+00:00' : part.replace('GMT', '');
    offsetCache.set(h, v);
  }
  return v;
}

/** Parses and checks a timestamp; returns epoch ms or NaN. */
function ts(value: string, where: string): number {
  if (!TS.test(value)) {
    fail(`${where}: timestamp not ISO 8601 with offset`, value);
    return NaN;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    fail(`${where}: unparsable timestamp`, value);
    return NaN;
  }
  const off = value.endsWith('Z') ? null : value.slice(-6);
  if (off !== null && off !== osloOffset(ms)) fail(`${where}: offset is not Europe/Oslo's at that instant`, value);
  return ms;
}

function parseLine(line: string): string[] {
  return line.includes('"') ? parseCsvRecord(line) : line.split(',');
}

function quotesBalanced(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 34) n++;
  return n % 2 === 0;
}

/** Streams an RFC 4180 file as records keyed by header; checks the header and the line endings. */
async function readCsv(
  path: string,
  required: readonly string[],
  onRow: (get: (col: string) => string, raw: string[]) => void,
): Promise<string[]> {
  const name = path.split('/').pop()!;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(65536);
  const got = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, got).toString('utf8');
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  if (lf > 0 && crlf !== lf) fail(`${name}: line breaks are not CRLF (RFC 4180)`, `${crlf} CRLF of ${lf}`);
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: string[] | null = null;
  let idx = new Map<string, number>();
  let carry = '';
  let line = 0;
  for await (const l of rl) {
    line++;
    const text2 = carry ? carry + '\n' + l : l;
    if (!quotesBalanced(text2)) {
      carry = text2;
      continue;
    }
    carry = '';
    const rec = parseLine(text2);
    if (!header) {
      header = rec.map((h) => h.replace(/^\uFEFF/, ''));
      idx = new Map(header.map((h, i) => [h, i]));
      for (const c of required) if (!idx.has(c)) fail(`${name}: missing required column ${c}`, header.join(','));
      continue;
    }
    if (rec.length !== header.length) {
      fail(`${name}: wrong number of fields`, `line ${line}`);
      continue;
    }
    onRow((col) => {
      const i = idx.get(col);
      return i === undefined ? '' : rec[i]!;
    }, rec);
  }
  if (carry) fail(`${name}: unterminated quoted field`, carry.slice(0, 60));
  return header ?? [];
}

interface Span {
  dept: string;
  from: number;
  to: number;
}
interface RelSpan {
  user: string;
  dept: string;
  from: number;
  to: number;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: verify.ts DIR');
  const f = (n: string): string => join(dir, n);
  for (const n of ['staff.csv', 'patients.csv', 'departments.csv', 'encounters.csv'])
    if (!existsSync(f(n))) fail('missing required file', n);
  const csvEvents = existsSync(f('access_events.csv'));
  const fhirEvents = existsSync(f('audit_events.ndjson'));
  if (!csvEvents && !fhirEvents) fail('missing event file', 'access_events.csv or audit_events.ndjson');

  const depts = new Map<string, { kind: string; parent: string }>();
  await readCsv(f('departments.csv'), ['department_id', 'name', 'kind'], (g) => {
    const id = g('department_id');
    if (depts.has(id)) fail('departments.csv: duplicate department_id', id);
    if (!DEPT_KINDS.has(g('kind'))) fail('departments.csv: kind outside the value set', g('kind'));
    if (!g('name')) fail('departments.csv: empty name', id);
    depts.set(id, { kind: g('kind'), parent: g('parent_id') });
  });
  for (const [id, d] of depts)
    if (d.parent && !depts.has(d.parent)) fail('departments.csv: parent_id not a department', id);

  const staff = new Map<string, { dept: string; role: string; to: number }>();
  await readCsv(f('staff.csv'), ['user_id', 'family_name', 'given_name', 'role', 'department_id'], (g) => {
    const id = g('user_id');
    if (staff.has(id)) fail('staff.csv: duplicate user_id', id);
    if (!ROLES.has(g('role'))) fail('staff.csv: role outside the value set', g('role'));
    if (!depts.has(g('department_id'))) fail('staff.csv: department_id not in departments.csv', id);
    if (!g('family_name') || !g('given_name')) fail('staff.csv: empty name', id);
    for (const c of ['employed_from', 'employed_to'])
      if (g(c) && !DATE.test(g(c)) && !TS.test(g(c))) fail(`staff.csv: ${c} is not a date`, g(c));
    staff.set(id, {
      dept: g('department_id'),
      role: g('role'),
      to: g('employed_to') ? Date.parse(g('employed_to')) + DAY : Infinity,
    });
  });

  const patients = new Set<string>();
  const employeeOf = new Map<string, string>();
  await readCsv(f('patients.csv'), ['patient_id', 'family_name', 'given_name'], (g) => {
    const id = g('patient_id');
    if (patients.has(id)) fail('patients.csv: duplicate patient_id', id);
    patients.add(id);
    if (!g('family_name') || !g('given_name')) fail('patients.csv: empty name', id);
    if (g('birth_year') && !/^\d{4}$/.test(g('birth_year')))
      fail('patients.csv: birth_year not a year', g('birth_year'));
    const emp = g('employee_user_id');
    if (emp) {
      if (!staff.has(emp)) fail('patients.csv: employee_user_id not in staff.csv', emp);
      employeeOf.set(id, emp);
    }
  });

  const encs = new Map<string, Span[]>();
  let nEnc = 0;
  const encIds = new Set<string>();
  await readCsv(f('encounters.csv'), ['encounter_id', 'patient_id', 'department_id', 'start', 'kind'], (g) => {
    nEnc++;
    const id = g('encounter_id');
    if (encIds.has(id)) fail('encounters.csv: duplicate encounter_id', id);
    encIds.add(id);
    const p = g('patient_id');
    if (!patients.has(p)) fail('encounters.csv: patient_id not in patients.csv', id);
    if (!depts.has(g('department_id'))) fail('encounters.csv: department_id not in departments.csv', id);
    if (!ENC_KINDS.has(g('kind'))) fail('encounters.csv: kind outside the value set', g('kind'));
    const s = ts(g('start'), 'encounters.csv start');
    const e = g('end') ? ts(g('end'), 'encounters.csv end') : Infinity;
    if (e < s) fail('encounters.csv: end before start', id);
    const arr = encs.get(p);
    const span = { dept: g('department_id'), from: s, to: e };
    if (arr) arr.push(span);
    else encs.set(p, [span]);
  });
  encIds.clear();

  const rels = new Map<string, RelSpan[]>();
  let nRel = 0;
  if (existsSync(f('care_relations.csv'))) {
    await readCsv(f('care_relations.csv'), ['patient_id', 'from', 'kind'], (g) => {
      nRel++;
      const p = g('patient_id');
      if (!patients.has(p)) fail('care_relations.csv: patient_id not in patients.csv', p);
      const u = g('user_id');
      const d = g('department_id');
      if (!u && !d) fail('care_relations.csv: neither user_id nor department_id', p);
      if (u && !staff.has(u)) fail('care_relations.csv: user_id not in staff.csv', u);
      if (d && !depts.has(d)) fail('care_relations.csv: department_id not in departments.csv', d);
      if (!g('kind')) fail('care_relations.csv: empty kind', p);
      const from = ts(g('from'), 'care_relations.csv from');
      const to = g('to') ? ts(g('to'), 'care_relations.csv to') : Infinity;
      const arr = rels.get(p);
      const span = { user: u, dept: d, from, to };
      if (arr) arr.push(span);
      else rels.set(p, [span]);
    });
  }

  // ground truth first, so that events can be attributed while streaming
  const truth = new Map<string, string>();
  const scenarioUsers = new Map<string, Set<string>>();
  if (existsSync(f('ground_truth.csv'))) {
    const header = await readCsv(f('ground_truth.csv'), ['user_id', 'patient_id', 'scenario'], (g) => {
      const u = g('user_id');
      const p = g('patient_id');
      if (!staff.has(u)) fail('ground_truth.csv: user_id not in staff.csv', u);
      if (!patients.has(p)) fail('ground_truth.csv: patient_id not in patients.csv', p);
      const k = `${u}|${p}`;
      if (truth.has(k)) fail('ground_truth.csv: duplicate pair', k);
      truth.set(k, g('scenario'));
      const s = scenarioUsers.get(g('scenario')) ?? new Set<string>();
      s.add(u);
      scenarioUsers.set(g('scenario'), s);
    });
    if (header.join(',') !== 'user_id,patient_id,scenario')
      fail('ground_truth.csv: header is not user_id,patient_id,scenario', header.join(','));
  }

  // events
  interface Stat {
    events: number;
    undocumented: number;
    night: number;
    weekend: number;
    etreat: number;
    blankPurpose: number;
    afterEmployment: number;
    actions: Map<string, number>;
  }
  const newStat = (): Stat => ({
    events: 0,
    undocumented: 0,
    night: 0,
    weekend: 0,
    etreat: 0,
    blankPurpose: 0,
    afterEmployment: 0,
    actions: new Map(),
  });
  const legit = newStat();
  const misuse = newStat();
  const perScenario = new Map<string, Stat & { pairs: Set<string> }>();
  const allPairs = new Set<string>();
  const eventIds = new Set<string>();
  let outOfOrder = 0;
  let lastMs = -Infinity;
  let first = Infinity;
  let lastTs = -Infinity;
  const skipped = new Map<string, number>();
  const documented = (u: string, p: string, dep: string, ms: number): boolean => {
    const home = staff.get(u)?.dept ?? '';
    for (const r of rels.get(p) ?? []) {
      if (ms < r.from - DAY || ms > r.to + 30 * DAY) continue;
      if (r.user === u || (r.dept && (r.dept === dep || r.dept === home))) return true;
    }
    for (const e of encs.get(p) ?? []) {
      if (e.dept !== dep && e.dept !== home) continue;
      const to = e.to === Infinity ? e.from + 365 * DAY : e.to;
      if (ms >= e.from - 7 * DAY && ms <= to + 30 * DAY) return true;
    }
    return false;
  };
  const onEvent = (
    id: string,
    time: string,
    u: string,
    p: string,
    action: string,
    purpose: string,
    dep: string,
  ): void => {
    if (eventIds.has(id)) fail('events: duplicate event_id', id);
    eventIds.add(id);
    if (!staff.has(u)) fail('events: user_id not in staff.csv', u);
    if (!patients.has(p)) fail('events: patient_id not in patients.csv', p);
    if (!ACTIONS.has(action)) fail('events: action outside the value set', action);
    if (!PURPOSES.has(purpose)) fail('events: purpose outside the value set', purpose);
    if (dep && !depts.has(dep)) fail('events: department_id not in departments.csv', dep);
    const ms = ts(time, 'events timestamp');
    if (ms < lastMs) outOfOrder++;
    lastMs = ms;
    first = Math.min(first, ms);
    lastTs = Math.max(lastTs, ms);
    const key = `${u}|${p}`;
    allPairs.add(key);
    const sc = truth.get(key);
    const local = time.slice(11, 13);
    const hour = Number(local);
    const dow = new Date(Date.parse(time.slice(0, 10) + 'T12:00:00Z')).getUTCDay();
    const add = (s: Stat): void => {
      s.events++;
      if (!documented(u, p, dep, ms)) s.undocumented++;
      if (hour < 6 || hour >= 22) s.night++;
      if (dow === 0 || dow === 6) s.weekend++;
      if (purpose === 'ETREAT') s.etreat++;
      if (!purpose) s.blankPurpose++;
      if (ms > (staff.get(u)?.to ?? Infinity)) s.afterEmployment++;
      s.actions.set(action, (s.actions.get(action) ?? 0) + 1);
    };
    if (sc === undefined) add(legit);
    else {
      add(misuse);
      let s = perScenario.get(sc);
      if (!s) perScenario.set(sc, (s = { ...newStat(), pairs: new Set() }));
      add(s);
      s.pairs.add(key);
    }
  };

  if (csvEvents) {
    await readCsv(f('access_events.csv'), ['event_id', 'timestamp', 'user_id', 'patient_id', 'action'], (g) =>
      onEvent(
        g('event_id'),
        g('timestamp'),
        g('user_id'),
        g('patient_id'),
        g('action'),
        g('purpose'),
        g('department_id'),
      ),
    );
  }
  if (fhirEvents) {
    const rl = createInterface({
      input: createReadStream(f('audit_events.ndjson'), { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const line of rl) {
      if (!line.trim()) continue;
      let r: any;
      try {
        r = JSON.parse(line);
      } catch {
        fail('audit_events.ndjson: not JSON', line.slice(0, 60));
        continue;
      }
      if (r.resourceType !== 'AuditEvent') {
        skipped.set('not an AuditEvent', (skipped.get('not an AuditEvent') ?? 0) + 1);
        continue;
      }
      const agent = (r.agent ?? []).find((a: any) => a.requestor === true);
      const user = agent?.who?.identifier?.value;
      const patEntities = (r.entity ?? []).filter(
        (e: any) =>
          (typeof e.what?.reference === 'string' && e.what.reference.startsWith('Patient/')) || e.role?.code === '1',
      );
      if (!user) {
        skipped.set('no requesting agent', (skipped.get('no requesting agent') ?? 0) + 1);
        continue;
      }
      if (patEntities.length !== 1) {
        const why = patEntities.length === 0 ? 'no patient entity' : 'several patients';
        skipped.set(why, (skipped.get(why) ?? 0) + 1);
        continue;
      }
      const pref: string = patEntities[0].what?.reference ?? '';
      const patient = pref.startsWith('Patient/') ? pref.slice(8) : (patEntities[0].what?.identifier?.value ?? '');
      const subtypes: string[] = (r.subtype ?? []).map((s: any) => s.code);
      const map: Record<string, string> = { C: 'create', R: 'read', U: 'update', D: 'delete', E: 'export' };
      let action = map[r.action] ?? '';
      if (r.action === 'E' && subtypes.includes('search-type')) action = 'search';
      if (r.action === 'E' && subtypes.includes('print')) action = 'print';
      const purposeCoding =
        r.purposeOfEvent?.[0]?.coding?.[0]?.code ?? agent.purposeOfUse?.[0]?.coding?.[0]?.code ?? '';
      const loc: string = agent.location?.reference ?? '';
      onEvent(r.id, r.recorded, user, patient, action, purposeCoding, loc.startsWith('Location/') ? loc.slice(9) : '');
    }
  }
  eventIds.clear();

  // report
  const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const sizeMb = (n: string): string => (existsSync(f(n)) ? `${(statSync(f(n)).size / 1e6).toFixed(1)} MB` : '-');
  console.log(`dataset ${dir}`);
  for (const n of [
    'access_events.csv',
    'audit_events.ndjson',
    'staff.csv',
    'patients.csv',
    'departments.csv',
    'encounters.csv',
    'care_relations.csv',
    'ground_truth.csv',
  ]) {
    if (existsSync(f(n))) console.log(`  ${n.padEnd(22)} ${sizeMb(n)}`);
  }
  console.log(
    `departments ${depts.size}, staff ${staff.size}, patients ${patients.size} (${employeeOf.size} are also employees), encounters ${nEnc}, care relations ${nRel}`,
  );
  const total = legit.events + misuse.events;
  console.log(
    `events ${total} from ${new Date(first).toISOString()} to ${new Date(lastTs).toISOString()}, ${outOfOrder} out of time order`,
  );
  for (const [why, n] of skipped) console.log(`  skipped (not one patient): ${n} - ${why}`);
  console.log(
    `(user, patient) pairs ${allPairs.size}; misuse pairs ${truth.size} (one per ${Math.round(total / Math.max(1, truth.size))} events)`,
  );
  const line = (name: string, s: Stat): string =>
    `${name.padEnd(26)} ${String(s.events).padStart(9)}  undocumented ${pct(s.undocumented, s.events).padStart(6)}  night ${pct(s.night, s.events).padStart(6)}  weekend ${pct(s.weekend, s.events).padStart(6)}  no purpose ${pct(s.blankPurpose, s.events).padStart(6)}  ETREAT ${String(s.etreat).padStart(5)}  after employment ${s.afterEmployment}`;
  console.log(line('legitimate', legit));
  console.log(line('misuse', misuse));
  console.log('legitimate actions: ' + [...legit.actions].map(([a, n]) => `${a} ${n}`).join(', '));
  console.log('\nscenario                    pairs  users  events  undocumented  night  actions');
  const names = [...new Set([...truth.values()])].sort();
  let missing = 0;
  for (const sc of names) {
    const s = perScenario.get(sc);
    const pairsLabelled = [...truth.values()].filter((x) => x === sc).length;
    const seen = s?.pairs.size ?? 0;
    missing += pairsLabelled - seen;
    console.log(
      `${sc.padEnd(26)} ${String(pairsLabelled).padStart(6)} ${String(scenarioUsers.get(sc)?.size ?? 0).padStart(6)} ${String(s?.events ?? 0).padStart(7)}  ${pct(s?.undocumented ?? 0, s?.events ?? 0).padStart(12)}  ${pct(s?.night ?? 0, s?.events ?? 0).padStart(5)}  ${[...(s?.actions ?? new Map<string, number>())].map(([a, n]) => `${a}:${n}`).join(' ')}`,
    );
  }
  if (missing > 0) fail('ground_truth.csv: labelled pairs without any event', String(missing));
  console.log('');
  if (errors.size === 0) {
    console.log('OK: the dataset follows the contract');
  } else {
    for (const [k, v] of errors) console.log(`ERROR ${k}: ${v.n} (e.g. ${v.example})`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
