// Sanity checks for a generated dataset directory (CSV or FHIR NDJSON):
//   npx tsx bench/logs/alt-generator/verify.ts DIR
// Referential integrity, unique ids, time order, the Europe/Oslo offset of every timestamp (checked against the host's
// own time-zone database, not the generator's rule), ground-truth coverage, and how much legitimate work is
// undocumented by any care relation.

import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = false;
      } else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

async function readCsv(path: string): Promise<Record<string, string>[]> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = parseCsvLine(lines[0]!);
  return lines.slice(1).map((l) => {
    const f = parseCsvLine(l);
    if (f.length !== header.length) throw new Error(`${path}: wrong field count in ${l}`);
    const r: Record<string, string> = {};
    header.forEach((h, i) => (r[h] = f[i]!));
    return r;
  });
}

const osloFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  timeZoneName: 'longOffset',
  hour: '2-digit',
});
const offsetCache = new Map<number, string>();
function expectedOffset(utcMs: number): string {
  const hour = Math.floor(utcMs / 3_600_000);
  let o = offsetCache.get(hour);
  if (!o) {
    const part = osloFmt.formatToParts(new Date(hour * 3_600_000 + 1)).find((p) => p.type === 'timeZoneName');
    o = (part?.value ?? '').replace('GMT', '') || '+00:00';
    offsetCache.set(hour, o);
  }
  return o;
}

const TS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?([+-]\d{2}:\d{2}|Z)$/;

interface Ev {
  id: string;
  ts: string;
  user: string;
  patient: string;
  action: string;
  purpose: string;
  dept: string;
  ws: string;
}

async function* csvEvents(path: string): AsyncGenerator<Ev> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header: string[] | null = null;
  let ix: Record<string, number> = {};
  for await (const line of rl) {
    if (!line) continue;
    if (!header) {
      header = line.split(',');
      ix = Object.fromEntries(header.map((h, i) => [h, i]));
      continue;
    }
    const f = line.split(',');
    if (f.length !== header.length) throw new Error(`bad event line: ${line}`);
    yield {
      id: f[ix.event_id!]!,
      ts: f[ix.timestamp!]!,
      user: f[ix.user_id!]!,
      patient: f[ix.patient_id!]!,
      action: f[ix.action!]!,
      purpose: f[ix.purpose!] ?? '',
      dept: f[ix.department_id!] ?? '',
      ws: f[ix.workstation!] ?? '',
    };
  }
}

const FHIR_ACTIONS: Record<string, string> = { C: 'create', R: 'read', U: 'update', D: 'delete', E: 'export' };

async function* fhirEvents(
  path: string,
  stats: { lines: number; skipped: number; badJson: number },
): AsyncGenerator<Ev> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    stats.lines++;
    let r: any;
    try {
      r = JSON.parse(line);
    } catch {
      stats.badJson++;
      continue;
    }
    if (r.resourceType !== 'AuditEvent') throw new Error('not an AuditEvent');
    const agent = (r.agent ?? []).find((a: any) => a.requestor === true);
    const patientEntity = (r.entity ?? []).find((e: any) => /^Patient\//.test(e.what?.reference ?? ''));
    if (!agent || !patientEntity) {
      stats.skipped++;
      continue;
    }
    const isQuery = (r.entity ?? []).some((e: any) => e.role?.code === '24' || e.query);
    const purpose = r.purposeOfEvent?.[0]?.coding?.[0]?.code ?? agent.purposeOfUse?.[0]?.coding?.[0]?.code ?? '';
    yield {
      id: r.id,
      ts: r.recorded,
      user: agent.who?.identifier?.value,
      patient: patientEntity.what.reference.slice('Patient/'.length),
      action: r.action === 'E' && isQuery ? 'search' : (FHIR_ACTIONS[r.action] ?? '?'),
      purpose,
      dept: (agent.location?.reference ?? '').replace(/^Location\//, ''),
      ws: (r.agent ?? []).find((a: any) => a.network)?.network?.address ?? '',
    };
  }
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(2)}%`;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: verify.ts DIR');
  const problems: string[] = [];
  const problem = (m: string): void => {
    if (problems.length < 50) problems.push(m);
    else if (problems.length === 50) problems.push('…more');
  };

  const staff = await readCsv(join(dir, 'staff.csv'));
  const patients = await readCsv(join(dir, 'patients.csv'));
  const depts = await readCsv(join(dir, 'departments.csv'));
  const encs = await readCsv(join(dir, 'encounters.csv'));
  const rels = existsSync(join(dir, 'care_relations.csv')) ? await readCsv(join(dir, 'care_relations.csv')) : [];
  const truth = await readCsv(join(dir, 'ground_truth.csv'));

  const staffById = new Map(staff.map((s) => [s.user_id!, s]));
  const patientIds = new Set(patients.map((p) => p.patient_id!));
  const deptIds = new Set(depts.map((d) => d.department_id!));
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
  const kinds = new Set(['ward', 'outpatient', 'emergency', 'lab', 'radiology', 'pharmacy', 'administration', 'other']);
  const encKinds = new Set(['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other']);
  if (staffById.size !== staff.length) problem('duplicate user_id in staff.csv');
  if (patientIds.size !== patients.length) problem('duplicate patient_id in patients.csv');
  for (const s of staff) {
    if (!roles.has(s.role!)) problem(`staff role ${s.role}`);
    if (!deptIds.has(s.department_id!)) problem(`staff dept ${s.department_id}`);
  }
  for (const d of depts) {
    if (!kinds.has(d.kind!)) problem(`department kind ${d.kind}`);
    if (d.parent_id && !deptIds.has(d.parent_id)) problem(`department parent ${d.parent_id}`);
  }
  for (const p of patients)
    if (p.employee_user_id && !staffById.has(p.employee_user_id)) problem(`employee ${p.employee_user_id}`);
  let badTs = 0;
  let wrongOffset = 0;
  const checkTs = (ts: string, where: string): number => {
    const m = TS.exec(ts);
    if (!m) {
      badTs++;
      problem(`bad timestamp ${ts} in ${where}`);
      return NaN;
    }
    const ms = Date.parse(ts);
    if (m[8] !== expectedOffset(ms)) {
      wrongOffset++;
      if (wrongOffset < 5) problem(`offset ${ts} in ${where}, expected ${expectedOffset(ms)}`);
    }
    return ms;
  };
  const encIds = new Set<string>();
  for (const e of encs) {
    if (encIds.has(e.encounter_id!)) problem(`duplicate encounter ${e.encounter_id}`);
    encIds.add(e.encounter_id!);
    if (!patientIds.has(e.patient_id!)) problem(`encounter patient ${e.patient_id}`);
    if (!deptIds.has(e.department_id!)) problem(`encounter dept ${e.department_id}`);
    if (!encKinds.has(e.kind!)) problem(`encounter kind ${e.kind}`);
    const s = checkTs(e.start!, 'encounters');
    if (e.end) {
      const en = checkTs(e.end, 'encounters');
      if (en < s) problem(`encounter ends before start ${e.encounter_id}`);
    }
  }
  // Relations, by patient, for the documentation check.
  const relByPatient = new Map<string, { user: string; dept: string; from: number; to: number }[]>();
  for (const r of rels) {
    if (!patientIds.has(r.patient_id!)) problem(`relation patient ${r.patient_id}`);
    if (r.user_id && !staffById.has(r.user_id)) problem(`relation user ${r.user_id}`);
    if (r.department_id && !deptIds.has(r.department_id)) problem(`relation dept ${r.department_id}`);
    if (!r.user_id && !r.department_id) problem('relation without user or department');
    const from = checkTs(r.from!, 'care_relations');
    const to = r.to ? checkTs(r.to, 'care_relations') : Infinity;
    const l = relByPatient.get(r.patient_id!) ?? [];
    l.push({ user: r.user_id!, dept: r.department_id!, from, to });
    relByPatient.set(r.patient_id!, l);
  }
  const truthKey = new Map<string, string>();
  for (const t of truth) {
    if (!staffById.has(t.user_id!)) problem(`truth user ${t.user_id}`);
    if (!patientIds.has(t.patient_id!)) problem(`truth patient ${t.patient_id}`);
    truthKey.set(`${t.user_id}|${t.patient_id}`, t.scenario!);
  }

  // Events.
  const fhir = existsSync(join(dir, 'audit_events.ndjson'));
  const fstats = { lines: 0, skipped: 0, badJson: 0 };
  const source = fhir
    ? fhirEvents(join(dir, 'audit_events.ndjson'), fstats)
    : csvEvents(join(dir, 'access_events.csv'));
  const ids = new Set<number>();
  let n = 0;
  let outOfOrder = 0;
  let last = -Infinity;
  let minTs = Infinity;
  let maxTs = -Infinity;
  const offsets = new Map<string, number>();
  const actions = new Map<string, number>();
  const purposes = new Map<string, number>();
  const hours = new Array<number>(24).fill(0);
  let noWs = 0;
  let noDept = 0;
  let afterEnd = 0;
  let beforeStart = 0;
  const pairEvents = new Map<string, number>();
  let legit = 0;
  let undocumented = 0;
  let undocumentedTimed = 0;
  const undocByRole = new Map<string, [number, number]>();
  const misuseEvents = new Map<string, number>();
  const validActions = new Set(['read', 'search', 'print', 'export', 'update', 'create']);
  const validPurposes = new Set(['', 'TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT']);
  const staffEnd = new Map(
    staff.map((s) => [s.user_id!, s.employed_to ? Date.parse(`${s.employed_to}T23:59:59+02:00`) : Infinity]),
  );
  const staffStart = new Map(
    staff.map((s) => [s.user_id!, s.employed_from ? Date.parse(`${s.employed_from}T00:00:00+01:00`) : -Infinity]),
  );
  for await (const e of source) {
    n++;
    const idNum = Number.parseInt(e.id.slice(1), 16);
    if (ids.has(idNum)) problem(`duplicate event id ${e.id}`);
    ids.add(idNum);
    const t = checkTs(e.ts, 'events');
    if (t < last) outOfOrder++;
    last = t;
    minTs = Math.min(minTs, t);
    maxTs = Math.max(maxTs, t);
    const off = e.ts.slice(-6);
    offsets.set(off, (offsets.get(off) ?? 0) + 1);
    const hour = Number(e.ts.slice(11, 13));
    hours[hour]!++;
    actions.set(e.action, (actions.get(e.action) ?? 0) + 1);
    purposes.set(e.purpose, (purposes.get(e.purpose) ?? 0) + 1);
    if (!validActions.has(e.action)) problem(`action ${e.action}`);
    if (!validPurposes.has(e.purpose)) problem(`purpose ${e.purpose}`);
    const st = staffById.get(e.user);
    if (!st) problem(`event user ${e.user}`);
    if (!patientIds.has(e.patient)) problem(`event patient ${e.patient}`);
    if (e.dept && !deptIds.has(e.dept)) problem(`event dept ${e.dept}`);
    if (!e.ws) noWs++;
    if (!e.dept) noDept++;
    if (t > staffEnd.get(e.user)!) afterEnd++;
    if (t < staffStart.get(e.user)!) beforeStart++;
    const key = `${e.user}|${e.patient}`;
    const sc = truthKey.get(key);
    if (sc) {
      pairEvents.set(key, (pairEvents.get(key) ?? 0) + 1);
      misuseEvents.set(sc, (misuseEvents.get(sc) ?? 0) + 1);
      continue;
    }
    legit++;
    const rs = relByPatient.get(e.patient) ?? [];
    const home = st?.department_id ?? '';
    let any = false;
    let timed = false;
    for (const r of rs) {
      if ((r.user && r.user === e.user) || (r.dept && (r.dept === e.dept || r.dept === home))) {
        any = true;
        if (t >= r.from - 86_400_000 && t <= r.to + 86_400_000) {
          timed = true;
          break;
        }
      }
    }
    const role = `${st?.role ?? '?'}/${st?.title ?? '?'}`;
    const rr = undocByRole.get(role) ?? [0, 0];
    rr[1]++;
    if (!any) {
      undocumented++;
      rr[0]++;
    }
    if (!timed) undocumentedTimed++;
    undocByRole.set(role, rr);
  }
  for (const t of truth)
    if (!pairEvents.has(`${t.user_id}|${t.patient_id}`))
      problem(`truth pair without events ${t.user_id}|${t.patient_id}`);

  const sortMap = (m: Map<string, number>): string =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k || '(empty)'}=${v} (${pct(v, n)})`)
      .join(', ');
  const scen = new Map<string, number>();
  for (const t of truth) scen.set(t.scenario!, (scen.get(t.scenario!) ?? 0) + 1);
  const lines = [
    `dataset: ${dir} (${fhir ? 'FHIR NDJSON' : 'CSV'})`,
    fhir
      ? `ndjson lines: ${fstats.lines}, not about one patient (skipped): ${fstats.skipped}, bad JSON: ${fstats.badJson}`
      : '',
    `staff ${staff.length}, patients ${patients.length} (employees ${patients.filter((p) => p.employee_user_id).length}), departments ${depts.length}, encounters ${encs.length}, relations ${rels.length}`,
    `events ${n}, from ${new Date(minTs).toISOString()} to ${new Date(maxTs).toISOString()}, out of order ${outOfOrder}`,
    `offsets: ${sortMap(offsets)}; wrong offsets ${wrongOffset}; malformed timestamps ${badTs}`,
    `actions: ${sortMap(actions)}`,
    `purposes: ${sortMap(purposes)}`,
    `no workstation ${pct(noWs, n)}, no department ${pct(noDept, n)}`,
    `events after employment end ${afterEnd}, before employment start ${beforeStart}`,
    `hours: ${hours.map((h, i) => `${i}:${((100 * h) / n).toFixed(1)}`).join(' ')}`,
    `ground truth pairs ${truth.length} (1 per ${(n / Math.max(1, truth.length)).toFixed(0)} events), misuse events ${[...misuseEvents.values()].reduce((a, b) => a + b, 0)}`,
    ...[...scen.entries()].sort().map(([k, v]) => `  ${k}: ${v} pairs, ${misuseEvents.get(k) ?? 0} events`),
    `legitimate events with no relation to user, event unit or home unit: ${pct(undocumented, legit)}; none valid at the time (±1 day): ${pct(undocumentedTimed, legit)}`,
    ...[...undocByRole.entries()]
      .sort((a, b) => b[1][1] - a[1][1])
      .map(([k, [u, t]]) => `  ${k}: ${t} events, undocumented ${pct(u, t)}`),
    problems.length === 0 ? 'OK: no integrity problems' : `PROBLEMS:\n  ${problems.join('\n  ')}`,
  ].filter((l) => l !== '');
  process.stdout.write(lines.join('\n') + '\n');
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
