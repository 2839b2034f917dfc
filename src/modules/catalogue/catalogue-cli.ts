/** `varde catalogue …`: read the catalogue from the terminal, or import an edition folder. */
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { prepareDatabase } from '../../server.js';
import { getEdition, importEditionFolder } from './catalogue-service.js';
import { filterMeasures, presentMeasure, type MeasureFilter, type MeasureView } from './measure-query.js';
import type { AudienceTag, MeasureKind } from './types.js';

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await prepareDatabase(loadConfig(), () => {});
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

function measureLine(m: MeasureView): string {
  const who =
    m.responsible.status === 'unplaced' ? '(avklares)' : m.responsible.actors.map((a) => a.shortName).join(', ');
  return `${m.id.padEnd(5)} ${(m.kind === 'existing' ? 'eksisterende' : 'nytt').padEnd(13)} ${m.title}  — ${who}`;
}

function printMeasure(m: MeasureView): void {
  const lines = [
    `Tiltak ${m.id}: ${m.title}`,
    `Område:       ${m.area.id} ${m.area.name}`,
    `Type:         ${m.kind === 'existing' ? 'Eksisterende tiltak' : 'Tiltak (nytt)'}`,
    `Ansvarlig:    ${m.responsible.text}${m.responsible.status === 'unplaced' ? ' (ikke plassert)' : ''}`,
    `Relevant for: ${m.relevantFor.text}`,
    '',
    m.description,
    ...(m.remark ? ['', m.remark] : []),
    '',
    `Kilde: ${m.source.file}, ${m.source.section}`,
  ];
  console.log(lines.join('\n'));
}

export function registerCatalogueCommands(program: Command): void {
  const catalogue = program.command('catalogue').description("the strategy's catalogue of measures");
  catalogue
    .command('measures')
    .description('list measures (filters as in the API)')
    .option('--json', 'JSON with the API field names')
    .option('--edition <id>')
    .option('--area <id>')
    .option('--actor <id>')
    .option('--audience <tag>')
    .option('--kind <existing|new>')
    .option('--responsibility <placed|unplaced>')
    .option('-q, --q <text>', 'free-text search')
    .action(async (options: MeasureFilter & { json?: boolean; edition?: string }) => {
      const filter: MeasureFilter = {
        area: options.area,
        actor: options.actor,
        audience: options.audience as AudienceTag | undefined,
        kind: options.kind as MeasureKind | undefined,
        responsibility: options.responsibility,
        q: options.q,
      };
      await withDb(async (db) => {
        const edition = await getEdition(db, options.edition);
        const measures = filterMeasures(edition, filter).map((m) => presentMeasure(edition, m));
        if (options.json)
          console.log(JSON.stringify({ edition: edition.edition.id, count: measures.length, measures }, null, 2));
        else {
          for (const m of measures) console.log(measureLine(m));
          console.log(`\n${measures.length} tiltak (utgave ${edition.edition.id})`);
        }
      });
    });
  catalogue
    .command('show <id>')
    .description('show one measure')
    .option('--json', 'JSON with the API field names')
    .option('--edition <id>')
    .action(async (id: string, options: { json?: boolean; edition?: string }) => {
      await withDb(async (db) => {
        const edition = await getEdition(db, options.edition);
        const measure = edition.measures.find((m) => m.id === id);
        if (!measure) throw new AppError('MEASURE_NOT_FOUND', `No measure "${id}" in edition ${edition.edition.id}`);
        const view = presentMeasure(edition, measure);
        if (options.json) console.log(JSON.stringify(view, null, 2));
        else printMeasure(view);
      });
    });
  catalogue
    .command('import <folder>')
    .description('validate and import a catalogue edition folder (all or nothing)')
    .action(async (folder: string) => {
      await withDb(async (db) => {
        const outcome = await importEditionFolder(db, folder, new Date());
        if (outcome.outcome === 'refused') throw outcome.error;
        console.log(`Edition ${outcome.editionId}: ${outcome.outcome}`);
      });
    });
}
