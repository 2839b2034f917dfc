/**
 * A synthetic but realistic health and care sector for the demo and the benchmark: enterprises of every kind with
 * sizes and regions, and their answers to the small-enterprise survey year by year. Patterns built in, so the
 * sector views show something real: larger enterprises are more mature, everyone improves a little each year,
 * regions differ somewhat, and small clinics are weakest on mapping, suppliers and incident preparedness.
 * Pure and deterministic: the same seed gives the same sector. All names and numbers are fictional.
 */
import type { Question, SurveyAnswers } from './survey-types.js';
import type { EnterpriseProfile } from './types.js';

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normally distributed number (Box–Muller). */
function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

interface TypeProfile {
  share: number;
  sizes: readonly (readonly [string, number])[];
  /** Baseline maturity (0–5) before size, region and year. */
  base: number;
  suffix: readonly string[];
  national?: number;
}

/** Roughly the make-up of the sector per 2,000 enterprises. */
const types: Readonly<Record<string, TypeProfile>> = {
  'gp-office': {
    share: 720,
    sizes: [
      ['micro', 80],
      ['small', 20],
    ],
    base: 1.5,
    suffix: ['legesenter', 'legekontor', 'fastlegepraksis'],
  },
  'dental-clinic': {
    share: 420,
    sizes: [
      ['micro', 85],
      ['small', 15],
    ],
    base: 1.4,
    suffix: ['tannklinikk', 'tannlegesenter', 'tannhelse'],
  },
  pharmacy: {
    share: 330,
    sizes: [
      ['micro', 70],
      ['small', 30],
    ],
    base: 2.3,
    suffix: ['apotek'],
  },
  municipality: {
    share: 356,
    sizes: [
      ['small', 35],
      ['medium', 40],
      ['large', 25],
    ],
    base: 2.0,
    suffix: ['kommune'],
  },
  'nursing-home': {
    share: 40,
    sizes: [
      ['small', 40],
      ['medium', 60],
    ],
    base: 1.8,
    suffix: ['sykehjem', 'omsorgssenter'],
  },
  'private-specialist': {
    share: 40,
    sizes: [
      ['micro', 90],
      ['small', 10],
    ],
    base: 1.7,
    suffix: ['spesialistpraksis', 'øyelegesenter', 'hudlegekontor'],
  },
  supplier: {
    share: 80,
    sizes: [
      ['micro', 20],
      ['small', 40],
      ['medium', 30],
      ['large', 10],
    ],
    base: 2.6,
    suffix: ['helse-IT AS', 'journal AS', 'data AS'],
    national: 0.5,
  },
  'hospital-trust': { share: 20, sizes: [['large', 100]], base: 3.0, suffix: ['sykehus HF'] },
  'regional-health-authority': { share: 4, sizes: [['large', 100]], base: 3.2, suffix: ['RHF'] },
};

const regionWeights: readonly (readonly [string, number])[] = [
  ['sor-ost', 56],
  ['vest', 20],
  ['midt', 14],
  ['nord', 10],
];
/** Regional variation in maturity. */
const regionEffect: Readonly<Record<string, number>> = {
  'sor-ost': 0.1,
  vest: 0.15,
  midt: 0,
  nord: -0.25,
  national: 0.2,
};
const sizeEffect: Readonly<Record<string, number>> = { micro: -0.4, small: 0, medium: 0.5, large: 1.0 };
/** Where small clinics are weaker or stronger than their overall level (G1 … G10). */
const measureEffect: Readonly<Record<string, number>> = {
  G1: 0.1,
  G2: -0.2,
  G3: -0.5,
  G4: 0,
  G5: -0.6,
  G6: 0.5,
  G7: 0.1,
  G8: 0.4,
  G9: 0.2,
  G10: -0.5,
};

const places = [
  'Fjordvik',
  'Solberg',
  'Nordhavn',
  'Åsen',
  'Lia',
  'Bakken',
  'Strand',
  'Haugen',
  'Elvebakken',
  'Furuly',
  'Sjøsiden',
  'Torvet',
  'Brattli',
  'Vika',
  'Dalen',
  'Moen',
  'Kirkebyen',
  'Sentrum',
  'Holmen',
  'Breidablikk',
  'Vestby',
  'Øvre By',
  'Skogly',
  'Granly',
  'Bryggen',
  'Nesset',
  'Heia',
  'Berg',
  'Fossum',
  'Lunde',
  'Tveit',
  'Myra',
  'Sandvika',
  'Stranda',
  'Øyrane',
  'Nygård',
  'Kvamme',
  'Lillevik',
  'Storøya',
  'Frøset',
];

export interface DemoEnterprise extends EnterpriseProfile {
  /** The enterprise's own tendency (standard normal), fixed across years. */
  trait: number;
}

/** `count` enterprises with types, sizes and regions; org numbers come from `orgNumber(n)`. */
export function generateEnterprises(
  seed: number,
  count: number,
  orgNumber: (n: number) => string,
  idPrefix = 'demo-ent',
): DemoEnterprise[] {
  const random = seededRandom(seed);
  const total = Object.values(types).reduce((s, t) => s + t.share, 0);
  const list: DemoEnterprise[] = [];
  const names = new Map<string, number>();
  let n = 0;
  for (const [type, profile] of Object.entries(types)) {
    const howMany = Math.max(1, Math.round((profile.share / total) * count));
    for (let i = 0; i < howMany && list.length < count; i++) {
      const region = profile.national && random() < profile.national ? 'national' : pick(random, regionWeights);
      const place = places[Math.floor(random() * places.length)]!;
      const suffix = profile.suffix[Math.floor(random() * profile.suffix.length)]!;
      const stem = type === 'municipality' ? `${place} ${suffix}` : `${place} ${suffix}`;
      const seen = (names.get(stem) ?? 0) + 1;
      names.set(stem, seen);
      n++;
      list.push({
        id: `${idPrefix}-${String(n).padStart(5, '0')}`,
        name: seen === 1 ? capitalise(stem) : `${capitalise(stem)} ${seen}`,
        orgNumber: orgNumber(n),
        organisationType: type,
        sizeClass: pick(random, profile.sizes),
        region,
        trait: gaussian(random),
      });
    }
  }
  return list;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('nb') + text.slice(1);

export function maturityOf(enterprise: DemoEnterprise, yearIndex: number): number {
  const profile = types[enterprise.organisationType];
  return (
    (profile?.base ?? 2) +
    (sizeEffect[enterprise.sizeClass] ?? 0) +
    (regionEffect[enterprise.region] ?? 0) +
    0.18 * yearIndex +
    0.6 * enterprise.trait
  );
}

const clampLevel = (x: number) => Math.max(0, Math.min(5, Math.round(x)));

/**
 * One enterprise's answers to a questionnaire in a year (yearIndex 0 = first survey), or null when it did not
 * answer. Larger enterprises answer more often.
 */
export function answerSurvey(
  enterprise: DemoEnterprise,
  questions: readonly Question[],
  yearIndex: number,
  random: () => number,
): SurveyAnswers | null {
  const responseRate = { micro: 0.58, small: 0.66, medium: 0.75, large: 0.85 }[enterprise.sizeClass as 'micro'] ?? 0.6;
  if (random() > responseRate) return null;
  const m = maturityOf(enterprise, yearIndex);
  const answers: SurveyAnswers = {};
  for (const q of questions) {
    switch (q.type) {
      case 'scale': {
        if (random() < 0.04) answers[q.id] = 'dont-know';
        else answers[q.id] = clampLevel(m + (measureEffect[q.requirementId ?? ''] ?? 0) + gaussian(random) * 0.7);
        break;
      }
      case 'yes-partly-no': {
        const p = (m + gaussian(random) * 0.8) / 5;
        answers[q.id] = random() < 0.05 ? 'dont-know' : p > 0.6 ? 'yes' : p > 0.35 ? 'partly' : 'no';
        break;
      }
      case 'single-choice': {
        const ids = q.options.map((o) => o.id);
        const nobody = ids.includes('nobody') && m + gaussian(random) < 1 ? 'nobody' : null;
        answers[q.id] = nobody ?? ids[Math.floor(random() * Math.max(1, ids.length - 1))]!;
        break;
      }
      case 'multiple-choice':
        answers[q.id] = q.options.filter(() => random() < Math.min(0.95, 0.15 + m / 5)).map((o) => o.id);
        break;
      case 'number': {
        const people = { micro: 5, small: 25, medium: 120, large: 900 }[enterprise.sizeClass as 'micro'] ?? 10;
        answers[q.id] = Math.max(1, Math.round(people * (0.6 + random())));
        break;
      }
      case 'text':
        break;
    }
  }
  return answers;
}
