/**
 * Journey 2 of PRODUCT.md in a real browser, as the demo personas: the strategy owner opens this year's reporting
 * cycle; Norsk Helsenett reports and submits; Helsetilsynet only saves a draft, is late and gets a reminder (in the
 * app and by e-mail through a local SMTP server); the strategy owner approves, compiles and publishes the sector
 * report and downloads it as PDF and XLSX; the ministry reader sees the status dashboard. A measure owner cannot
 * open another actor's report. axe-core finds no WCAG 2.1 A/AA violation on the pages visited.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { syncShippedEditions } from '../../src/modules/catalogue/index.js';
import { seedIdentityDemo } from '../../src/modules/identity/index.js';
import { drainOutbox, seedReportingDemo, smtpMailer } from '../../src/modules/reporting/index.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { readXlsx } from '../../src/platform/export/index.js';
import { translate, type MessageKey, type Vars } from '../../web/src/i18n/i18n.js';
import { checkAccessibility, describeViolations, ensureWebBuild, launchBrowser } from './support.js';

const nb = (key: MessageKey, vars?: Vars) => translate('nb', key, vars);

let app: FastifyInstance;
let db: Db;
let baseUrl: string;
let dataDir: string;
let browser: Browser;
let smtp: SMTPServer;
let smtpPort: number;
const received: { to: string[]; raw: string }[] = [];
const year = new Date().getFullYear();
let cycleId: string;
let nhnReportId: string;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startSmtp(): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as net.AddressInfo).port;
}

beforeAll(async () => {
  await ensureWebBuild();
  await startSmtp();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-reporting-journey-'));
  // The public address must be the one the browser uses: state-changing requests are checked against its origin.
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      VARDE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      VARDE_DEMO: 'true',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    },
    dataDir,
  );
  db = await openDatabase({ kind: 'memory' });
  await migrateToLatest(db);
  const now = new Date();
  await syncShippedEditions(db, now);
  await seedIdentityDemo(db, now);
  // Two published years for the trend; this year's cycle is opened by the strategy owner in the browser.
  await seedReportingDemo(db, now, { openCurrentCycle: false });
  app = await buildApp({ config, db, logger: false, serveWeb: true });
  await app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.destroy();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const contexts = new Map<string, BrowserContext>();

/** A browser page logged in as a demo persona (each persona has its own cookie jar). */
async function as(persona: string): Promise<Page> {
  let context = contexts.get(persona);
  if (!context) {
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nb-NO',
      acceptDownloads: true,
    });
    const login = await context.request.post(`${baseUrl}/api/v1/auth/demo-login`, { data: { persona } });
    expect(login.status(), `demo login as ${persona}`).toBe(200);
    contexts.set(persona, context);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await checkAccessibility(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

describe('journey 2: annual status reporting to the ministry', () => {
  it('the strategy owner opens the cycle of the year', async () => {
    const page = await as('strategy-owner');
    await page.goto(`${baseUrl}/reporting`);
    await page.getByRole('heading', { level: 1, name: nb('reporting.home.title') }).waitFor();
    await page.getByRole('link', { name: nb('reporting.cycles.name', { year: year - 1 }) }).waitFor();
    await expectAccessible(page, '/reporting (strategy owner)');
    await page.getByLabel(nb('reporting.open.year')).fill(String(year));
    await page.getByLabel(nb('reporting.open.dueDate')).fill(`${year}-12-31`);
    await page.getByRole('button', { name: nb('reporting.open.submit') }).click();
    await page.getByRole('heading', { level: 1, name: nb('reporting.cycles.name', { year }) }).waitFor();
    cycleId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: nb('reporting.cycle.progressHeading') }).waitFor();
    await page.getByRole('rowheader', { name: /Helsetilsynet/ }).waitFor();
    await expect(page.getByText('1.10 Etablere felles satsning for sikring av IOT-løsninger')).toBeDefined();
    await page.getByRole('link', { name: /1\.10 Etablere felles satsning/ }).waitFor();
    await expectAccessible(page, 'cycle overview');
    await page.close();
  });

  it('Norsk Helsenett fills in and submits its report on measure 4.6', async () => {
    const page = await as('measure-owner-nhn');
    await page.goto(`${baseUrl}/reporting/my`);
    await page.getByRole('heading', { level: 1, name: nb('reporting.my.title') }).waitFor();
    await expectAccessible(page, '/reporting/my');
    await page.getByRole('link', { name: '4.6 Statistisk logganalyse' }).click();
    await page.getByRole('heading', { name: nb('reporting.form.heading') }).waitFor();
    nhnReportId = page.url().split('/').pop() ?? '';
    // Last year's report of the same measure and actor is shown beside this one.
    await page.getByRole('heading', { name: nb('reporting.earlier.year', { year: year - 1 }) }).waitFor();
    await page.getByLabel(nb('reporting.field.status')).selectOption('in-operation');
    await page
      .getByLabel(nb('reporting.field.progress'))
      .fill('Plattformen for statistisk logganalyse er i drift for tre helseforetak, og flere kobles på i høst.');
    await page.getByRole('radio', { name: nb('reporting.contribution.high') }).check();
    await page
      .getByLabel(nb('reporting.field.contribution.text'))
      .fill('Misbruk av journaltilgang oppdages raskere og mer treffsikkert.');
    await page.getByLabel(nb('reporting.field.nextSteps')).fill('Koble på de øvrige helseforetakene i regionen.');
    await expectAccessible(page, 'report form');
    await page.getByRole('button', { name: nb('reporting.form.submit') }).click();
    await page.getByText(nb('reporting.form.submitted')).waitFor();
    await page.getByText(nb('reporting.state.submitted')).first().waitFor();
    await page.close();
  });

  it('Helsetilsynet saves a draft but does not submit, and cannot open the report of Norsk Helsenett', async () => {
    const page = await as('measure-owner-helsetilsynet');
    await page.goto(`${baseUrl}/reporting/my`);
    await page.getByRole('link', { name: /2\.8 Styrke IKT-tilsyn/ }).click();
    await page
      .getByLabel(nb('reporting.field.progress'))
      .fill('Tilsynsplanen for året er lagt, men tilsynene er ikke gjennomført ennå.');
    await page.getByRole('button', { name: nb('reporting.form.save') }).click();
    await page.getByText(nb('reporting.form.saved')).waitFor();
    await page.goto(`${baseUrl}/reporting/reports/${nhnReportId}`);
    await page.getByText(nb('error.STATUS_REPORT_NOT_FOUND')).waitFor();
    await expect(page.getByText('Plattformen for statistisk logganalyse').count()).resolves.toBe(0);
    await page.close();
  });

  it('the late actor gets a reminder in the app and by e-mail', async () => {
    const page = await as('strategy-owner');
    await page.goto(`${baseUrl}/reporting/cycles/${cycleId}`);
    await page.getByRole('button', { name: `${nb('reporting.cycle.remind')} Helsetilsynet` }).click();
    await page.getByText(nb('reporting.cycle.reminded', { name: 'Helsetilsynet' })).waitFor();
    await page.close();
    const delivered = await drainOutbox(
      db,
      smtpMailer({ url: `smtp://127.0.0.1:${smtpPort}`, from: 'varde@demo.example' }),
      new Date(),
    );
    expect(delivered.failed).toBe(0);
    const reminder = received.find(
      (m) => m.to.includes('tilsyn-ikt@helsetilsynet.example') && /P=C3=A5minnelse|Påminnelse/.test(m.raw),
    );
    expect(reminder, 'reminder e-mail to Helsetilsynet').toBeDefined();

    const tilsyn = await as('measure-owner-helsetilsynet');
    await tilsyn.goto(`${baseUrl}/reporting/my`);
    await tilsyn.getByText(/Påminnelse: 1 rapport\(er\) for/).waitFor();
    await tilsyn.close();
  });

  it('the strategy owner approves, publishes and downloads the sector report as PDF and XLSX', async () => {
    const page = await as('strategy-owner');
    await page.goto(`${baseUrl}/reporting/reports/${nhnReportId}`);
    await page.getByRole('heading', { name: nb('reporting.review.heading') }).waitFor();
    await expectAccessible(page, 'report review');
    await page.getByRole('button', { name: nb('reporting.review.approve') }).click();
    await page.getByText(nb('reporting.review.approved')).waitFor();
    await page.goto(`${baseUrl}/reporting/cycles/${cycleId}`);
    await page.getByText(/^Sammenstilt nå: 1 av 40 rapporter/).waitFor();
    await page.getByRole('button', { name: nb('reporting.cycle.publish') }).click();
    await page.getByText(nb('reporting.cycle.published')).waitFor();
    await page.getByRole('link', { name: nb('reporting.publication.name', { year, version: 1 }) }).click();
    await page
      .getByRole('heading', { level: 1, name: nb('reporting.publication.name', { year, version: 1 }) })
      .waitFor();
    await expectAccessible(page, 'published sector report');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: nb('reporting.publication.download.pdf') }).click(),
    ]);
    const pdfBytes = await fs.readFile((await pdf.path()) ?? '');
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.suggestedFilename()).toBe(`sektorrapport-${year}-v1.pdf`);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: nb('reporting.publication.download.xlsx') }).click(),
    ]);
    const sheets = await readXlsx(await fs.readFile((await xlsx.path()) ?? ''));
    const rows = sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(41);
    expect(rows.some((r) => r[3] === '4.6' && r[9] === 'I drift')).toBe(true);
    await page.close();
  });

  it('the ministry reader sees the status dashboard with the trend over three years', async () => {
    const page = await as('ministry-reader');
    await page.goto(`${baseUrl}/reporting/dashboard`);
    await page.getByRole('heading', { level: 1, name: nb('reporting.dashboard.title') }).waitFor();
    await page.getByRole('heading', { name: nb('reporting.dashboard.byArea', { year }) }).waitFor();
    await page.getByRole('table', { name: nb('reporting.dashboard.trendCaption') }).waitFor();
    const years = await page
      .getByRole('table', { name: nb('reporting.dashboard.trendCaption') })
      .locator('tbody th')
      .allTextContents();
    expect(years).toEqual([String(year - 2), String(year - 1), String(year)]);
    await page.locator('.rep-chart svg').first().waitFor();
    expect(await page.locator('.rep-chart[role="img"]').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'ministry dashboard');
    await page.screenshot({ path: path.join(os.tmpdir(), 'varde-reporting-dashboard.png'), fullPage: true });
    await page.close();
  });
});
