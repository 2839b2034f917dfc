/**
 * `varde logs generate`: writes a synthetic hospital dataset with ground truth. Progress goes to stderr, the
 * summary (bokmål and English) to stdout; `--json` prints the summary as JSON instead.
 */
import type { Command } from 'commander';
import { AppError } from '../../../platform/errors.js';
import { DEFAULT_DAYS, DEFAULT_START, generateDataset, type GenerateSummary } from './generate-dataset.js';
import { parseScale } from './scale.js';

interface GenerateCliOptions {
  out: string;
  scale: string;
  seed: string;
  format: string;
  days: string;
  start: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerGenerateCommand(logs: Command): void {
  logs
    .command('generate')
    .description(
      'generate a synthetic hospital access-log dataset with ground truth / lag et syntetisk datasett med fasit',
    )
    .requiredOption('--out <dir>', 'output directory (created if missing; files in it are overwritten)')
    .requiredOption('--scale <n>', 'approximate number of access events: 400k, 4M, 20M or tiny|small|medium|large')
    .requiredOption('--seed <n>', 'seed (a whole number); same seed and options give identical files')
    .option('--format <format>', 'csv (access_events.csv) or fhir (audit_events.ndjson)', 'csv')
    .option('--days <n>', 'length of the period in days', String(DEFAULT_DAYS))
    .option('--start <date>', 'first day of the period (YYYY-MM-DD, Europe/Oslo)', DEFAULT_START)
    .option('--json', 'print the summary as JSON')
    .option('--quiet', 'no progress lines on stderr')
    .action(async (options: GenerateCliOptions) => {
      const seed = Number(options.seed);
      const days = Number(options.days);
      if (!Number.isSafeInteger(seed) || seed < 0) {
        throw new AppError('VALIDATION_FAILED', `Invalid seed "${options.seed}"`, [
          { place: '--seed', message: 'A whole number ≥ 0' },
        ]);
      }
      if (!Number.isInteger(days)) {
        throw new AppError('VALIDATION_FAILED', `Invalid number of days "${options.days}"`, [
          { place: '--days', message: 'A whole number of days' },
        ]);
      }
      if (options.format !== 'csv' && options.format !== 'fhir') {
        throw new AppError('VALIDATION_FAILED', `Invalid format "${options.format}"`, [
          { place: '--format', message: 'csv or fhir' },
        ]);
      }
      const started = Date.now();
      let lastReport = 0;
      const summary = await generateDataset({
        outDir: options.out,
        events: parseScale(options.scale),
        seed,
        format: options.format,
        days,
        start: options.start,
        onProgress: ({ day, days: total, events }) => {
          if (options.quiet) return;
          const now = Date.now();
          if (now - lastReport < 1000 && day < total) return;
          lastReport = now;
          process.stderr.write(`dag/day ${day}/${total}: ${events.toLocaleString('nb-NO')} hendelser/events\n`);
        },
      });
      const seconds = (Date.now() - started) / 1000;
      if (options.json) process.stdout.write(`${JSON.stringify({ ...summary, seconds }, null, 2)}\n`);
      else process.stdout.write(formatSummary(summary, seconds));
    });
}

export function formatSummary(summary: GenerateSummary, seconds: number): string {
  const n = (value: number): string => value.toLocaleString('nb-NO');
  const lines = [
    `Skrev datasett til / Wrote dataset to ${summary.outDir} (${summary.format}, seed ${summary.seed}, ${summary.start} + ${summary.days} dager/days) på/in ${seconds.toFixed(1)} s`,
    `Sykehus / Hospital: ${summary.hospital.sites} sted(er)/site(s), ${n(summary.hospital.beds)} senger/beds, ${summary.hospital.departments} enheter/units, ${n(summary.hospital.staff)} ansatte/staff, ${n(summary.hospital.patients)} pasienter/patients`,
    `Oppslag / Access events: ${n(summary.events)} (ønsket/requested ${n(summary.requestedEvents)})${summary.nonPatientEvents > 0 ? `, + ${n(summary.nonPatientEvents)} uten én pasient/not about one patient` : ''}`,
    'Filer / Files:',
    ...Object.entries(summary.files).map(([file, rows]) => `  ${file.padEnd(26)} ${n(rows).padStart(12)} rader/rows`),
    'Misbruk (fasit) / Misuse (ground truth): scenario, hendelser/incidents, par/pairs, oppslag/events',
    ...Object.entries(summary.scenarios)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([scenario, c]) =>
          `  ${scenario.padEnd(20)} ${String(c.incidents).padStart(6)} ${String(c.pairs).padStart(7)} ${String(c.events).padStart(8)}`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}
