/**
 * `varde reporting …`: the annual reporting from the terminal, for operators and batch jobs. Commands act as the
 * system on behalf of the strategy owner; their JSON output uses the API's field names.
 */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig, type AppConfig } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { prepareDatabase } from '../../server.js';
import { cycleOverview, listContacts, removeContact, saveContact } from './chasing-service.js';
import { findCycleByYear, listSectorReports } from './cycle-repository.js';
import { closeCycle, listCycleSummaries, openCycle } from './cycle-service.js';
import { smtpMailer } from './mailer.js';
import { runReminderJob } from './reminder-service.js';
import { systemPrincipal } from './reporting-access.js';
import { reportingDeps, type ReportingDeps } from './reporting-deps.js';
import { exportLanguages, type ExportLanguage } from './report-labels.js';
import { sectorReportCsv, sectorReportXlsx } from './sector-report-files.js';
import { sectorReportPdf } from './sector-report-pdf.js';
import { getPublished, previewSectorReport, publishSectorReport } from './sector-report-service.js';
import type { ReportingCycle } from './types.js';

async function withDeps<T>(run: (deps: ReportingDeps, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await prepareDatabase(config, () => {});
  try {
    return await run(reportingDeps(db, config), config);
  } finally {
    await db.destroy();
  }
}

async function cycleOfYear(deps: ReportingDeps, year: string): Promise<ReportingCycle> {
  const cycle = await findCycleByYear(deps.db, Number(year));
  if (!cycle) throw new AppError('REPORTING_CYCLE_NOT_FOUND', `No reporting cycle for ${year}`);
  return cycle;
}

function parseDelegations(values: readonly string[]): Record<string, string> {
  const delegations: Record<string, string> = {};
  for (const value of values) {
    const [from, to] = value.split('=');
    if (!from || !to)
      throw new AppError('VALIDATION_FAILED', `--delegate takes actor=delegate, got "${value}"`, [
        { field: '--delegate', message: 'actor=delegate' },
      ]);
    delegations[from] = to;
  }
  return delegations;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const print = (json: boolean | undefined, data: unknown, text: () => string) =>
  console.log(json ? JSON.stringify(data, null, 2) : text());

export function registerReportingCommands(program: Command): void {
  const reporting = program.command('reporting').description('annual status reporting to the ministry (seed 004 §1.2)');

  reporting
    .command('cycles')
    .description('list reporting cycles with report counts')
    .option('--json', 'JSON with the API field names')
    .action(async (options: { json?: boolean }) =>
      withDeps(async (deps) => {
        const cycles = await listCycleSummaries(deps, systemPrincipal);
        print(
          options.json,
          { cycles },
          () =>
            cycles
              .map(
                (c) =>
                  `${c.year}  ${c.state.padEnd(6)} frist ${c.dueDate}  utkast ${c.counts.draft}, sendt inn ${c.counts.submitted}, tilbake ${c.counts.returned}, godkjent ${c.counts.approved} av ${c.total}`,
              )
              .join('\n') || 'Ingen rapporteringsrunder.',
        );
      }),
    );

  reporting
    .command('open')
    .description('open the cycle of a year: one draft report per measure and responsible actor')
    .requiredOption('--year <year>', 'the reporting year')
    .requiredOption('--due <date>', 'due date, YYYY-MM-DD')
    .option('--edition <id>', 'catalogue edition (default: the published one)')
    .option(
      '--delegate <actor=delegate>',
      "let another actor write an actor's reports (repeatable), e.g. hod=e-helse",
      collect,
      [],
    )
    .option('--json', 'JSON with the API field names')
    .action(async (options: { year: string; due: string; edition?: string; delegate: string[]; json?: boolean }) =>
      withDeps(async (deps) => {
        const cycle = await openCycle(
          deps,
          systemPrincipal,
          {
            year: Number(options.year),
            dueDate: options.due,
            editionId: options.edition,
            delegations: parseDelegations(options.delegate),
          },
          new Date(),
        );
        print(
          options.json,
          cycle,
          () =>
            `Rapporteringsrunde ${cycle.year} åpnet (utgave ${cycle.editionId}, frist ${cycle.dueDate}); gap: ${cycle.gap.map((g) => g.id).join(', ') || 'ingen'}`,
        );
      }),
    );

  reporting
    .command('status')
    .description('who has reported and who has not')
    .requiredOption('--year <year>')
    .option('--json', 'JSON with the API field names')
    .action(async (options: { year: string; json?: boolean }) =>
      withDeps(async (deps) => {
        const overview = await cycleOverview(
          deps,
          systemPrincipal,
          (await cycleOfYear(deps, options.year)).id,
          new Date(),
        );
        print(options.json, overview, () =>
          [
            `Rapporteringsrunde ${overview.cycle.year}: ${overview.counts.approved} godkjent, ${overview.counts.submitted} sendt inn, ${overview.counts.draft + overview.counts.returned} mangler (av ${overview.total}); ${overview.daysLeft >= 0 ? `${overview.daysLeft} dager til frist` : `${-overview.daysLeft} dager over frist`}`,
            ...overview.actors.map(
              (a) =>
                `  ${a.shortName.padEnd(24)} ${String(a.outstanding.length).padStart(2)} mangler  ${a.lastReminder ? `sist purret ${a.lastReminder.sentAt.toISOString().slice(0, 10)} (${a.lastReminder.kind})` : ''}${a.contacts === 0 ? '  (ingen e-postmottaker)' : ''}`,
            ),
            `E-post: ${overview.outbox.pending} venter, ${overview.outbox.sent} sendt, ${overview.outbox.failed} feilet`,
          ].join('\n'),
        );
      }),
    );

  reporting
    .command('remind')
    .description('send the reminders that are due now and deliver the e-mail outbox (SMTP_URL)')
    .option('--json', 'JSON output')
    .action(async (options: { json?: boolean }) =>
      withDeps(async (deps, config) => {
        const mailer = config.smtp ? smtpMailer(config.smtp) : null;
        try {
          const outcome = await runReminderJob(deps, mailer, new Date());
          print(options.json, outcome, () =>
            [
              `${outcome.reminders.length} påminnelse(r): ${outcome.reminders.map((r) => `${r.actorId} (${r.kind}, ${r.recipients} mottaker(e))`).join(', ') || '–'}`,
              outcome.delivery
                ? `E-post: ${outcome.delivery.sent} sendt, ${outcome.delivery.failed} feilet (prøves igjen senere)`
                : 'E-post: SMTP_URL er ikke satt, meldingene venter i utboksen',
            ].join('\n'),
          );
        } finally {
          mailer?.close?.();
        }
      }),
    );

  reporting
    .command('compile')
    .description('compile the sector report from the approved reports; --publish freezes it as a dated snapshot')
    .requiredOption('--year <year>')
    .option('--publish', 'publish the compiled report')
    .option('--json', 'JSON output')
    .action(async (options: { year: string; publish?: boolean; json?: boolean }) =>
      withDeps(async (deps) => {
        const cycle = await cycleOfYear(deps, options.year);
        console.error(`Sammenstiller ${cycle.year} …`);
        if (options.publish) {
          const published = await publishSectorReport(deps, systemPrincipal, cycle.id, new Date());
          print(
            options.json,
            { ...published, snapshot: undefined },
            () =>
              `Publisert ${published.title}, versjon ${published.version} (${published.contentHash}), id ${published.id}`,
          );
          return;
        }
        const snapshot = await previewSectorReport(deps, systemPrincipal, cycle.id, new Date());
        print(
          options.json,
          snapshot,
          () =>
            `${snapshot.totals.approved} av ${snapshot.totals.expected} rapporter godkjent; ${snapshot.totals.unplaced} tiltak uten ansvarlig. Ikke publisert (bruk --publish).`,
        );
      }),
    );

  reporting
    .command('export')
    .description('write a published sector report as PDF, XLSX or CSV')
    .requiredOption('--year <year>')
    .requiredOption('--format <pdf|xlsx|csv>')
    .requiredOption('--out <file>')
    .option('--version <n>', 'publication version (default: the newest)')
    .option('--lang <nb|en>', 'language', 'nb')
    .action(async (options: { year: string; format: string; out: string; version?: string; lang: string }) =>
      withDeps(async (deps) => {
        if (!exportLanguages.includes(options.lang as ExportLanguage))
          throw new AppError('VALIDATION_FAILED', '--lang is nb or en');
        const lang = options.lang as ExportLanguage;
        const cycle = await cycleOfYear(deps, options.year);
        const list = await listSectorReports(deps.db, cycle.id);
        const chosen = options.version ? list.find((p) => p.version === Number(options.version)) : list[0];
        if (!chosen)
          throw new AppError(
            'SECTOR_REPORT_NOT_FOUND',
            `No published sector report for ${options.year}${options.version ? ` version ${options.version}` : ''}`,
          );
        const published = await getPublished(deps, systemPrincipal, chosen.id);
        const bytes =
          options.format === 'pdf'
            ? await sectorReportPdf(published, lang)
            : options.format === 'xlsx'
              ? await sectorReportXlsx(published, lang)
              : options.format === 'csv'
                ? Buffer.from(sectorReportCsv(published, lang))
                : null;
        if (!bytes) throw new AppError('VALIDATION_FAILED', '--format is pdf, xlsx or csv');
        await fs.writeFile(options.out, bytes);
        console.log(
          `Skrev ${options.out} (${bytes.length} byte) fra versjon ${published.version}, ${published.contentHash}`,
        );
      }),
    );

  reporting
    .command('close')
    .description('close the cycle of a year: its reports no longer change')
    .requiredOption('--year <year>')
    .action(async (options: { year: string }) =>
      withDeps(async (deps) => {
        const cycle = await closeCycle(deps, systemPrincipal, (await cycleOfYear(deps, options.year)).id, new Date());
        console.log(`Rapporteringsrunde ${cycle.year} er lukket.`);
      }),
    );

  const contacts = reporting.command('contacts').description('reporting contacts per actor (reminders go to them)');
  contacts
    .command('list')
    .option('--json')
    .action(async (options: { json?: boolean }) =>
      withDeps(async (deps) => {
        const list = await listContacts(deps, systemPrincipal);
        print(
          options.json,
          { contacts: list },
          () => list.map((c) => `${c.actorId.padEnd(24)} ${c.email}  ${c.name}`).join('\n') || 'Ingen kontakter.',
        );
      }),
    );
  contacts
    .command('set <actorId> <email>')
    .option('--name <name>', "the contact's name", '')
    .action(async (actorId: string, email: string, options: { name: string }) =>
      withDeps(async (deps) => {
        const saved = await saveContact(deps, systemPrincipal, { actorId, email, name: options.name }, new Date());
        console.log(`Kontakt for ${saved.actorId}: ${saved.email}`);
      }),
    );
  contacts.command('remove <actorId> <email>').action(async (actorId: string, email: string) =>
    withDeps(async (deps) => {
      await removeContact(deps, systemPrincipal, actorId, email);
      console.log('Fjernet.');
    }),
  );
}
