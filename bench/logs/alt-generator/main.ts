// Alternative synthetic hospital access-log generator (independent of the first one; see README.md).
//   npx tsx bench/logs/alt-generator/main.ts --out DIR --events N --seed S [--format csv|fhir] [--days D] [--start YYYY-MM-DD]

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Activity } from './activity.js';
import { EventBuffer } from './buffer.js';
import { SCENARIOS, planMisuse } from './misuse.js';
import { DAY } from './oslo-time.js';
import { EventWriter, writeRegisters } from './output.js';
import { buildWorld, finalise, isWeekend, utcAt } from './world.js';
import type { Config } from './world.js';

function usage(msg?: string): never {
  if (msg) process.stderr.write(`error: ${msg}\n`);
  process.stderr.write(
    'usage: main.ts --out DIR --events N --seed S [--format csv|fhir] [--days D] [--start YYYY-MM-DD]\n',
  );
  process.exit(2);
}

export function parseArgs(argv: string[]): Config {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) usage(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) opts.set(a.slice(2, eq), a.slice(eq + 1));
    else {
      const v = argv[i + 1];
      if (v === undefined) usage(`${a} needs a value`);
      opts.set(a.slice(2), v);
      i++;
    }
  }
  for (const k of opts.keys())
    if (!['out', 'events', 'seed', 'format', 'days', 'start'].includes(k)) usage(`unknown option --${k}`);
  const out = opts.get('out') ?? usage('--out is required');
  const events = Number(opts.get('events') ?? usage('--events is required'));
  if (!Number.isInteger(events) || events < 1000) usage('--events must be an integer >= 1000');
  const seed = opts.get('seed') ?? usage('--seed is required');
  const format = opts.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'fhir') usage('--format must be csv or fhir');
  const days = Number(opts.get('days') ?? 90);
  if (!Number.isInteger(days) || days < 14 || days > 730) usage('--days must be an integer between 14 and 730');
  const start = opts.get('start') ?? '2026-02-02';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) usage('--start must be YYYY-MM-DD');
  const startDay = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
  return { out, events, seed, format, days, startDay };
}

/** Events per day: weekends are quieter. Sums to exactly `total`. */
function dayTargets(total: number, days: number, weekend: (d: number) => boolean): number[] {
  const weights = Array.from({ length: days }, (_, d) => (weekend(d) ? 0.52 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((x) => (x * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ r: x - Math.floor(x), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]!.i]!++;
  return out;
}

async function main(): Promise<void> {
  const cfg = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const log = (msg: string): void => {
    process.stderr.write(`[alt-generator ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
  };
  await mkdir(cfg.out, { recursive: true });

  const w = buildWorld(cfg);
  log('world built');
  const plan = planMisuse(w, cfg.seed);
  log('misuse planned');
  finalise(w);
  log(
    `world: ${w.persons.length} people, ${w.staff.length} staff, ${w.depts.length} units, ${w.encs.length} encounters`,
  );
  const registers = await writeRegisters(w, plan, cfg.out);
  log(`registers written: ${JSON.stringify(registers)}`);

  const activity = new Activity(w, plan.skip, cfg.seed);
  const targets = dayTargets(cfg.events, cfg.days, (d) => isWeekend(w, d));
  const writer = new EventWriter(w, cfg.out, cfg.format);
  const buf = new EventBuffer();
  let carry = 0;
  let legit = 0;
  let misuse = 0;
  for (let d = 0; d < cfg.days; d++) {
    const mis = plan.byDay.get(d) ?? [];
    for (const e of mis) buf.add(e.t, e.staff, e.person, e.action, e.purpose, e.dept, e.ws, e.app, e.session);
    misuse += mis.length;
    const want = Math.max(0, targets[d]! + carry - mis.length);
    const got = activity.day(d, want, buf);
    legit += got;
    carry = want - got;
    await writer.write(buf.takeBefore(utcAt(w, d + 1, 0)));
    if ((d + 1) % 10 === 0) log(`day ${d + 1}/${cfg.days}: ${writer.events} events written`);
  }
  await writer.write(buf.takeBefore(Infinity));
  await writer.close();
  if (carry > 0) log(`warning: ${carry} events short of the target`);

  const byScenario: Record<string, { incidents: number; pairs: number }> = {};
  for (const s of SCENARIOS) byScenario[s] = { incidents: plan.incidents.get(s) ?? 0, pairs: 0 };
  for (const t of plan.truth) byScenario[t.scenario]!.pairs++;
  const info = {
    generator: 'varde alt-generator',
    seed: cfg.seed,
    format: cfg.format,
    days: cfg.days,
    start: new Date(cfg.startDay * DAY).toISOString().slice(0, 10),
    events: writer.events,
    legitimate_events: legit,
    misuse_events: misuse,
    non_patient_audit_events: writer.nonPatient,
    registers,
    misuse_pairs: plan.truth.length,
    scenarios: byScenario,
    seconds: (Date.now() - t0) / 1000,
  };
  await writeFile(join(cfg.out, 'generator_info.json'), JSON.stringify(info, null, 2) + '\n');
  log(`done: ${writer.events} events (${misuse} misuse), ${plan.truth.length} misuse pairs -> ${cfg.out}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
