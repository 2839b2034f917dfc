/**
 * Judge one analysed dataset against its ground truth: `tsx bench/logs/judge.ts <dataset-dir> <scores.csv>
 * <findings.ndjson> [--misses]`. Prints AUC-ROC, AUC-PR, recall and precision at the findings' length and recall per
 * scenario; with --misses, the missed positive pairs with their score and rank.
 */
import path from 'node:path';
import { evaluate, readFindingKeys, readGroundTruth, readScores } from '../../src/modules/logaudit/eval/evaluate.js';

const [dataset, scoresFile, findingsFile] = process.argv.slice(2);
if (!dataset || !scoresFile || !findingsFile) {
  console.error('usage: tsx bench/logs/judge.ts <dataset-dir> <scores.csv> <findings.ndjson> [--misses]');
  process.exit(2);
}
const truth = await readGroundTruth(path.join(dataset, 'ground_truth.csv'));
const scores = await readScores(scoresFile);
const ranking = readFindingKeys(findingsFile);
const result = evaluate(scores, ranking, truth, ranking.length);
console.log(JSON.stringify({ ...result, perScenario: undefined }, null, 1));
for (const [name, r] of Object.entries(result.perScenario)) console.log(`${name.padEnd(22)} ${r.found}/${r.total}`);
if (process.argv.includes('--misses')) {
  const sorted = [...scores].sort((a, b) => b.score - a.score);
  const rank = new Map(sorted.map((s, i) => [s.key, i + 1]));
  const score = new Map(scores.map((s) => [s.key, s.score]));
  const flagged = new Set(ranking);
  for (const [key, scenarios] of truth)
    if (!flagged.has(key))
      console.log(
        `miss ${key.replace('\u0000', ' ')} ${scenarios.join('+')} score=${score.get(key)} rank=${rank.get(key)}`,
      );
}
