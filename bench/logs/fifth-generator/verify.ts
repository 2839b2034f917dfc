// Check a generated dataset directory against the access-log data contract.
// Usage: tsx bench/logs/fifth-generator/verify.ts DIR
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { osloOffsetAt } from './time.js';

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
const ACTIONS = new Set(['read', 'search', 'print', 'export', 'update', 'create']);
const PURPOSES = new Set(['', 'TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT']);
const TS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

let errors = 0;
const errShown = new Map<string, number>();
function err(kind: string, msg: string): void {
  errors++;
  const n = errShown.get(kind) ?? 0;
  errShown.set(kind, n + 1);
  if (n < 5) console.log(`ERROR [${kind}] ${msg}`);
}

/** RFC 4180 parse of one logical record that may span lines */
function parseRecord(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  let cur = '';
  let q = false;
  while (i < s.length) {
    const c = s[i]!;
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = false;
      } else cur += c;
    } else if (c === '"') {
      if (cur !== '') err('csv', `stray quote in ${s.slice(0, 80)}`);
      q = true;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
    i++;
  }
  if (q) err('csv', `unterminated quote in ${s.slice(0, 80)}`);
  out.push(cur);
  return out;
}

async function* records(file: string): AsyncGenerator<string[]> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let pending = '';
  for await (const line of rl) {
    const l = pending ? pending + '\n' + line : line;
    if ((l.match(/"/g)?.length ?? 0) % 2 === 1) {
      pending = l;
      continue;
    }
    pending = '';
    yield parseRecord(l);
  }
  if (pending) err('csv', `${file}: unterminated record at end`);
}

async function table(
  file: string,
  required: string[],
  each: (r: Record<string, string>, line: number) => void,
): Promise<number> {
  if (!fs.existsSync(file)) {
    err('file', `missing ${file}`);
    return 0;
  }
  let header: string[] | undefined;
  let n = 0;
  for await (const rec of records(file)) {
    if (!header) {
      header = rec;
      for (const c of required) if (!header.includes(c)) err('header', `${path.basename(file)} lacks column ${c}`);
      continue;
    }
    if (rec.length === 1 && rec[0] === '') continue;
    if (rec.length !== header.length)
      err('csv', `${path.basename(file)} line ${n + 2}: ${rec.length} fields, header has ${header.length}`);
    const o: Record<string, string> = {};
    header.forEach((h, i) => (o[h] = rec[i] ?? ''));
    n++;
    each(o, n + 1);
  }
  return n;
}

function checkTs(s: string, where: string): number {
  const m = TS.exec(s);
  if (!m) {
    err('timestamp', `${where}: bad timestamp "${s}"`);
    return NaN;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) {
    err('timestamp', `${where}: unparsable "${s}"`);
    return NaN;
  }
  if (m[7] !== 'Z') {
    const off =
      (m[7]!.startsWith('-') ? -1 : 1) * (Number(m[7]!.slice(1, 3)) * 60 + Number(m[7]!.slice(4, 6))) * 60_000;
    if (off !== osloOffsetAt(t)) err('offset', `${where}: offset ${m[7]} is not Europe/Oslo's at that instant (${s})`);
  }
  return t;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: verify.ts DIR');
    process.exit(2);
  }
  const manifest = fs.existsSync(path.join(dir, 'manifest.json'))
    ? JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    : undefined;

  const depts = new Map<string, { kind: string; parent: string }>();
  await table(path.join(dir, 'departments.csv'), ['department_id', 'name', 'kind'], (r) => {
    if (depts.has(r.department_id!)) err('dup', `department ${r.department_id}`);
    if (!KINDS.has(r.kind!)) err('value', `department kind ${r.kind}`);
    if (!r.name) err('value', `department ${r.department_id} without name`);
    depts.set(r.department_id!, { kind: r.kind!, parent: r.parent_id ?? '' });
  });
  for (const [id, d] of depts) {
    let p = d.parent;
    let hops = 0;
    while (p && hops++ < 20) {
      const pd = depts.get(p);
      if (!pd) {
        err('ref', `department ${id} parent ${p} unknown`);
        break;
      }
      p = pd.parent;
    }
    if (hops >= 20) err('ref', `department ${id} parent cycle`);
  }

  const staff = new Map<string, { addr: string; dept: string; dept2: string; to: string; from: string }>();
  await table(path.join(dir, 'staff.csv'), ['user_id', 'family_name', 'given_name', 'role', 'department_id'], (r) => {
    if (staff.has(r.user_id!)) err('dup', `user ${r.user_id}`);
    if (!ROLES.has(r.role!)) err('value', `role ${r.role}`);
    if (!depts.has(r.department_id!)) err('ref', `staff ${r.user_id} department ${r.department_id}`);
    if (r.secondary_department_id && !depts.has(r.secondary_department_id))
      err('ref', `staff ${r.user_id} secondary department`);
    for (const c of ['employed_from', 'employed_to'])
      if (r[c] && !DATE.test(r[c]!)) err('value', `staff ${r.user_id} ${c} ${r[c]}`);
    if (!r.family_name || !r.given_name) err('value', `staff ${r.user_id} without name`);
    staff.set(r.user_id!, {
      addr: r.address_id ?? '',
      dept: r.department_id!,
      dept2: r.secondary_department_id ?? '',
      to: r.employed_to ?? '',
      from: r.employed_from ?? '',
    });
  });

  const patients = new Map<string, { addr: string; emp: string }>();
  await table(path.join(dir, 'patients.csv'), ['patient_id', 'family_name', 'given_name'], (r) => {
    if (patients.has(r.patient_id!)) err('dup', `patient ${r.patient_id}`);
    if (r.birth_year && !/^\d{4}$/.test(r.birth_year)) err('value', `birth_year ${r.birth_year}`);
    if (r.employee_user_id && !staff.has(r.employee_user_id))
      err('ref', `patient ${r.patient_id} employee ${r.employee_user_id}`);
    patients.set(r.patient_id!, { addr: r.address_id ?? '', emp: r.employee_user_id ?? '' });
  });

  // documentation index: patient -> set of departments / users
  const docDept = new Map<string, Set<string>>();
  const docUser = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  };
  const nEnc = await table(
    path.join(dir, 'encounters.csv'),
    ['encounter_id', 'patient_id', 'department_id', 'start', 'kind'],
    (r, line) => {
      if (!patients.has(r.patient_id!)) err('ref', `encounter ${r.encounter_id} patient`);
      if (!depts.has(r.department_id!)) err('ref', `encounter ${r.encounter_id} department`);
      if (!ENC_KINDS.has(r.kind!)) err('value', `encounter kind ${r.kind}`);
      const s = checkTs(r.start!, `encounters.csv:${line}`);
      if (r.end) {
        const e = checkTs(r.end, `encounters.csv:${line}`);
        if (e < s) err('value', `encounter ${r.encounter_id} ends before start`);
      }
      add(docDept, r.patient_id!, r.department_id!);
    },
  );
  let nRel = 0;
  if (fs.existsSync(path.join(dir, 'care_relations.csv'))) {
    nRel = await table(path.join(dir, 'care_relations.csv'), ['patient_id', 'from', 'kind'], (r) => {
      if (!patients.has(r.patient_id!)) err('ref', `relation patient ${r.patient_id}`);
      const hasU = !!r.user_id;
      const hasD = !!r.department_id;
      if (hasU === hasD) err('value', `relation for ${r.patient_id} must have exactly one of user_id/department_id`);
      if (hasU && !staff.has(r.user_id!)) err('ref', `relation user ${r.user_id}`);
      if (hasD && !depts.has(r.department_id!)) err('ref', `relation department ${r.department_id}`);
      if (!r.kind) err('value', 'relation without kind');
      if (!DATE.test(r.from!) && !TS.test(r.from!)) err('value', `relation from ${r.from}`);
      if (hasU) add(docUser, r.patient_id!, r.user_id!);
      if (hasD) add(docDept, r.patient_id!, r.department_id!);
    });
  }

  const gt = new Map<string, string>();
  const gtSeen = new Set<string>();
  if (fs.existsSync(path.join(dir, 'ground_truth.csv'))) {
    await table(path.join(dir, 'ground_truth.csv'), ['user_id', 'patient_id', 'scenario'], (r) => {
      if (!staff.has(r.user_id!)) err('ref', `ground truth user ${r.user_id}`);
      if (!patients.has(r.patient_id!)) err('ref', `ground truth patient ${r.patient_id}`);
      const k = `${r.user_id}|${r.patient_id}`;
      if (gt.has(k)) err('dup', `ground truth pair ${k}`);
      gt.set(k, r.scenario!);
    });
  }

  // events
  const ids = new Set<string>();
  let n = 0;
  let skipped = 0;
  let last = -Infinity;
  let legit = 0;
  let legitUndoc = 0;
  let mis = 0;
  let misUndoc = 0;
  const pairsLegit = new Set<string>();
  const pairsLegitUndoc = new Set<string>();
  const byAction = new Map<string, number>();
  const byPurpose = new Map<string, number>();
  const offsets = new Map<string, number>();
  const scenEvents = new Map<string, number>();
  const onEvent = (
    id: string,
    ts: string,
    u: string,
    p: string,
    action: string,
    purpose: string,
    dept: string,
    where: string,
  ) => {
    n++;
    if (!id || ids.has(id)) err('dup', `event id ${id}`);
    ids.add(id);
    const t = checkTs(ts, where);
    if (t < last) err('order', `${where}: events not in time order`);
    last = t;
    offsets.set(ts.slice(19), (offsets.get(ts.slice(19)) ?? 0) + 1);
    const s = staff.get(u);
    const pt = patients.get(p);
    if (!s) err('ref', `${where}: user ${u}`);
    if (!pt) err('ref', `${where}: patient ${p}`);
    if (!ACTIONS.has(action)) err('value', `${where}: action ${action}`);
    if (!PURPOSES.has(purpose)) err('value', `${where}: purpose ${purpose}`);
    if (dept && !depts.has(dept)) err('ref', `${where}: department ${dept}`);
    byAction.set(action, (byAction.get(action) ?? 0) + 1);
    byPurpose.set(purpose || '(empty)', (byPurpose.get(purpose || '(empty)') ?? 0) + 1);
    if (!s || !pt) return;
    const k = `${u}|${p}`;
    const dd = docDept.get(p);
    const documented = !!(
      docUser.get(p)?.has(u) ||
      (dd && (dd.has(s.dept) || (s.dept2 && dd.has(s.dept2)) || (dept && dd.has(dept))))
    );
    const sc = gt.get(k);
    if (sc !== undefined) {
      gtSeen.add(k);
      mis++;
      if (!documented) misUndoc++;
      scenEvents.set(sc, (scenEvents.get(sc) ?? 0) + 1);
    } else {
      legit++;
      if (!documented) legitUndoc++;
      pairsLegit.add(k);
      if (!documented) pairsLegitUndoc.add(k);
      if (pt.emp === u) err('legit-self', `${where}: unplanted self lookup ${k}`);
      else if (s.addr && s.addr === pt.addr) err('legit-coresident', `${where}: unplanted co-resident lookup ${k}`);
      if (s.to && ts.slice(0, 10) > s.to) err('legit-ended', `${where}: unplanted lookup after employment ended ${k}`);
    }
  };

  const csvPath = path.join(dir, 'access_events.csv');
  const ndPath = path.join(dir, 'audit_events.ndjson');
  if (fs.existsSync(csvPath)) {
    await table(csvPath, ['event_id', 'timestamp', 'user_id', 'patient_id', 'action'], (r, line) =>
      onEvent(
        r.event_id!,
        r.timestamp!,
        r.user_id!,
        r.patient_id!,
        r.action!,
        r.purpose ?? '',
        r.department_id ?? '',
        `access_events.csv:${line}`,
      ),
    );
  } else if (fs.existsSync(ndPath)) {
    const rl = readline.createInterface({
      input: fs.createReadStream(ndPath, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    let line = 0;
    for await (const l of rl) {
      line++;
      if (!l.trim()) continue;
      let o: any;
      try {
        o = JSON.parse(l);
      } catch {
        err('json', `audit_events.ndjson:${line} invalid JSON`);
        continue;
      }
      if (o.resourceType !== 'AuditEvent') err('fhir', `line ${line}: resourceType ${o.resourceType}`);
      const req = (o.agent ?? []).find((a: any) => a.requestor === true);
      const pe = (o.entity ?? []).find(
        (e: any) => (e.what?.reference ?? '').startsWith('Patient/') || e.role?.code === '1',
      );
      if (!req || !pe) {
        skipped++;
        continue;
      }
      const u = req.who?.identifier?.value ?? '';
      const p = pe.what?.identifier?.value ?? (pe.what?.reference ?? '').replace('Patient/', '');
      const sub = (o.subtype ?? []).map((x: any) => x.code);
      const ext = (o.subtype ?? []).find((x: any) => x.system === 'urn:varde:access-action')?.code;
      const base =
        {
          C: 'create',
          R: 'read',
          U: 'update',
          D: 'delete',
          E: sub.includes('search-type') || sub.includes('search') ? 'search' : 'export',
        }[o.action as 'C'] ?? '?';
      const action = ext ?? base;
      if (ext && base !== action && !(ext === 'print' && base === 'read'))
        err('fhir', `line ${line}: action ${o.action} vs ${ext}`);
      const purpose = o.purposeOfEvent?.[0]?.coding?.[0]?.code ?? req.purposeOfUse?.[0]?.coding?.[0]?.code ?? '';
      const dept = req.location?.identifier?.value ?? '';
      onEvent(o.id, o.recorded, u, p, action, purpose, dept, `audit_events.ndjson:${line}`);
    }
  } else err('file', 'no access_events.csv or audit_events.ndjson');

  if (manifest) {
    if (manifest.counts?.events !== n) err('count', `manifest says ${manifest.counts?.events} events, found ${n}`);
    if (manifest.arguments?.events !== n)
      err('count', `--events ${manifest.arguments?.events} but ${n} patient events`);
    if ((manifest.counts?.fhir_non_patient_events ?? 0) !== skipped)
      err('count', `manifest non-patient ${manifest.counts?.fhir_non_patient_events} vs skipped ${skipped}`);
  }
  for (const k of gt.keys()) if (!gtSeen.has(k)) err('gt', `ground-truth pair ${k} has no events`);

  console.log(`dataset ${dir}`);
  console.log(
    `  events ${n} (non-patient audit events skipped: ${skipped}), staff ${staff.size}, patients ${patients.size}, departments ${depts.size}, encounters ${nEnc}, care_relations ${nRel}`,
  );
  console.log(`  offsets ${[...offsets].map(([k, v]) => `${k}:${v}`).join(' ')}`);
  console.log(`  actions ${[...byAction].map(([k, v]) => `${k}:${v}`).join(' ')}`);
  console.log(`  purposes ${[...byPurpose].map(([k, v]) => `${k}:${v}`).join(' ')}`);
  console.log(
    `  legit events ${legit}, undocumented ${((100 * legitUndoc) / Math.max(1, legit)).toFixed(1)}% (pairs ${pairsLegit.size}, undocumented pairs ${((100 * pairsLegitUndoc.size) / Math.max(1, pairsLegit.size)).toFixed(1)}%)`,
  );
  console.log(
    `  misuse events ${mis}, undocumented ${((100 * misUndoc) / Math.max(1, mis)).toFixed(1)}%, pairs ${gt.size}`,
  );
  const byScen = new Map<string, number>();
  for (const s of gt.values()) byScen.set(s, (byScen.get(s) ?? 0) + 1);
  console.log('  scenario                               pairs  events');
  for (const [s, c] of [...byScen].sort())
    console.log(`  ${s.padEnd(38)} ${String(c).padStart(5)}  ${String(scenEvents.get(s) ?? 0).padStart(6)}`);
  if (manifest?.scenarios) {
    for (const [s, v] of Object.entries<any>(manifest.scenarios)) {
      if ((byScen.get(s) ?? 0) !== v.pairs)
        err('count', `scenario ${s}: manifest ${v.pairs} pairs, ground truth ${byScen.get(s) ?? 0}`);
      if ((scenEvents.get(s) ?? 0) !== v.events)
        err('count', `scenario ${s}: manifest ${v.events} events, found ${scenEvents.get(s) ?? 0}`);
    }
  }
  console.log(
    errors
      ? `FAILED: ${errors} error(s) ${[...errShown].map(([k, v]) => `${k}:${v}`).join(' ')}`
      : 'OK: dataset satisfies the contract',
  );
  process.exit(errors ? 1 : 0);
}

void main();
