/**
 * Journey 3 of PRODUCT.md in a real browser, as the demo personas: the strategy owner runs the coverage analysis,
 * sees that principle 2.9 (recovery of data) and small enterprises are poorly covered, proposes a measure in a
 * draft and sees the gap close beside the published edition, then publishes the draft as a new edition. A ministry
 * reader sees the analysis but not the drafts. An administrator imports a CISO Assistant framework through the UI,
 * a broken file is refused with its line, and the NSM library downloads in both formats. axe-core finds no WCAG 2.1
 * A/AA violation on the pages visited. Screenshots go to SCREENSHOT_DIR when it is set.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { syncShippedMappings } from '../../src/modules/analysis/index.js';
import { syncShippedEditions } from '../../src/modules/catalogue/index.js';
import { syncShippedFrameworks } from '../../src/modules/frameworks/index.js';
import { seedIdentityDemo } from '../../src/modules/identity/index.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { translate, type MessageKey, type Vars } from '../../web/src/i18n/i18n.js';
import { checkAccessibility, describeViolations, ensureWebBuild, launchBrowser } from './support.js';

const nb = (key: MessageKey, vars?: Vars) => translate('nb', key, vars);
const screenshotDir = process.env.SCREENSHOT_DIR;

let app: FastifyInstance;
let db: Db;
let baseUrl: string;
let dataDir: string;
let browser: Browser;
let draftUrl: string;
const contexts = new Map<string, BrowserContext>();

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  await ensureWebBuild();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-analysis-journey-'));
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
    },
    dataDir,
  );
  db = await openDatabase({ kind: 'memory' });
  await migrateToLatest(db);
  const now = new Date();
  await syncShippedEditions(db, now);
  await seedIdentityDemo(db, now);
  await syncShippedFrameworks(db, now);
  const mappings = await syncShippedMappings(db, now);
  expect(mappings.map((m) => m.outcome)).toEqual(['imported']);
  app = await buildApp({ config, db, logger: false, serveWeb: true });
  await app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.destroy();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** A page logged in as a demo persona ('anonymous' for none); each persona has its own cookie jar. */
async function as(persona: string): Promise<Page> {
  let context = contexts.get(persona);
  if (!context) {
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nb-NO',
      acceptDownloads: true,
    });
    if (persona !== 'anonymous') {
      const login = await context.request.post(`${baseUrl}/api/v1/auth/demo-login`, { data: { persona } });
      expect(login.status(), `demo login as ${persona}`).toBe(200);
    }
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

async function shot(page: Page, name: string): Promise<void> {
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}

const heatRow = (page: Page, code: string) =>
  page
    .getByRole('table', { name: nb('analysis.heatmap.caption.principles') })
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: new RegExp(`^${code.replace('.', '\\.')}\\s`) }),
    });

describe('journey 3: coverage and gap analysis with a what-if draft', () => {
  it('the strategy owner sees that recovery of data is poorly covered, also for small enterprises', async () => {
    const page = await as('strategy-owner');
    await page.goto(`${baseUrl}/analysis`);
    await page.getByRole('heading', { level: 1, name: nb('analysis.title') }).waitFor();
    await page.getByRole('heading', { name: nb('analysis.note.heading') }).waitFor();
    const recovery = heatRow(page, '2.9');
    await expect(recovery.getByRole('cell').nth(0).textContent()).resolves.toBe(`0,75${nb('analysis.level.partial')}`);
    // Columns: overall, whole sector, large, small, municipalities, existing, new, gaps.
    await expect(recovery.getByRole('cell').nth(3).textContent()).resolves.toBe(`0,50${nb('analysis.level.partial')}`);
    await recovery.getByText(nb('analysis.gap.weak')).waitFor();
    await heatRow(page, '1.3').getByText(nb('analysis.gap.none')).waitFor();
    await page.getByRole('heading', { name: nb('analysis.gaps.heading') }).scrollIntoViewIfNeeded();
    await shot(page, 'analysis-heatmap');
    await expectAccessible(page, '/analysis (strategy owner)');
    await page.getByRole('tab', { name: nb('analysis.dimension.goals') }).click();
    await page.getByRole('table', { name: nb('analysis.heatmap.caption.goals') }).waitFor();
    await expectAccessible(page, '/analysis goals tab');
    await page.close();
  });

  it('starts a draft and proposes a shared backup service for small enterprises and municipalities', async () => {
    const page = await as('strategy-owner');
    await page.goto(`${baseUrl}/analysis`);
    await page.getByLabel(nb('analysis.drafts.title')).fill('Gjenoppretting for små virksomheter');
    await page.getByLabel(nb('analysis.drafts.proposedEdition')).fill('v0.8');
    await page.getByRole('button', { name: nb('analysis.drafts.create') }).click();
    await page.waitForURL(/\/analysis\/drafts\//).catch(async (error: unknown) => {
      await shot(page, 'draft-create-failed');
      throw error;
    });
    await page
      .getByRole('heading', {
        level: 1,
        name: nb('analysis.draft.title', { title: 'Gjenoppretting for små virksomheter' }),
      })
      .waitFor();
    draftUrl = page.url();
    await page.getByText(nb('analysis.draft.noChanges')).waitFor();
    await expectAccessible(page, 'empty draft');

    const form = page.getByRole('form', { name: nb('analysis.propose.heading') });
    await form.getByLabel(nb('analysis.propose.area'), { exact: true }).selectOption('2');
    await form.getByLabel(nb('analysis.propose.number'), { exact: true }).fill('2.9');
    await form
      .getByLabel(nb('analysis.propose.title'), { exact: true })
      .fill('Felles tjeneste for sikkerhetskopiering og gjenoppretting');
    await form
      .getByLabel(nb('analysis.propose.description'), { exact: true })
      .fill(
        'Et felles tilbud om sikkerhetskopier som er beskyttet og testes jevnlig, for virksomheter uten egen driftsavdeling.',
      );
    await form.getByRole('checkbox', { name: nb('audience.small-enterprises') }).check();
    await form.getByRole('checkbox', { name: nb('audience.municipalities') }).check();
    await form.getByLabel(nb('analysis.propose.relevantFor'), { exact: true }).fill('Små virksomheter og kommuner');
    await form.getByRole('button', { name: nb('analysis.links.add.principles') }).click();
    await form.getByLabel(nb('analysis.links.target'), { exact: true }).selectOption('2.9');
    await form
      .getByLabel(nb('analysis.links.reasonNb'), { exact: true })
      .fill('Tjenesten gir sikkerhetskopier som kan gjenopprettes.');
    await form
      .getByLabel(nb('analysis.links.reasonEn'), { exact: true })
      .fill('The service provides backups that can be restored.');
    await form
      .getByLabel(nb('analysis.propose.note'), { exact: true })
      .fill('Gapet for gjenoppretting i små virksomheter');
    await expectAccessible(page, 'draft with the proposal form filled in');
    await form.getByRole('button', { name: nb('analysis.propose.submit') }).click();

    // The gap closes beside the published edition.
    await page.getByRole('heading', { name: nb('analysis.compare.gapsClosed') }).waitFor();
    const table = page.getByRole('table', { name: nb('analysis.compare.caption.principles') });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^2\.9\s/ }) });
    await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe(
      `0,75 → 1,00(+0,25) ${nb('analysis.level.covered')}`,
    );
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe(
      `0,50 → 1,00(+0,50) ${nb('analysis.level.covered')}`,
    );
    await row.getByText(nb('analysis.compare.closed', { gap: nb('analysis.gap.weak') })).waitFor();
    await page.getByRole('cell', { name: /2\.9 Felles tjeneste for sikkerhetskopiering/ }).waitFor();
    await page.getByRole('switch', { name: nb('analysis.compare.onlyChanged') }).check();
    await expect(table.getByRole('row').count()).resolves.toBe(2);
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'analysis-draft-comparison');
    await expectAccessible(page, 'draft with the gap closed');
    await page.close();
  });

  it('a ministry reader sees the analysis but not the drafts', async () => {
    const page = await as('ministry-reader');
    await page.goto(`${baseUrl}/analysis`);
    await heatRow(page, '2.9').waitFor();
    await expect(page.getByRole('heading', { name: nb('analysis.drafts.heading') }).count()).resolves.toBe(0);
    await page.goto(draftUrl);
    await page.getByText(nb('error.FORBIDDEN')).first().waitFor();
    await expect(page.getByText('Felles tjeneste for sikkerhetskopiering').count()).resolves.toBe(0);
    await page.close();
    const anonymous = await as('anonymous');
    await anonymous.goto(`${baseUrl}/analysis`);
    await heatRow(anonymous, '2.9').waitFor();
    await expectAccessible(anonymous, '/analysis (not logged in)');
    await anonymous.close();
  });

  it('the strategy owner publishes the draft as edition v0.8, and the analysis follows', async () => {
    const page = await as('strategy-owner');
    await page.goto(draftUrl);
    await page.getByRole('button', { name: nb('analysis.publish.button') }).click();
    await page.getByLabel(nb('analysis.publish.editionTitle')).fill('Tiltaksoversikt v0.8 (utkast fra Varde)');
    await page.getByRole('button', { name: nb('analysis.publish.confirm') }).click();
    await page.getByText(nb('analysis.publish.done', { edition: 'v0.8' })).waitFor();
    await expect(heatRow(page, '2.9').getByRole('cell').nth(0).textContent()).resolves.toBe(
      `1,00${nb('analysis.level.covered')}`,
    );
    await page.goto(`${baseUrl}/measures/2.9`);
    await page.getByRole('heading', { level: 1, name: /Felles tjeneste for sikkerhetskopiering/ }).waitFor();
    await page.close();
  });
});

describe('framework library in the browser', () => {
  it('an administrator imports a CISO Assistant framework, and a broken file is refused with its line', async () => {
    const page = await as('administrator');
    await page.goto(`${baseUrl}/frameworks`);
    await page.getByRole('heading', { level: 1, name: nb('frameworks.title') }).waitFor();
    await page.getByRole('link', { name: 'NSMs grunnprinsipper for IKT-sikkerhet 2.1', exact: true }).waitFor();
    await expectAccessible(page, '/frameworks');
    const fixture = path.resolve(
      import.meta.dirname,
      '../../src/modules/frameworks/fixtures/ciso-nist-csf-2.0-excerpt.yaml',
    );
    await page.getByLabel(nb('frameworks.import.file')).setInputFiles(fixture);
    await page.getByRole('button', { name: nb('frameworks.import.submit') }).click();
    await page.getByText(nb('frameworks.import.imported', { name: 'NIST CSF version 2.0', version: 6 })).waitFor();
    await page.getByRole('link', { name: 'NIST CSF version 2.0', exact: true }).waitFor();

    await page.getByLabel(nb('frameworks.import.file')).setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from((await fs.readFile(fixture, 'utf8')).replace('assessable: true', 'assessable: maybe')),
    });
    await page.getByRole('button', { name: nb('frameworks.import.submit') }).click();
    await page.getByText(nb('error.FRAMEWORK_INVALID')).waitFor();
    await page
      .getByText(/^broken\.yaml:\d+ objects\.framework\.requirement_nodes\[\d\]\.assessable$/)
      .first()
      .waitFor();
    await shot(page, 'frameworks-import-refused');
    await expectAccessible(page, '/frameworks with a refused import');
    await page.close();
  });

  it('shows the NSM tree and downloads it in both formats', async () => {
    const page = await as('anonymous');
    await page.goto(`${baseUrl}/frameworks/NSM-GP-2.1`);
    await page.getByRole('heading', { level: 1, name: 'NSMs grunnprinsipper for IKT-sikkerhet 2.1' }).waitFor();
    await page.getByText('Etabler evne til gjenoppretting av data').waitFor();
    await expectAccessible(page, '/frameworks/NSM-GP-2.1');
    for (const [label, fileName] of [
      [nb('frameworks.export.varde'), 'nsm-grunnprinsipper-2.1.yaml'],
      [nb('frameworks.export.ciso'), 'nsm-grunnprinsipper-2.1.ciso.yaml'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
    }
    await page.close();
  });
});
