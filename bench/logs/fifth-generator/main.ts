// Fifth synthetic access-log generator: a shared hospital + municipality record (Helseplattformen-like).
// Usage: tsx bench/logs/fifth-generator/main.ts --out DIR --events N --seed S [--format csv|fhir] [--days D] [--start YYYY-MM-DD]
import fs from 'node:fs';
import path from 'node:path';
import { Calendar, fmtDate, fmtTs, parseDate } from './time.js';
import { World } from './world.js';
import { Planter, SCENARIOS } from './misuse.js';
import { LEGIT_PATTERNS, LegitSim } from './legit.js';
import { BufWriter, CsvEvents, FhirEvents, csvRow } from './output.js';
import type { EventSink, Lookup } from './output.js';
import type { Ev } from './schedule.js';
import { hash01 } from './rng.js';

interface Args {
  out: string;
  events: number;
  seed: number;
  format: 'csv' | 'fhir';
  days: number;
  start: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { out: '', events: 0, seed: 1, format: 'csv', days: 60, start: '2026-03-02' };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = argv[i + 1];
    const need = () => {
      if (v === undefined) throw new Error(`missing value for ${k}`);
      i++;
      return v;
    };
    if (k === '--out') a.out = need();
    else if (k === '--events') a.events = Number(need());
    else if (k === '--seed') a.seed = Number(need());
    else if (k === '--format') {
      const f = need();
      if (f !== 'csv' && f !== 'fhir') throw new Error('--format must be csv or fhir');
      a.format = f;
    } else if (k === '--days') a.days = Number(need());
    else if (k === '--start') a.start = need();
    else if (k === '--help' || k === '-h') {
      console.log('tsx main.ts --out DIR --events N --seed S [--format csv|fhir] [--days D] [--start YYYY-MM-DD]');
      process.exit(0);
    } else throw new Error(`unknown argument ${k}`);
  }
  if (!a.out) throw new Error('--out is required');
  if (!Number.isInteger(a.events) || a.events < 2000) throw new Error('--events must be an integer >= 2000');
  if (!Number.isInteger(a.seed)) throw new Error('--seed must be an integer');
  if (!Number.isInteger(a.days) || a.days < 7 || a.days > 730) throw new Error('--days must be 7..730');
  parseDate(a.start);
  return a;
}

function main(): void {
  const t0 = Date.now();
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(args.out, { recursive: true });
  const cal = new Calendar(parseDate(args.start), args.days);
  const world = new World(cal, args.seed, args.events);
  world.build();

  // misuse first, so that legitimate activity can keep clear of the planted pairs
  const planter = new Planter(world, args.seed);
  const wantPairs = Math.max(SCENARIOS.length, Math.round(args.events / 4000));
  planter.plan(wantPairs);
  const sim = new LegitSim(world, cal, args.seed, planter.planted, planter.forced);
  sim.addForced(sim.birthStays());
  const misuseByDay: Ev[][] = Array.from({ length: cal.days }, () => []);
  for (const e of planter.events) {
    const d = cal.dayOf(e.t);
    if (d >= 0 && d < cal.days) misuseByDay[d]!.push(e);
  }
  const misuseTotal = planter.events.filter((e) => e.k >= 100).length;

  // daily volume: weekends and Norwegian public holidays are quieter
  const dayW = Array.from(
    { length: cal.days },
    (_, d) => (cal.isWorkday(d) ? 1 : cal.weekday(d) === 6 ? 0.6 : 0.55) * (0.95 + 0.1 * hash01(args.seed, d, 99)),
  );
  const totW = dayW.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of dayW) {
    acc += w;
    cum.push(Math.round((args.events * acc) / totW));
  }
  cum[cal.days - 1] = args.events;

  const L: Lookup = {
    user: world.staff.map((s) => s.id),
    patient: world.patients.map((p) => p.id),
    dept: world.depts.map((d) => d.id),
    deptName: world.depts.map((d) => d.name),
    ws: world.ws,
  };
  const eventsFile = args.format === 'csv' ? 'access_events.csv' : 'audit_events.ndjson';
  let fhir: FhirEvents | undefined;
  let sink: EventSink;
  if (args.format === 'csv') sink = new CsvEvents(path.join(args.out, eventsFile), L);
  else
    sink = fhir = new FhirEvents(
      path.join(args.out, eventsFile),
      L,
      (e) => hash01(args.seed, e.t / 1000, e.u, 7) < 0.004,
    );

  const legitCounts = new Array<number>(LEGIT_PATTERNS.length).fill(0);
  const scenEvents = new Array<number>(SCENARIOS.length).fill(0);
  let written = 0;
  let firstTs = '';
  let lastTs = '';
  for (let d = 0; d < cal.days; d++) {
    sim.beginDay(d, misuseByDay[d]!);
    const target = cum[d]! - written;
    sim.fill(target);
    let today = sim.today;
    if (d === cal.days - 1 && today.length > target) {
      // trim surplus legitimate events on the last day so the total is exact
      let extra = today.length - target;
      const keep: Ev[] = [];
      for (let i = today.length - 1; i >= 0; i--) {
        const e = today[i]!;
        if (extra > 0 && e.k < 100 && e.k !== LEGIT_PATTERNS.indexOf('planned_context')) extra--;
        else keep.push(e);
      }
      today = keep;
    }
    today.sort((a, b) => a.t - b.t);
    for (const e of today) {
      written++;
      sink.event(`AE${String(written).padStart(9, '0')}`, e);
      if (e.k >= 100) scenEvents[e.k - 100]!++;
      else {
        legitCounts[e.k]!++;
        if (planter.planted.has(e.u * world.patients.length + e.p))
          throw new Error('legitimate event on a planted pair');
      }
    }
    if (today.length) {
      if (!firstTs) firstTs = fmtTs(today[0]!.t);
      lastTs = fmtTs(today[today.length - 1]!.t);
    }
    sim.today = [];
  }
  sink.close();
  if (written !== args.events) throw new Error(`wrote ${written} events, expected ${args.events}`);

  // ---------- world files ----------
  const addrId = (a: number) => (a < 0 ? '' : `A${String((a * 48271 + 1009) % 10_000_000).padStart(7, '0')}`);
  let w = new BufWriter(path.join(args.out, 'departments.csv'));
  w.write(csvRow(['department_id', 'name', 'kind', 'parent_id', 'municipality']));
  for (const d of world.depts)
    w.write(
      csvRow([
        d.id,
        d.name,
        d.kind,
        d.parent >= 0 ? world.depts[d.parent]!.id : '',
        d.org === 0 ? '' : world.muniNames[d.muni],
      ]),
    );
  w.close();

  w = new BufWriter(path.join(args.out, 'staff.csv'));
  w.write(
    csvRow([
      'user_id',
      'family_name',
      'given_name',
      'role',
      'department_id',
      'secondary_department_id',
      'address_id',
      'employed_from',
      'employed_to',
    ]),
  );
  for (const s of world.staff) {
    w.write(
      csvRow([
        s.id,
        s.family,
        s.given,
        s.role,
        L.dept[s.dept],
        s.dept2 >= 0 ? L.dept[s.dept2] : '',
        addrId(s.addr),
        fmtDate(s.fromDay),
        Number.isFinite(s.toDay) ? fmtDate(s.toDay) : '',
      ]),
    );
  }
  w.close();

  w = new BufWriter(path.join(args.out, 'patients.csv'));
  w.write(
    csvRow([
      'patient_id',
      'family_name',
      'given_name',
      'birth_year',
      'sex',
      'address_id',
      'municipality',
      'employee_user_id',
      'deceased_date',
    ]),
  );
  for (const p of world.patients) {
    w.write(
      csvRow([
        p.id,
        p.family,
        p.given,
        p.birthYear,
        p.female ? 'F' : 'M',
        addrId(p.addr),
        world.muniNames[p.muni],
        p.employee >= 0 ? L.user[p.employee] : '',
        p.deathDay < 1e8 ? cal.date(p.deathDay) : '',
      ]),
    );
  }
  w.close();

  const encs = world.encounters.slice().sort((a, b) => a.start - b.start || a.p - b.p);
  w = new BufWriter(path.join(args.out, 'encounters.csv'));
  w.write(csvRow(['encounter_id', 'patient_id', 'department_id', 'start', 'end', 'kind']));
  encs.forEach((e, i) =>
    w.write(
      csvRow([
        `E${String(i + 1).padStart(8, '0')}`,
        L.patient[e.p],
        L.dept[e.dept],
        fmtTs(e.start),
        e.end === null ? '' : fmtTs(e.end),
        e.kind,
      ]),
    ),
  );
  w.close();

  const rels = world.relations.slice().sort((a, b) => a.from - b.from || a.p - b.p);
  w = new BufWriter(path.join(args.out, 'care_relations.csv'));
  w.write(csvRow(['patient_id', 'user_id', 'department_id', 'from', 'to', 'kind']));
  for (const r of rels)
    w.write(
      csvRow([
        L.patient[r.p],
        r.user >= 0 ? L.user[r.user] : '',
        r.dept >= 0 ? L.dept[r.dept] : '',
        fmtDate(r.from),
        r.to === null ? '' : fmtDate(r.to),
        r.kind,
      ]),
    );
  w.close();

  const pairs = planter.pairs.filter((p) => p.events > 0).sort((a, b) => a.sc - b.sc || a.u - b.u || a.p - b.p);
  w = new BufWriter(path.join(args.out, 'ground_truth.csv'));
  w.write(csvRow(['user_id', 'patient_id', 'scenario']));
  for (const p of pairs) w.write(csvRow([L.user[p.u], L.patient[p.p], SCENARIOS[p.sc]![0]]));
  w.close();

  const scen: Record<
    string,
    { weight: number; pairs: number; events: number; pairs_with_decoy_documentation: number }
  > = {};
  SCENARIOS.forEach(([name, wt], i) => {
    const ps = pairs.filter((p) => p.sc === i);
    scen[name] = {
      weight: wt,
      pairs: ps.length,
      events: scenEvents[i]!,
      pairs_with_decoy_documentation: ps.filter((p) => p.decoy).length,
    };
  });
  const legit: Record<string, number> = {};
  LEGIT_PATTERNS.forEach((n, i) => (legit[n] = legitCounts[i]!));
  const manifest = {
    generator: 'varde bench/logs/fifth-generator',
    world: 'shared record: Helse Fjordmidt HF (Fjordby sykehus, Dalen sjukehus) + Fjordby, Dalen, Øyan, Skogli kommune',
    arguments: {
      out: args.out,
      events: args.events,
      seed: args.seed,
      format: args.format,
      days: args.days,
      start: args.start,
    },
    window: { first_event: firstTs, last_event: lastTs, timezone: 'Europe/Oslo' },
    files: {
      events: eventsFile,
      staff: 'staff.csv',
      patients: 'patients.csv',
      departments: 'departments.csv',
      encounters: 'encounters.csv',
      care_relations: 'care_relations.csv',
      ground_truth: 'ground_truth.csv',
    },
    counts: {
      events: written,
      legit_events: written - misuseTotal,
      misuse_events: misuseTotal,
      misuse_pairs: pairs.length,
      staff: world.staff.length,
      patients: world.patients.length,
      departments: world.depts.length,
      encounters: encs.length,
      care_relations: rels.length,
      workstations: world.ws.length,
      fhir_non_patient_events: fhir?.nonPatient ?? 0,
    },
    scenarios: scen,
    legit_patterns: legit,
  };
  fs.writeFileSync(path.join(args.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `wrote ${written} events (${misuseTotal} misuse, ${pairs.length} pairs) to ${args.out} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
}

main();
