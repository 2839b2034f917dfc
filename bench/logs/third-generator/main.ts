// Third synthetic access-log generator: a Norwegian health trust (helseforetak) with three hospitals.
// npx tsx bench/logs/third-generator/main.ts --out DIR --events N --seed S [--format csv|fhir] [--days D] [--start YYYY-MM-DD]

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { MUNICIPALITIES, OUTSIDE_MUNICIPALITIES } from './catalog.js';
import { formatOslo } from './clock.js';
import { DayGen, type Ev } from './legit.js';
import { planMisuse, SCENARIOS } from './misuse.js';
import { auditEvent, csvRow, EVENT_HEADER, eventCsv, loginEvent, Out } from './output.js';
import { Rng } from './rng.js';
import { Roster } from './roster.js';
import { buildWorld, EF_HIDDEN, EF_NOEND, ENC_KINDS, REL_KINDS, type World } from './world.js';

interface Args {
  out: string;
  events: number;
  seed: number;
  format: 'csv' | 'fhir';
  days: number;
  start: [number, number, number];
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = get('out');
  const events = Number(get('events') ?? '400000');
  const seed = Number(get('seed') ?? '1');
  const format = (get('format') ?? 'csv') as 'csv' | 'fhir';
  if (!out)
    throw new Error('usage: main.ts --out DIR --events N --seed S [--format csv|fhir] [--days D] [--start YYYY-MM-DD]');
  if (!Number.isInteger(events) || events < 20_000) throw new Error('--events must be an integer >= 20000');
  if (!Number.isFinite(seed)) throw new Error('--seed must be a number');
  if (format !== 'csv' && format !== 'fhir') throw new Error('--format is csv or fhir');
  const days = Number(get('days') ?? Math.min(366, Math.max(90, Math.round(events / 11_000))));
  const st = (get('start') ?? '2025-09-01').split('-').map(Number) as [number, number, number];
  return { out, events, seed, format, days, start: st };
}

function log(msg: string): void {
  process.stderr.write(`[gen3 ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

async function writeStatic(w: World, dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const periodEndMin = w.p1 * 1440;
  const periodEndMs = w.cal.midnightOf(w.p1);

  const dep = new Out(join(dir, 'departments.csv'));
  await dep.write(csvRow(['department_id', 'name', 'kind', 'parent_id', 'site']));
  for (const d of w.depts)
    await dep.write(csvRow([d.id, d.name, d.kind, d.parent >= 0 ? w.depts[d.parent]!.id : '', d.site]));
  await dep.close();
  counts['departments'] = w.depts.length;

  const st = new Out(join(dir, 'staff.csv'));
  await st.write(
    csvRow([
      'user_id',
      'family_name',
      'given_name',
      'role',
      'title',
      'department_id',
      'address_id',
      'employed_from',
      'employed_to',
      'fte',
    ]),
  );
  for (const s of w.staff) {
    const to = s.to >= 1e8 ? '' : w.cal.dateAny(s.to);
    await st.write(
      csvRow([s.id, s.fam, s.given, s.role, s.title, w.depts[s.unit]!.id, s.addrId, w.cal.dateAny(s.from), to, s.fte]),
    );
  }
  await st.close();
  counts['staff'] = w.staff.length;

  const pa = new Out(join(dir, 'patients.csv'));
  await pa.write(
    csvRow([
      'patient_id',
      'family_name',
      'given_name',
      'birth_year',
      'sex',
      'address_id',
      'street_address',
      'postcode',
      'municipality',
      'employee_user_id',
    ]),
  );
  for (const p of w.persons) {
    const a = w.addresses[p.addr]!;
    const muni =
      p.muni < MUNICIPALITIES.length
        ? MUNICIPALITIES[p.muni]!.name
        : OUTSIDE_MUNICIPALITIES[p.muni - MUNICIPALITIES.length]!.name;
    await pa.write(
      csvRow([
        p.id,
        p.fam,
        p.given,
        p.birthYear,
        p.sex === 0 ? 'female' : 'male',
        a.id,
        a.street,
        a.postcode,
        muni,
        p.staff >= 0 ? w.staff[p.staff]!.id : '',
      ]),
    );
  }
  await pa.close();
  counts['patients'] = w.persons.length;

  const en = new Out(join(dir, 'encounters.csv'));
  await en.write(csvRow(['encounter_id', 'patient_id', 'department_id', 'start', 'end', 'kind']));
  const enc = w.enc;
  let nEnc = 0;
  for (let i = 0; i < enc.n; i++) {
    if (enc.flags[i]! & EF_HIDDEN || enc.start[i]! >= periodEndMin) continue;
    const end = enc.end[i]!;
    const endText = end < 0 || end >= periodEndMin || enc.flags[i]! & EF_NOEND ? '' : formatOslo(w.cal.wall(end));
    const id = 'K' + String(((i % 1_000_000_000) * 654_435_761 + 12_345) % 1_000_000_000).padStart(9, '0');
    await en.write(
      csvRow([
        id,
        w.persons[enc.patient[i]!]!.id,
        w.depts[enc.unit[i]!]!.id,
        formatOslo(w.cal.wall(enc.start[i]!)),
        endText,
        ENC_KINDS[enc.kind[i]!]!,
      ]),
    );
    nEnc++;
  }
  await en.close();
  counts['encounters'] = nEnc;

  const cr = new Out(join(dir, 'care_relations.csv'));
  await cr.write(csvRow(['patient_id', 'user_id', 'department_id', 'from', 'to', 'kind']));
  const rel = w.rel;
  let nRel = 0;
  for (let i = 0; i < rel.n; i++) {
    const from = rel.from[i]!;
    if (from >= periodEndMin) continue;
    const to = rel.to[i]!;
    const u = rel.user[i]!;
    const d = rel.dept[i]!;
    await cr.write(
      csvRow([
        w.persons[rel.patient[i]!]!.id,
        u >= 0 ? w.staff[u]!.id : '',
        d >= 0 ? w.depts[d]!.id : '',
        formatOslo(w.cal.wall(from)),
        to < 0 || w.cal.wall(to) >= periodEndMs ? '' : formatOslo(w.cal.wall(to)),
        REL_KINDS[rel.kind[i]!]!,
      ]),
    );
    nRel++;
  }
  await cr.close();
  counts['care_relations'] = nRel;
  return counts;
}

/** Split `total` over days in proportion to `weights` (largest remainder). */
function distribute(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, x) => s + x, 0) || 1;
  const raw = weights.map((x) => (total * x) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((s, x) => s + x, 0);
  const order = raw
    .map((x, i) => [x - Math.floor(x), i] as [number, number])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]![1]]!++;
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  mkdirSync(args.out, { recursive: true });
  const staffCount = Math.min(12_000, Math.max(250, Math.round(args.events / args.days / 5)));
  const world = buildWorld({
    seed: args.seed,
    start: args.start,
    days: args.days,
    historyDays: 730,
    staffCount,
    population: staffCount * 55,
  });
  log(
    `world: ${world.staff.length} staff, ${world.persons.length} patients, ${world.enc.n} encounters, ${world.rel.n} relations, ${args.days} days`,
  );
  const roster = new Roster(world);
  const plan = planMisuse(world, roster, Math.max(19, Math.round(args.events / 4000)));
  roster.reset();
  log(`misuse: ${plan.pairs.length} pairs, ${plan.events.length} events`);
  const legitTarget = args.events - plan.events.length;
  const gen = new DayGen(world, roster, plan.guard);
  const P = args.days;

  // calibrate the session intensity so that the natural volume lands near the requested number of events
  const sample: number[] = [];
  for (let d = 0; d < P; d += P > 120 ? 4 : 2) sample.push(d);
  const c1 = sample.reduce((s, d) => s + gen.run(d, 1).length, 0);
  const c2 = sample.reduce((s, d) => s + gen.run(d, 2).length, 0);
  const want = (legitTarget * sample.length) / P;
  const slope = Math.max(1, c2 - c1);
  const scale = Math.max(0.05, (want - (c1 - slope)) / slope);
  log(
    `calibration: ${c1} events at scale 1 on ${sample.length} sample days, wanted ${Math.round(want)}, scale ${scale.toFixed(3)}`,
  );
  const natural: number[] = [];
  for (let d = 0; d < P; d++) natural.push(gen.run(d, scale).length);
  const naturalTotal = natural.reduce((s, x) => s + x, 0);
  const target = distribute(legitTarget, natural);
  log(
    `natural volume ${naturalTotal}, adjusting by ${(((legitTarget - naturalTotal) / naturalTotal) * 100).toFixed(2)}%`,
  );

  // misuse events by logged day
  const misuseByDay: Ev[][] = Array.from({ length: P + 2 }, () => []);
  for (const e of plan.events) {
    let d = 0;
    while (d + 1 <= P && world.cal.midnightOf(world.p0 + d + 1) <= e.ms) d++;
    misuseByDay[Math.min(d, P - 1)]!.push(e);
  }

  const fhir = args.format === 'fhir';
  const evOut = new Out(join(args.out, fhir ? 'audit_events.ndjson' : 'access_events.csv'));
  if (!fhir) await evOut.write(csvRow(EVENT_HEADER));
  const gtEvents = new Out(join(args.out, 'ground_truth_events.csv'));
  await gtEvents.write(csvRow(['event_id', 'user_id', 'patient_id', 'scenario']));
  let seq = 0;
  let logins = 0;
  const loginRng = new Rng(args.seed, 1717);
  const scEvents = SCENARIOS.map(() => 0);
  let pending: Ev[] = [];
  const flush = async (batch: Ev[]): Promise<void> => {
    for (const e of batch) {
      seq++;
      const id = 'ev' + String(seq).padStart(9, '0');
      if (fhir) {
        if (loginRng.next() < 0.004) {
          logins++;
          await evOut.write(JSON.stringify(loginEvent(world, 'au' + String(logins).padStart(7, '0'), e)) + '\n');
        }
        await evOut.write(JSON.stringify(auditEvent(world, id, e)) + '\n');
      } else {
        await evOut.write(eventCsv(world, id, e));
      }
      if (e.sc >= 0) {
        scEvents[e.sc]!++;
        await gtEvents.write(csvRow([id, world.staff[e.u]!.id, world.persons[e.p]!.id, SCENARIOS[e.sc]!]));
      }
    }
  };
  const byTime = (a: Ev, b: Ev): number => a.ms - b.ms || a.u - b.u || a.p - b.p || a.a - b.a;
  for (let d = 0; d < P; d++) {
    const rng = new Rng(args.seed, 8080, d);
    let legit = gen.run(d, scale);
    const want2 = target[d]!;
    if (legit.length > want2) {
      // thin out evenly at random
      const drop = new Uint8Array(legit.length);
      let k = legit.length - want2;
      while (k > 0) {
        const i = rng.int(legit.length);
        if (!drop[i]) {
          drop[i] = 1;
          k--;
        }
      }
      legit = legit.filter((_, i) => !drop[i]);
    } else if (legit.length < want2 && legit.length > 0) {
      // re-open some records a little later (a second look at the same patient by the same user)
      const extra: Ev[] = [];
      for (let guard = 0; extra.length < want2 - legit.length && guard < 100 * want2; guard++) {
        const src = legit[rng.int(legit.length)]!;
        const ms = src.ms + (60 + rng.int(1200)) * 1000;
        if (plan.guard.blocks(src.u, src.p, ms)) continue;
        extra.push({ ...src, ms, a: 0 });
      }
      legit = legit.concat(extra);
    }
    const batch = pending.concat(legit, misuseByDay[d]!);
    batch.sort(byTime);
    const cut = world.cal.midnightOf(world.p0 + d + 1);
    let i = 0;
    while (i < batch.length && batch[i]!.ms < cut) i++;
    await flush(batch.slice(0, i));
    pending = batch.slice(i);
    if (d % 30 === 29) log(`day ${d + 1}/${P}: ${seq} events written`);
  }
  await flush(pending);
  await evOut.close();
  await gtEvents.close();

  const gt = new Out(join(args.out, 'ground_truth.csv'));
  await gt.write(csvRow(['user_id', 'patient_id', 'scenario']));
  const pairs = plan.pairs
    .map((x) => [world.staff[x.u]!.id, world.persons[x.p]!.id, SCENARIOS[x.sc]!] as const)
    .sort((a, b) =>
      a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
    );
  for (const p of pairs) await gt.write(csvRow(p));
  await gt.close();

  // the static files are written last: misuse planning changes some of them (names, employment end, leave)
  const counts = await writeStatic(world, args.out);
  const perScenario: Record<string, { pairs: number; events: number; incidents: number }> = {};
  SCENARIOS.forEach((s, i) => {
    perScenario[s] = {
      pairs: plan.pairs.filter((x) => x.sc === i).length,
      events: scEvents[i]!,
      incidents: plan.incidents[i]!,
    };
  });
  const manifest = {
    generator: 'bench/logs/third-generator',
    args: {
      events: args.events,
      seed: args.seed,
      format: args.format,
      days: args.days,
      start: args.start.map((x, i) => (i === 0 ? String(x) : String(x).padStart(2, '0'))).join('-'),
    },
    period: { first: formatOslo(world.cal.midnightOf(world.p0)), end: formatOslo(world.cal.midnightOf(world.p1)) },
    events: seq,
    nonPatientAuditEvents: logins,
    misuseEvents: plan.events.length,
    misusePairs: plan.pairs.length,
    scale,
    files: { ...counts, events: fhir ? 'audit_events.ndjson' : 'access_events.csv' },
    scenarios: perScenario,
    seconds: Math.round((Date.now() - t0) / 1000),
  };
  await writeFile(join(args.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`done: ${seq} events, ${plan.pairs.length} misuse pairs in ${manifest.seconds}s -> ${args.out}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
