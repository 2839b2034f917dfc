/**
 * Access-log engine benchmark (`npm run bench:logs`): for each size, generate a dataset with the synthetic
 * generator (cached, not timed), run `varde logs analyze` end to end in a child process (wall time, peak RSS),
 * time a raw DuckDB scan + group-by of the same files, and judge findings and scores against the ground truth, next
 * to the rules-only baseline at the same budget. Results go to bench/logs/results/ and into BENCHMARKS.md.
 *
 *   npm run bench:logs -- [--sizes 400k,4m,20m] [--seed 11] [--format csv|fhir] [--generator own|alt|third|fourth|fifth]
 *                          [--data DIR] [--no-write]
 *
 * --generator alt|third|fourth|fifth runs the same benchmark on data from a generator written without reading the engine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDataset } from '../../src/modules/logaudit/generator/index.js';
import {
  evaluate,
  readFindingKeys,
  readGroundTruth,
  readScores,
  type Evaluation,
} from '../../src/modules/logaudit/eval/evaluate.js';
import { openWorkspace } from '../../src/modules/logaudit/workspace/workspace.js';
import { runAnalysis } from '../../src/modules/logaudit/workspace/analysis-sql.js';
import { runBaseline, writeBaseline } from '../../src/modules/logaudit/workspace/baseline-sql.js';
import { rawScanSeconds } from './raw-scan.js';
import {
  GENERATORS,
  machineSummary,
  renderMarkdown,
  updateBenchmarksFile,
  type GeneratorName,
  type SizeResult,
} from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`bad size ${text}`);
  const mult = { '': 1, k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(m[1]) * mult);
}

async function dataset(
  base: string,
  generator: GeneratorName,
  events: number,
  seed: number,
  format: 'csv' | 'fhir',
): Promise<string> {
  const dir = path.join(base, `${generator === 'own' ? '' : `${generator}-`}${format}-${events}-seed${seed}`);
  if (fs.existsSync(path.join(dir, 'ground_truth.csv'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  console.error(`generating ${events} events (${generator}, ${format}, seed ${seed}) into ${dir} …`);
  if (generator === 'own') {
    await generateDataset({ outDir: dir, events, seed, format });
    return dir;
  }
  const main = path.join(here, `${generator}-generator`, 'main.ts');
  const args = ['--import', 'tsx', main, '--out', dir, '--events', String(events), '--seed', String(seed)];
  const child = spawnSync(process.execPath, [...args, '--format', format], { cwd: root, stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`the ${generator} generator failed for ${dir}`);
  return dir;
}

function runEngine(dir: string, work: string): { seconds: number; peakRssMb: number; stdout: string } {
  const args = [
    '-f',
    '%e %M',
    process.execPath,
    '--import',
    'tsx',
    path.join(here, 'cli-entry.ts'),
    'logs',
    'analyze',
    dir,
    '--workspace',
    path.join(work, 'ws'),
    '--out',
    path.join(work, 'findings.ndjson'),
    '--scores',
    path.join(work, 'scores.csv'),
  ];
  const child = spawnSync('/usr/bin/time', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`engine failed:\n${child.stdout}\n${child.stderr}`);
  const last = child.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  return { seconds: seconds as number, peakRssMb: Math.round((kb as number) / 1024), stdout: child.stdout };
}

async function baseline(work: string, budget: number): Promise<void> {
  const ws = await openWorkspace(path.join(work, 'ws'));
  try {
    await runAnalysis(ws.db, { from: null, to: null });
    await runBaseline(ws.db);
    await writeBaseline(
      ws.db,
      path.join(work, 'baseline-scores.csv'),
      path.join(work, 'baseline-findings.ndjson'),
      budget,
    );
  } finally {
    ws.close();
  }
}

async function judge(work: string, dir: string, prefix: string, budget: number): Promise<Evaluation> {
  const truth = await readGroundTruth(path.join(dir, 'ground_truth.csv'));
  return evaluate(
    await readScores(path.join(work, `${prefix}scores.csv`)),
    readFindingKeys(path.join(work, `${prefix}findings.ndjson`)),
    truth,
    budget,
  );
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '400k,4m,20m').split(',').map(parseSize);
  const seed = Number(arg('seed', '11'));
  const format = arg('format', 'csv') as 'csv' | 'fhir';
  const generator = arg('generator', 'own') as GeneratorName;
  if (!(generator in GENERATORS)) throw new Error(`--generator must be one of ${Object.keys(GENERATORS).join(', ')}`);
  const dataRoot = path.resolve(arg('data', path.join(root, '.varde', 'bench-logs')));
  const threads = os.cpus().length;
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const dir = await dataset(dataRoot, generator, size, seed, format);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bench-logs-'));
    try {
      await rawScanSeconds(dir, threads); // warm the page cache so both runs read from memory
      console.error(`engine on ${dir} …`);
      const engine = runEngine(dir, work);
      const raw = await rawScanSeconds(dir, threads);
      const events = Number(/lookups analysed: (\d+)/.exec(engine.stdout)?.[1] ?? 0);
      const explained = Number(/explained: ([\d.]+) %/.exec(engine.stdout)?.[1] ?? 0) / 100;
      const budget = Math.max(1, Math.ceil(events / 1000));
      await baseline(work, budget);
      const result: SizeResult = {
        requested: size,
        events,
        format,
        seed,
        engineSeconds: engine.seconds,
        peakRssMb: engine.peakRssMb,
        rawScanSeconds: raw.seconds,
        ratio: engine.seconds / raw.seconds,
        explainedShare: explained,
        budget,
        engine: await judge(work, dir, '', budget),
        baseline: await judge(work, dir, 'baseline-', budget),
      };
      results.push(result);
      console.error(JSON.stringify({ ...result, engine: { ...result.engine, perScenario: undefined } }));
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  const machine = machineSummary();
  const command = `npm run bench:logs -- ${process.argv.slice(2).join(' ')}`.trim();
  const markdown = renderMarkdown(results, machine, command, generator);
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
  fs.writeFileSync(path.join(here, 'results', `${stamp}.json`), JSON.stringify({ machine, command, results }, null, 2));
  console.log(markdown);
  if (!process.argv.includes('--no-write')) updateBenchmarksFile(path.join(root, 'BENCHMARKS.md'), markdown, generator);
}

await main();
