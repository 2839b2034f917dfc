/**
 * Day-by-day streaming of the lookups: the day's budget follows how many people are at work; legitimate and planted
 * events are merged, sorted, and written once they are earlier than the next midnight (night shifts spill over).
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { EncIndex } from './context.js';
import type { LegitGenerator } from './legit.js';
import type { Options } from './main.js';
import type { MisusePlanner } from './misuse.js';
import type { CsvWriter, OutEvent } from './output.js';
import { CsvWriter as Csv, EVENT_HEADER, FileWriter, auditEvent, eventRow, loginEvent } from './output.js';
import type { Rng } from './rng.js';
import { Scheduler } from './schedule.js';
import { relationRow } from './static-files.js';
import { DAY, utcToWall } from './time.js';
import type { Ev, Relation } from './types.js';
import type { World } from './world.js';

export interface StreamResult {
  events: number;
  misuseEvents: number;
  loginEvents: number;
  relations: number;
  afterContract: number;
  patterns: Map<string, number>;
}

const TRUST = 'Helse Sørfjord HF';

/**
 * A full garbage collection now and then keeps the resident size near what is really alive (V8 otherwise lets
 * day-old context lists pile up for a long time). Uses the standard expose-gc flag; without it, nothing happens.
 */
export const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch {
    // Not available: rely on V8's own schedule.
  }
  return () => undefined;
})();

export function streamEvents(
  o: Options,
  world: World,
  sched: Scheduler,
  index: EncIndex,
  legit: LegitGenerator,
  misuse: MisusePlanner,
  rng: Rng,
  relationWriter: CsvWriter,
  mem: () => void,
): StreamResult {
  const days = world.days;
  // Budget per day in proportion to the activity of the shifts that day.
  const weights = new Float64Array(days);
  for (let d = 0; d < days; d++)
    for (const s of world.staff)
      for (const sh of sched.shiftsOn(s, d)) weights[d] = weights[d]! + Scheduler.weight(s, sh);
  const total = weights.reduce((a, b) => a + b, 0);
  const legitTotal = Math.max(0, o.events - misuse.totalEvents());
  const budgets = Array.from(weights, (w) => Math.floor((legitTotal * w) / total));
  let left = legitTotal - budgets.reduce((a, b) => a + b, 0);
  for (let d = 0; left > 0; d = (d + 1) % days, left--) budgets[d]!++;

  const csv = o.format === 'csv' ? new Csv(join(o.out, 'access_events.csv'), EVENT_HEADER) : null;
  const ndjson = o.format === 'fhir' ? new FileWriter(join(o.out, 'audit_events.ndjson')) : null;
  // Debugging aid: G4_DEBUG_TAGS=1 also writes event_tags.csv (event id → legit pattern or scenario).
  const tags = process.env.G4_DEBUG_TAGS ? new Csv(join(o.out, 'event_tags.csv'), ['event_id', 'tag']) : null;
  const res: StreamResult = {
    events: 0,
    misuseEvents: 0,
    loginEvents: 0,
    relations: 0,
    afterContract: 0,
    patterns: new Map(),
  };
  let seenToday = new Set<number>();

  const writeEvent = (e: Ev): void => {
    const s = world.staff[e.u]!;
    const out: OutEvent = {
      id: `E${String(res.events + 1).padStart(9, '0')}`,
      t: e.t,
      user: s.id,
      patient: world.pop.patients[e.p]!.id,
      action: e.a,
      purpose: e.pur,
      dept: e.dep >= 0 ? world.depts[e.dep]!.id : '',
      ws: e.ws,
    };
    tags?.row([out.id, e.tag]);
    if (csv) csv.row(eventRow(out));
    else {
      if (!seenToday.has(e.u) && !s.service && rng.chance(0.3)) {
        res.loginEvents++;
        ndjson!.write(
          JSON.stringify(
            loginEvent(
              `L${String(res.loginEvents).padStart(8, '0')}`,
              e.t - rng.int(20, 400) * 1000,
              s.id,
              e.ws,
              TRUST,
            ),
          ) + '\n',
        );
      }
      ndjson!.write(JSON.stringify(auditEvent(out, TRUST)) + '\n');
    }
    seenToday.add(e.u);
    res.events++;
    if (e.misuse) res.misuseEvents++;
    else {
      res.patterns.set(e.tag, (res.patterns.get(e.tag) ?? 0) + 1);
      const day = Math.floor((utcToWall(e.t) - world.startWall) / DAY);
      if (s.to !== null && day > s.to) res.afterContract++;
    }
  };
  const writeRelations = (list: readonly Relation[]): void => {
    for (const r of [...list].sort((a, b) => a.from - b.from)) {
      relationWriter.row(relationRow(world, r));
      res.relations++;
    }
  };

  let pending: Ev[] = [];
  for (let d = 0; d < days; d++) {
    const ctx = index.context(d);
    const evs = legit.generateDay(d, budgets[d]!, ctx);
    for (const e of evs) pending.push(e);
    for (const e of misuse.eventsByDay.get(d) ?? []) pending.push(e);
    misuse.eventsByDay.delete(d);
    writeRelations([...legit.relationsToday, ...(misuse.relationsByDay.get(d) ?? [])]);
    misuse.relationsByDay.delete(d);
    pending.sort((a, b) => a.t - b.t);
    const cutoff = sched.day(d + 1).start;
    let k = 0;
    seenToday = new Set();
    while (k < pending.length && pending[k]!.t < cutoff) writeEvent(pending[k++]!);
    pending = pending.slice(k);
    if (d % 8 === 7) {
      mem();
      collectGarbage();
    }
  }
  // Whatever spilled past the last midnight, and planted events outside the loop's days.
  for (const [, list] of misuse.eventsByDay) for (const e of list) pending.push(e);
  for (const [, list] of misuse.relationsByDay) writeRelations(list);
  pending.sort((a, b) => a.t - b.t);
  for (const e of pending) writeEvent(e);
  csv?.close();
  tags?.close();
  ndjson?.close();
  relationWriter.close();
  return res;
}
