/**
 * Sector aggregation benchmark (`npm run bench:assessment`): a synthetic sector of 20,000 enterprises answering the
 * yearly survey for 5 years (the demo generator, seeded), loaded as indicator facts; then timed: the aggregate
 * query, publishing every indicator and year k-anonymously (merging, complementary suppression and the exact
 * disclosure check), a cached request, the first request after new answers arrive, and one enterprise's peer
 * benchmark. Runs on embedded PGlite, and also on PostgreSQL when DATABASE_URL is set. Writes its section of
 * BENCHMARKS.md (unless --no-write).
 *
 *   npm run bench:assessment -- [--enterprises 20000] [--years 5] [--k 5] [--no-write]
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { shippedAssessmentContent } from '../../src/modules/assessment/assessment-content.js';
import { answerSurvey, generateEnterprises, seededRandom } from '../../src/modules/assessment/demo-sector.js';
import { orgNumberSequence } from '../../src/modules/assessment/demo-seed.js';
import {
  computeCubeFromFacts,
  factVersion,
  finishBulkFactLoad,
  insertFactRows,
  loadCube,
  replaceFacts,
} from '../../src/modules/assessment/fact-repository.js';
import {
  clearIndicatorCache,
  closestPeers,
  indicatorYears,
  publication,
  selectIndicator,
} from '../../src/modules/assessment/indicator-service.js';
import { questionsFor } from '../../src/modules/assessment/questionnaire.js';
import { answersToFacts } from '../../src/modules/assessment/survey-facts.js';
import type { IndicatorFact } from '../../src/modules/assessment/survey-types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const START = '<!-- assessment-bench:start -->';
const END = '<!-- assessment-bench:end -->';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const sh = (cmd: string) => {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};

async function time<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Result {
  database: string;
  facts: number;
  loadSeconds: number;
  groupAllMs: number;
  cubeMs: number;
  saveResponseMs: number;
  cubeRows: number;
  publishAllMs: number;
  families: number;
  familyMedianMs: number;
  familyMaxMs: number;
  cachedMedianMs: number;
  afterNewAnswersMs: number;
  benchmarkMs: number;
  suppressedShare: number;
  smallestPublished: number;
}

async function runOn(db: Db, name: string, facts: IndicatorFact[], k: number, years: number[]): Promise<Result> {
  const content = await shippedAssessmentContent();
  clearIndicatorCache();
  const load = await time(async () => {
    await insertFactRows(db, facts, new Date().toISOString(), 5000);
    await finishBulkFactLoad(db);
  });
  process.stdout.write(`  ${name}: loaded ${facts.length} facts in ${(load.ms / 1000).toFixed(1)} s\n`);
  const groupAll = await time(() => computeCubeFromFacts(db));
  const cube = await time(() => loadCube(db));
  clearIndicatorCache();
  await indicatorYears(db); // the aggregate read once, as the first request after start does
  const perFamily: number[] = [];
  let suppressed = 0;
  let pairCells = 0;
  let smallest = Infinity;
  const all = await time(async () => {
    for (const indicator of content.indicators) {
      for (const year of years) {
        const one = await time(() => publication(db, indicator.id, year, k));
        perFamily.push(one.ms);
        for (const table of one.value.tables) {
          for (const cell of table.cells) {
            if (table.dimensions.length === 2) {
              pairCells++;
              if (cell.suppressed) suppressed++;
            }
            if (!cell.suppressed && cell.count !== null && cell.count > 0) smallest = Math.min(smallest, cell.count);
          }
        }
      }
    }
  });
  const cached: number[] = [];
  for (let i = 0; i < 50; i++) {
    cached.push(
      (
        await time(() =>
          selectIndicator(db, {
            indicatorId: 'maturity.G2',
            year: years.at(-1)!,
            by: ['organisationType', 'region'],
            filter: {},
            k,
          }),
        )
      ).ms,
    );
  }
  // One new response arrives: its facts and the aggregate change in one transaction; the next request rebuilds
  // its cached publication from the aggregate.
  const lastYear = facts.filter((f) => f.year === years.at(-1));
  const respondent = lastYear[0]!.organisationId;
  const one = lastYear
    .filter((f) => f.organisationId === respondent)
    .map((f) => ({ ...f, value: Math.max(0, f.value - 1) }));
  const versionBefore = await factVersion(db);
  const save = await time(() => db.transaction().execute((trx) => replaceFacts(trx, one, new Date().toISOString())));
  if (one.length === 0 || (await factVersion(db)) === versionBefore)
    throw new Error('the new response changed nothing');
  const after = await time(() =>
    selectIndicator(db, {
      indicatorId: 'maturity.G9',
      year: years.at(-1)!,
      by: ['organisationType', 'sizeClass'],
      filter: {},
      k,
    }),
  );
  const peerBenchmark = async () => {
    for (const indicator of content.indicators.filter((i) => i.requirementId)) {
      closestPeers(await publication(db, indicator.id, years.at(-1)!, k), {
        organisationType: 'gp-office',
        sizeClass: 'micro',
      });
    }
  };
  await peerBenchmark();
  const bench = await time(peerBenchmark);
  return {
    database: name,
    facts: facts.length,
    loadSeconds: load.ms / 1000,
    groupAllMs: groupAll.ms,
    cubeMs: cube.ms,
    saveResponseMs: save.ms,
    cubeRows: cube.value.length,
    publishAllMs: all.ms,
    families: perFamily.length,
    familyMedianMs: median(perFamily),
    familyMaxMs: Math.max(...perFamily),
    cachedMedianMs: median(cached),
    afterNewAnswersMs: after.ms,
    benchmarkMs: bench.ms,
    suppressedShare: pairCells === 0 ? 0 : suppressed / pairCells,
    smallestPublished: smallest,
  };
}

function markdown(results: Result[], enterprises: number, years: number[], k: number): string {
  const f = (x: number, d = 0) => x.toFixed(d);
  const lines = [
    `Sector aggregation of the assessment module: ${enterprises.toLocaleString('en')} synthetic enterprises answering the yearly survey for ${years.length} years (${years[0]}–${years.at(-1)}), k = ${k}. Command: \`npm run bench:assessment\` (bench/assessment/run.ts). Measured ${new Date().toISOString().slice(0, 10)} on ${sh('nproc')} CPU(s), ${sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")}, ${sh("free -h | awk '/^Mem:/ {print $2}'")} RAM, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, Node ${process.version}.`,
    '',
    '| | ' + results.map((r) => r.database).join(' | ') + ' |',
    '| --- | ' + results.map(() => '---:').join(' | ') + ' |',
    `| indicator facts loaded | ${results.map((r) => `${r.facts.toLocaleString('en')} in ${f(r.loadSeconds, 1)} s`).join(' | ')} |`,
    `| grouping all facts per indicator × year × type × size × region (reference; not on any request path) | ${results.map((r) => `${f(r.groupAllMs)} ms`).join(' | ')} |`,
    `| reading the maintained aggregate (cold start) | ${results.map((r) => `${f(r.cubeMs)} ms (${r.cubeRows.toLocaleString('en')} groups)`).join(' | ')} |`,
    `| publish every indicator and year k-anonymously (all tables, exact disclosure check) | ${results.map((r) => `${f(r.publishAllMs)} ms for ${r.families} families`).join(' | ')} |`,
    `| one family: median / slowest | ${results.map((r) => `${f(r.familyMedianMs, 1)} / ${f(r.familyMaxMs, 1)} ms`).join(' | ')} |`,
    `| request served from the cache (type × region), median of 50 | ${results.map((r) => `${f(r.cachedMedianMs, 2)} ms`).join(' | ')} |`,
    `| saving one submitted response's facts and updating the aggregate | ${results.map((r) => `${f(r.saveResponseMs)} ms`).join(' | ')} |`,
    `| first request after that response (aggregate re-read + one publication) | ${results.map((r) => `${f(r.afterNewAnswersMs)} ms`).join(' | ')} |`,
    `| one enterprise's peer benchmark (10 basic measures, warm) | ${results.map((r) => `${f(r.benchmarkMs, 1)} ms`).join(' | ')} |`,
    `| two-way cells hidden (below k, complementary, disclosure risk) | ${results.map((r) => `${f(r.suppressedShare * 100, 1)} %`).join(' | ')} |`,
    `| smallest published group | ${results.map((r) => `${r.smallestPublished} enterprises`).join(' | ')} |`,
    '',
    'The aggregate (count and sum per finest group) is kept up to date in the same transaction as the facts; publications are computed from it once per change and cached, and requests select cells from the cached publication.',
  ];
  return lines.join('\n');
}

function updateBenchmarksFile(file: string, text: string): void {
  const block = `${START}\n${text}\n${END}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (current.includes(START) && current.includes(END)) {
    fs.writeFileSync(
      file,
      current.slice(0, current.indexOf(START)) + block + current.slice(current.indexOf(END) + END.length),
    );
  } else {
    fs.writeFileSync(file, `${current.trimEnd()}\n\n## Sector aggregation (assessment)\n\n${block}\n`);
  }
}

async function main(): Promise<void> {
  const enterprises = Number(arg('enterprises', '20000'));
  const yearCount = Number(arg('years', '5'));
  const k = Number(arg('k', '5'));
  const years = Array.from({ length: yearCount }, (_, i) => 2022 + i);
  const content = await shippedAssessmentContent();
  const template = content.surveyTemplates.find((t) => t.key === 'small-enterprises')!;
  process.stdout.write(`Generating ${enterprises} enterprises × ${yearCount} years…\n`);
  const nextOrgNumber = orgNumberSequence('897');
  const sector = generateEnterprises(42, enterprises, () => nextOrgNumber(), 'bench-ent');
  const random = seededRandom(43);
  const facts: IndicatorFact[] = [];
  years.forEach((year, index) => {
    for (const e of sector) {
      const questions = questionsFor(template.questionnaire, e.sizeClass);
      const answers = answerSurvey(e, questions, index, random);
      if (answers) facts.push(...answersToFacts(questions, answers, e, year));
    }
  });
  const results: Result[] = [];
  const memory = await openDatabase({ kind: 'memory' });
  await migrateToLatest(memory);
  results.push(await runOn(memory, 'PGlite (embedded)', facts, k, years));
  await memory.destroy();
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `varde_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      await migrateToLatest(db);
      results.push(await runOn(db, 'PostgreSQL', facts, k, years));
    } finally {
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  const text = markdown(results, enterprises, years, k);
  process.stdout.write(`\n${text}\n`);
  if (!process.argv.includes('--no-write')) updateBenchmarksFile(path.join(root, 'BENCHMARKS.md'), text);
}

await main();
