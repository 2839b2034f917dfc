/** `varde analysis …`: the coverage analysis from the terminal (text or JSON with the API's field names) and exports. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { prepareDatabase } from '../../server.js';
import { coverageFile } from './coverage-files.js';
import { csvTables, exportLanguages, type CsvTable, type ExportLanguage } from './coverage-export.js';
import { editionCoverage, type CoverageReport } from './coverage-service.js';
import { audienceGroups, type TargetCoverage } from './types.js';

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await prepareDatabase(loadConfig(), () => {});
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

const gapText: Record<string, string> = {
  none: 'ingen tiltak',
  weak: 'svak dekning',
  'only-large': 'bare store virksomheter',
  'small-enterprises-weak': 'svak for små virksomheter',
  'intended-audience-missed': 'når ikke tiltenkt målgruppe',
};

function row(t: TargetCoverage): string {
  const split = audienceGroups.map((g) => t.byAudience[g].score.toFixed(2)).join('  ');
  const measures = t.links.map(
    (l) => `${l.measureId}${l.strength === 'strong' ? '' : l.strength === 'moderate' ? '~' : '?'}`,
  );
  return `${t.target.code.padEnd(5)} ${t.overall.score.toFixed(2)} ${t.overall.level.padEnd(8)} ${split}  ${measures.join(' ') || '—'}`;
}

export function coverageText(report: CoverageReport): string[] {
  const header = `      dekn. nivå     hele  store små   komm.  tiltak (~ moderat, ? svak)`;
  const section = (title: string, targets: TargetCoverage[]) => [
    '',
    title,
    header,
    ...targets.map((t) => `${row(t)}  ${t.target.title.nb}`),
  ];
  return [
    `Dekningsanalyse for ${report.edition.id} mot ${report.framework.refId ?? report.framework.id} v${report.framework.version}`,
    report.mapping.analysis.nb,
    ...section('NSMs grunnprinsipper', report.principles),
    ...section('Områdenes mål', report.goals),
    ...section('Strategiske områder', report.strategicAreas),
    '',
    `Gap (${report.gaps.length}):`,
    ...report.gaps.map((g) => `  ${g.dimension.padEnd(15)} ${g.code.padEnd(5)} ${gapText[g.kind] ?? g.kind}`),
  ];
}

export function registerAnalysisCommands(program: Command): void {
  const analysis = program.command('analysis').description("coverage and gap analysis of the strategy's measures");
  analysis
    .command('coverage')
    .description('coverage of NSM principles, area goals and strategic areas, split by audience, with the gaps')
    .option('--edition <id>', 'a catalogue edition other than the published one')
    .option('--framework <id>', 'the framework (id, short code such as NSM-GP-2.1, or name part)')
    .option('--json', 'JSON with the API field names')
    .action(async (options: { edition?: string; framework?: string; json?: boolean }) => {
      await withDb(async (db) => {
        const report = await editionCoverage(db, { editionId: options.edition, framework: options.framework });
        console.log(options.json ? JSON.stringify(report, null, 2) : coverageText(report).join('\n'));
      });
    });
  analysis
    .command('export')
    .description('write the coverage analysis as XLSX (all tables) or CSV (one table)')
    .requiredOption('--out <file>', 'the file to write')
    .option('--format <format>', 'xlsx or csv', 'xlsx')
    .option('--table <table>', `for CSV: ${csvTables.join(', ')}`, 'principles')
    .option('--lang <lang>', 'nb or en', 'nb')
    .option('--edition <id>')
    .action(async (options: { out: string; format: string; table: string; lang: string; edition?: string }) => {
      if (options.format !== 'xlsx' && options.format !== 'csv')
        throw new AppError('BAD_REQUEST', `--format must be xlsx or csv, got "${options.format}"`);
      if (!(csvTables as readonly string[]).includes(options.table))
        throw new AppError('BAD_REQUEST', `--table must be one of ${csvTables.join(', ')}`);
      if (!(exportLanguages as readonly string[]).includes(options.lang))
        throw new AppError('BAD_REQUEST', `--lang must be nb or en`);
      await withDb(async (db) => {
        const report = await editionCoverage(db, { editionId: options.edition });
        const file = await coverageFile(db, null, report, {
          format: options.format as 'xlsx' | 'csv',
          table: options.table as CsvTable,
          lang: options.lang as ExportLanguage,
          now: new Date(),
        });
        await writeFile(options.out, file.body);
        console.error(`Skrev ${options.out}`);
      });
    });
}
