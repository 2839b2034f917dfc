/**
 * Fourth synthetic access-log generator for Varde (independent world, see README.md).
 *
 *   tsx bench/logs/fourth-generator/main.ts --out DIR --events N --seed S [--format csv|fhir] [--days D]
 *                                           [--start YYYY-MM-DD]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EncIndex } from './context.js';
import { Planner } from './encounters.js';
import type { ComplaintCase } from './legit.js';
import { LegitGenerator } from './legit.js';
import { MisusePlanner } from './misuse.js';
import { Rng, hash32 } from './rng.js';
import { Scheduler } from './schedule.js';
import { writeStatic } from './static-files.js';
import { planSideStories } from './side-stories.js';
import { collectGarbage, streamEvents } from './stream.js';
import { parseDate } from './time.js';
import { assignPatientIds, buildWorld } from './world.js';

export interface Options {
  out: string;
  events: number;
  seed: string;
  format: 'csv' | 'fhir';
  days: number;
  start: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      events: { type: 'string' },
      seed: { type: 'string', default: '1' },
      format: { type: 'string', default: 'csv' },
      days: { type: 'string', default: '90' },
      start: { type: 'string', default: '2025-09-08' },
    },
  });
  const events = Number(values.events);
  const days = Number(values.days);
  if (!values.out || !Number.isInteger(events) || events < 1000)
    throw new Error('usage: --out DIR --events N (>= 1000) --seed S [--format csv|fhir] [--days D]');
  if (!Number.isInteger(days) || days < 7) throw new Error('--days must be an integer >= 7');
  if (values.format !== 'csv' && values.format !== 'fhir') throw new Error('--format must be csv or fhir');
  return {
    out: values.out,
    events,
    seed: values.seed ?? '1',
    format: values.format,
    days,
    start: values.start ?? '2025-09-08',
  };
}

function main(): void {
  const t0 = Date.now();
  let peakRss = 0;
  const mem = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const o = options();
  mkdirSync(o.out, { recursive: true });
  const rng = new Rng(`varde-g4:${o.seed}`);
  const seedNum = hash32(...Array.from(o.seed, (c) => c.charCodeAt(0)), o.seed.length);
  const startWall = parseDate(o.start);
  const staffCount = Math.max(300, Math.round(o.events / o.days / 6));

  const world = buildWorld(rng.fork('world'), staffCount, 150, o.days, startWall);
  const sched = new Scheduler(seedNum, startWall, world.depts);
  const planner = new Planner(world, sched, rng.fork('encounters'));
  planner.planHistory();
  planner.planWindow();
  const side = planSideStories(world, sched, planner, rng.fork('side'));
  mem();

  const misuse = new MisusePlanner(world, sched, planner, rng.fork('misuse'));
  misuse.plan(Math.max(1, Math.round(o.events / 4000)));
  assignPatientIds(rng.fork('ids'), world);
  const staticCounts = writeStatic(o.out, world, planner, misuse, side.studyRelations, seedNum);
  mem();

  collectGarbage();
  const index = new EncIndex(world, planner.encs, sched);
  const complaints: ComplaintCase[] = side.complaints;
  const legit = new LegitGenerator(
    world,
    sched,
    planner,
    rng.fork('legit'),
    misuse.forbidden,
    complaints,
    side.studies,
  );
  const streamed = streamEvents(
    o,
    world,
    sched,
    index,
    legit,
    misuse,
    rng.fork('stream'),
    staticCounts.relationWriter,
    mem,
  );

  const scenarios: Record<string, { pairs: number; events: number; users: number }> = {};
  for (const [name, st] of misuse.stats) scenarios[name] = { pairs: st.pairs, events: st.events, users: st.users.size };
  const manifest = {
    generator: 'varde-fourth-generator',
    version: 1,
    arguments: { events: o.events, seed: o.seed, format: o.format, days: o.days, start: o.start },
    timezone: 'Europe/Oslo',
    trust: 'Helse Sørfjord HF (fictional)',
    files: {
      events: o.format === 'fhir' ? 'audit_events.ndjson' : 'access_events.csv',
      staff: 'staff.csv',
      patients: 'patients.csv',
      departments: 'departments.csv',
      encounters: 'encounters.csv',
      care_relations: 'care_relations.csv',
      ground_truth: 'ground_truth.csv',
    },
    counts: {
      events: streamed.events,
      legit_events: streamed.events - streamed.misuseEvents,
      misuse_events: streamed.misuseEvents,
      non_patient_events: streamed.loginEvents,
      staff: world.staff.length,
      patients: world.pop.patients.length,
      departments: world.depts.length,
      encounters: staticCounts.encounters,
      care_relations: staticCounts.relations + streamed.relations,
      ground_truth_pairs: misuse.pairs.length,
      legit_events_after_contract_end: streamed.afterContract,
    },
    scenarios,
    legit_patterns: Object.fromEntries([...streamed.patterns.entries()].sort((a, b) => b[1] - a[1])),
  };
  writeFileSync(join(o.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  mem();
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  process.stderr.write(
    `fourth-generator: ${streamed.events} events (${streamed.misuseEvents} misuse, ${misuse.pairs.length} pairs), ` +
      `${world.staff.length} staff, ${world.pop.patients.length} patients, ${staticCounts.encounters} encounters ` +
      `in ${secs} s, peak RSS ${(peakRss / 1048576).toFixed(0)} MB → ${o.out}\n`,
  );
}

main();
