/**
 * `varde logs …`: ingest a dataset directory into a workspace, and analyse it into findings (measure 4.6 in seed
 * 004, Tiltaksoversikt v0.7). Progress goes to stderr (a bar on a terminal, plain lines otherwise); the summary to
 * stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../platform/errors.js';
import { ProgressReporter } from './cli-progress.js';
import { parseEncoding } from './dataset/encoding.js';
import { locateDataset } from './dataset/layout.js';
import { estimateRecords } from './dataset/text-file.js';
import { formatDuration } from './domain/progress.js';
import { issueSummaryLines } from './domain/ingest-issues.js';
import { analyzeWorkspace, type AnalysisResult } from './service/analyze.js';
import { DEFAULT_MAX_REJECT_SHARE, ingestDataset, type IngestReport } from './service/ingest-dataset.js';
import { openWorkspace, type Workspace } from './workspace/workspace.js';
import { registerGenerateCommand } from './generator/index.js';

interface CommonOptions {
  workspace?: string;
  encoding?: string;
  skipBadLines?: boolean;
  maxRejectShare?: string;
  timezone?: string;
  memoryLimit?: string;
  threads?: string;
}

interface AnalyzeCliOptions extends CommonOptions {
  out: string;
  scores?: string;
  cases?: string;
  budget?: string;
  from?: string;
  to?: string;
}

const INGEST_PLAN = [
  ['reference', 5],
  ['read', 25],
  ['check', 20],
  ['store', 50],
] as const;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new AppError('VALIDATION_FAILED', `${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

function share(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_REJECT_SHARE;
  const n = Number(value);
  if (!(n >= 0 && n <= 1))
    throw new AppError('VALIDATION_FAILED', `--max-reject-share must be between 0 and 1, got "${value}"`);
  return n;
}

function date(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new AppError('VALIDATION_FAILED', `${name} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

async function withWorkspace<T>(options: CommonOptions, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const temporary = options.workspace === undefined;
  const dir = options.workspace ?? fs.mkdtempSync(path.join(os.tmpdir(), 'varde-logs-'));
  const ws = await openWorkspace(dir, {
    timezone: options.timezone,
    memoryLimit: options.memoryLimit,
    threads: positiveInt(options.threads, '--threads'),
  });
  try {
    return await work(ws);
  } finally {
    ws.close();
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function reporter(
  ws: Workspace,
  plan: readonly (readonly [string, number])[],
  totalUnits: number | null,
): ProgressReporter {
  return new ProgressReporter({
    write: (text) => process.stderr.write(text),
    tty: Boolean(process.stderr.isTTY),
    plan,
    totalUnits,
    unit: 'lookups',
    source: ws.db,
  });
}

async function ingest(
  ws: Workspace,
  dir: string,
  options: CommonOptions,
  progress: ProgressReporter,
): Promise<IngestReport> {
  return ingestDataset(ws, dir, {
    encoding: options.encoding ? parseEncoding(options.encoding) : undefined,
    skipBadLines: options.skipBadLines ?? false,
    maxRejectShare: share(options.maxRejectShare),
    now: new Date(),
    onPhase: (phase) => progress.phase(phase, `ingest: ${phase}`),
  });
}

function printIngest(report: IngestReport): void {
  const e = report.events;
  if (e.alreadyIngested) {
    console.log(`events: this file was ingested before (batch ${e.batchId}); nothing added`);
  } else {
    const share = e.eventsStored > 0 ? ((e.explainedEvents / e.eventsStored) * 100).toFixed(1) : '0.0';
    console.log(`events: ${e.recordsRead} read, ${e.eventsStored} stored as batch ${e.batchId}, ${share} % explained`);
  }
  for (const line of issueSummaryLines(report.issues)) console.log(line);
}

function printAnalysis(result: AnalysisResult, startedMs: number, out: AnalyzeCliOptions): void {
  const t = result.totals;
  console.log(
    [
      `lookups analysed: ${t.events}`,
      `user–patient pairs: ${t.pairs} (${t.unexplainedPairs} with unexplained lookups)`,
      `explained: ${(result.explainedShare * 100).toFixed(1)} % of lookups`,
      `findings: ${result.findings.length} (budget ${result.budget}) in ${result.cases.length} case(s) → ${out.out}`,
      ...(out.scores ? [`scores of every pair → ${out.scores}`] : []),
      ...(out.cases ? [`cases → ${out.cases}`] : []),
      `time: ${formatDuration(Date.now() - startedMs)}`,
    ].join('\n'),
  );
}

export function registerLogsCommands(program: Command): Command {
  const logs = program
    .command('logs')
    .description('access-log control: ingest record lookups and find the unusual ones');
  registerGenerateCommand(logs);

  const common = (cmd: Command): Command =>
    cmd
      .option(
        '--encoding <name>',
        'input encoding when not UTF-8: windows-1252 or iso-8859-1 (converted while reading)',
      )
      .option('--skip-bad-lines', 'skip and count lines that cannot be parsed instead of stopping')
      .option(
        '--max-reject-share <share>',
        `stop when more than this share of lookups is unusable (default ${DEFAULT_MAX_REJECT_SHARE})`,
      )
      .option('--timezone <tz>', 'time zone for local days and hours when creating a workspace (default Europe/Oslo)')
      .option('--memory-limit <size>', 'DuckDB memory limit, e.g. 2GB (default: half the memory, at most 2.5 GB)')
      .option('--threads <n>', 'DuckDB threads (default: all cores)');

  common(
    logs
      .command('ingest')
      .description('read a dataset directory into a workspace as one batch (re-ingesting the same file adds nothing)')
      .argument('<dataset-dir>', 'directory laid out as specs/access-log-dataset.md')
      .requiredOption('--workspace <dir>', 'workspace folder (created if missing)'),
  ).action(async (dir: string, options: CommonOptions) => {
    const started = Date.now();
    const layout = locateDataset(dir);
    await withWorkspace(options, async (ws) => {
      const progress = reporter(ws, INGEST_PLAN, estimateRecords(layout.events.path));
      try {
        const report = await ingest(ws, dir, options, progress);
        progress.finish();
        printIngest(report);
      } finally {
        progress.finish();
      }
    });
    console.log(`time: ${formatDuration(Date.now() - started)}`);
  });

  common(
    logs
      .command('analyze')
      .alias('analyse')
      .description('ingest a dataset (if given), score every user–patient pair and write the findings')
      .argument('[dataset-dir]', 'dataset directory to ingest first (optional with --workspace)')
      .requiredOption('--out <file>', 'findings.ndjson to write')
      .option('--scores <file>', 'also write scores.csv with every user–patient pair')
      .option('--cases <file>', 'also write the findings grouped per user as cases (NDJSON)')
      .option('--budget <n>', 'most findings to write (default: 1 per 1,000 lookups analysed)')
      .option('--workspace <dir>', 'workspace folder to keep (default: a temporary one)')
      .option('--from <date>', 'first local day to analyse (YYYY-MM-DD)')
      .option('--to <date>', 'last local day to analyse (YYYY-MM-DD)'),
  ).action(async (dir: string | undefined, options: AnalyzeCliOptions) => {
    const started = Date.now();
    if (!dir && !options.workspace) {
      throw new AppError('VALIDATION_FAILED', 'give a dataset directory, a --workspace, or both');
    }
    const layout = dir ? locateDataset(dir) : null;
    const budget = positiveInt(options.budget, '--budget');
    const window = { from: date(options.from, '--from'), to: date(options.to, '--to') };
    await withWorkspace(options, async (ws) => {
      const plan = [...(layout ? INGEST_PLAN : []), ['analyse', 30]] as const;
      const progress = reporter(ws, plan, layout ? estimateRecords(layout.events.path) : null);
      try {
        const report = dir ? await ingest(ws, dir, options, progress) : null;
        progress.phase('analyse', 'analyse');
        const result = await analyzeWorkspace(ws, {
          budget,
          window,
          findingsPath: options.out,
          scoresPath: options.scores,
          casesPath: options.cases,
          now: new Date(),
          onStep: (name, index, total) => {
            progress.phase('analyse', `analyse: ${name}`);
            progress.advance(index / total);
          },
        });
        progress.finish();
        if (report) printIngest(report);
        printAnalysis(result, started, options);
      } finally {
        progress.finish();
      }
    });
  });

  return logs;
}
