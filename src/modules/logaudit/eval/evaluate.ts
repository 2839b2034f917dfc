/**
 * Judge a run against ground_truth.csv (user_id,patient_id,scenario): AUC over scores.csv (every pair), recall and
 * precision over findings.ndjson (what the reviewers actually get), recall per scenario.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseCsvRecord } from '../dataset/text-file.js';
import { atBudget, aucPr, aucRoc, recallPerScenario, type BudgetResult, type Scored } from './metrics.js';

export const pairKey = (userId: string, patientId: string): string => `${userId}\u0000${patientId}`;

async function* csvRecords(file: string): AsyncGenerator<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let header = true;
  for await (const raw of lines) {
    const line = header ? raw.replace(/^\uFEFF/, '') : raw;
    if (line === '') continue;
    const fields = line.includes('"') ? parseCsvRecord(line) : line.split(',');
    if (header) {
      header = false;
      yield fields.map((f) => f.trim());
      continue;
    }
    yield fields;
  }
}

/** Positive pairs and their scenarios (a pair may be planted by more than one scenario). */
export async function readGroundTruth(file: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  let cols: string[] | null = null;
  for await (const r of csvRecords(file)) {
    if (!cols) {
      cols = r;
      continue;
    }
    const get = (name: string): string => r[(cols as string[]).indexOf(name)] ?? '';
    const key = pairKey(get('user_id'), get('patient_id'));
    const list = out.get(key) ?? [];
    const scenario = get('scenario') || 'unspecified';
    if (!list.includes(scenario)) list.push(scenario);
    out.set(key, list);
  }
  return out;
}

export async function readScores(file: string): Promise<{ key: string; score: number }[]> {
  const out: { key: string; score: number }[] = [];
  let cols: string[] | null = null;
  for await (const r of csvRecords(file)) {
    if (!cols) {
      cols = r;
      continue;
    }
    const [u, p, s] = [cols.indexOf('user_id'), cols.indexOf('patient_id'), cols.indexOf('score')].map(
      (i) => r[i] ?? '',
    );
    out.push({ key: pairKey(u as string, p as string), score: Number(s) });
  }
  return out;
}

export function readFindingKeys(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const f = JSON.parse(l) as { user_id: string; patient_id: string };
      return pairKey(f.user_id, f.patient_id);
    });
}

export interface Evaluation {
  readonly pairs: number;
  readonly positives: number;
  readonly positivesSeen: number;
  readonly aucRoc: number;
  readonly aucPr: number;
  readonly atBudget: BudgetResult;
  readonly perScenario: Record<string, { total: number; found: number; recall: number }>;
}

/**
 * `ranking` is the flagged list in rank order (findings); positives never seen in the events count as missed.
 */
export function evaluate(
  scores: readonly { key: string; score: number }[],
  ranking: readonly string[],
  truth: ReadonlyMap<string, readonly string[]>,
  budget: number,
): Evaluation {
  const seen = new Set(scores.map((s) => s.key));
  const items: Scored[] = scores.map((s) => ({ score: s.score, positive: truth.has(s.key) }));
  const positives = new Set(truth.keys());
  return {
    pairs: scores.length,
    positives: positives.size,
    positivesSeen: [...positives].filter((k) => seen.has(k)).length,
    aucRoc: aucRoc(items),
    aucPr: aucPr(items),
    atBudget: atBudget(ranking, positives, budget),
    perScenario: recallPerScenario(ranking, truth, budget),
  };
}
