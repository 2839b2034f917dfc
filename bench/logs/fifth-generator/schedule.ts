// Who is at work when: deterministic duty rosters (hash of seed, user, day), plus the compact event record.
import { hash01 } from './rng.js';
import type { Staff, World } from './world.js';

export interface Seg {
  a: number; // minute of local day, inclusive
  b: number; // exclusive
  dept: number;
}

/** A compact access event. k < 100: legitimate pattern id; k >= 100: misuse scenario id + 100. */
export interface Ev {
  t: number;
  u: number;
  p: number;
  a: number; // action index into ACTIONS
  pu: number; // purpose index into PURPOSES
  d: number; // department idx or -1
  w: number; // workstation idx or -1
  k: number;
}

export const ACTIONS = ['read', 'search', 'print', 'export', 'update', 'create'] as const;
export const PURPOSES = ['', 'TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT'] as const;
export const A = { read: 0, search: 1, print: 2, export: 3, update: 4, create: 5 } as const;
export const PU = { none: 0, TREAT: 1, ETREAT: 2, HOPERAT: 3, HPAYMT: 4, HRESCH: 5, PATRQT: 6 } as const;

const D = 420; // 07:00
const E = 900; // 15:00
const N = 1380; // 23:00

export function duty(w: World, s: Staff, d: number): Seg[] {
  if (s.svc) return [{ a: 0, b: 1440, dept: s.dept }];
  if (!w.onStaffDuty(s, d)) return [];
  const seed = w.seed;
  const h1 = hash01(seed, s.idx, d, 11);
  const h2 = hash01(seed, s.idx, d, 23);
  const work = w.cal.isWorkday(d);
  const jit = Math.floor(hash01(seed, s.idx, 5) * 5) * 15 - 30; // personal start time, -30..+30 min
  let segs: Seg[] = [];
  switch (s.shift) {
    case 'svc':
      return [{ a: 0, b: 1440, dept: s.dept }];
    case 'rot':
      if (h1 < (work ? 0.58 : 0.46)) {
        if (h2 < 0.5) segs = [{ a: D, b: E + 30, dept: s.dept }];
        else if (h2 < 0.8) segs = [{ a: E - 15, b: N + 30, dept: s.dept }];
        else
          segs = [
            { a: 0, b: D + 30, dept: s.dept },
            { a: N - 15, b: 1440, dept: s.dept },
          ];
      }
      break;
    case 'hc':
      if (h1 < 0.6) segs = h2 < 0.65 ? [{ a: D, b: E, dept: s.dept }] : [{ a: E, b: 1320, dept: s.dept }];
      break;
    case 'office':
      if (work ? h1 < 0.88 : h1 < 0.02) segs = [{ a: 480 + jit, b: 960 + jit, dept: s.dept }];
      break;
    case 'doc':
      if (work) {
        if (h1 < 0.88) segs = [{ a: 480 + jit, b: 960 + jit + 30, dept: s.dept }];
        if (h2 < 0.08) segs.push({ a: 1020, b: 1440, dept: s.dept });
      } else if (h1 < 0.22) segs = [{ a: 510, b: 1200, dept: s.dept }];
      break;
    case 'gp':
      if (work && h1 < 0.88) segs = [{ a: 480 + jit, b: 960 + jit, dept: s.dept }];
      if (s.dept2 >= 0 && h2 < (work ? 0.1 : 0.14)) {
        if (work) segs.push({ a: 1020, b: 1410, dept: s.dept2 });
        else segs.push({ a: 600, b: 1380, dept: s.dept2 });
      }
      return segs;
  }
  if (segs.length && s.dept2 >= 0 && hash01(seed, s.idx, d, 37) < 0.3)
    segs = segs.map((g) => ({ a: g.a, b: g.b, dept: s.dept2 }));
  return segs;
}

export function covers(segs: Seg[], minute: number): Seg | undefined {
  return segs.find((g) => minute >= g.a && minute < g.b);
}
