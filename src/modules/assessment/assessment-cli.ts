/**
 * `varde assessment …`: the published (k-anonymous) indicators in the terminal, the surveys' participation, and
 * loading the demo sector. Like the API, nothing here prints one enterprise's answers.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { prepareDatabase } from '../../server.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { readAssessmentSettings } from './assessment-settings.js';
import { seedAssessmentDemo } from './demo-seed.js';
import { parseBy } from './indicator-routes.js';
import { indicatorYears, selectIndicator } from './indicator-service.js';
import { listRecipients, listSurveys } from './survey-repository.js';
import type { PublishedCell } from './publish-aggregates.js';

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await prepareDatabase(loadConfig(), () => {});
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

const cellText = (cell: PublishedCell) =>
  cell.suppressed
    ? `(skjult: ${cell.notes.join(', ')})`
    : cell.count === 0
      ? '(ingen svar)'
      : `${cell.mean!.toFixed(2)}  n=${cell.count}${cell.notes.length ? `  [${cell.notes.join(', ')}]` : ''}`;

export function registerAssessmentCommands(program: Command): void {
  const assessment = program
    .command('assessment')
    .description('self-assessment, surveys and anonymous sector indicators');

  assessment
    .command('indicators')
    .description('published indicators (groups of at least k enterprises only)')
    .option('--indicator <id>', 'one indicator (default: all, for the whole sector)')
    .option('--year <year>', 'year (default: the latest with data)')
    .option('--by <dims>', 'split by up to two of organisationType,sizeClass,region')
    .option('--json', 'JSON with the API field names')
    .action(async (options: { indicator?: string; year?: string; by?: string; json?: boolean }) => {
      const k = readAssessmentSettings(process.env).minGroupSize;
      await withDb(async (db) => {
        const content = await shippedAssessmentContent();
        const ids = options.indicator ? [options.indicator] : content.indicators.map((i) => i.id);
        const year = options.year ? Number(options.year) : (await indicatorYears(db)).at(-1);
        if (year === undefined) {
          console.log('Ingen indikatordata ennå. / No indicator data yet.');
          return;
        }
        const selections = [];
        for (const id of ids)
          selections.push(await selectIndicator(db, { indicatorId: id, year, by: parseBy(options.by), filter: {}, k }));
        if (options.json) {
          console.log(JSON.stringify({ year, k, selections }, null, 2));
          return;
        }
        console.log(`År ${year}, k = ${k}`);
        for (const s of selections) {
          console.log(`\n${s.indicator.id}  ${s.indicator.name.nb}`);
          if (s.withheld) console.log('  (færre enn k virksomheter: ikke vist)');
          for (const cell of s.cells) {
            const label =
              Object.entries(cell.key)
                .map(([d, v]) => `${d}=${v}`)
                .join(' ') || 'sektoren';
            console.log(`  ${label.padEnd(48)} ${cellText(cell)}`);
          }
        }
      });
    });

  assessment
    .command('surveys')
    .description('surveys with participation (never answers)')
    .option('--json', 'JSON')
    .action(async (options: { json?: boolean }) => {
      await withDb(async (db) => {
        const rows = [];
        for (const s of await listSurveys(db)) {
          const recipients = await listRecipients(db, s.id);
          rows.push({
            id: s.id,
            year: s.year,
            status: s.status,
            title: s.title.nb,
            invited: recipients.length,
            submitted: recipients.filter((r) => r.status === 'submitted').length,
          });
        }
        if (options.json) console.log(JSON.stringify({ surveys: rows }, null, 2));
        else
          for (const r of rows)
            console.log(
              `${r.year}  ${r.status.padEnd(7)} ${String(r.submitted).padStart(5)}/${String(r.invited).padEnd(5)} ${r.title}  (${r.id})`,
            );
      });
    });

  assessment
    .command('demo-sector')
    .description('load the synthetic demo sector (enterprises and three years of survey answers) if it is not there')
    .option('--count <n>', 'number of enterprises', '2000')
    .action(async (options: { count: string }) => {
      await withDb(async (db) => {
        const outcome = await seedAssessmentDemo(db, new Date(), { count: Number(options.count) });
        if (outcome.skipped) console.log('Demosektoren finnes allerede. / The demo sector is already there.');
        else
          console.log(
            `${outcome.enterprises} virksomheter, ${outcome.responses} svar, ${outcome.facts} indikatorverdier.`,
          );
      });
    });
}
