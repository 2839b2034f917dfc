/**
 * The browser tests' harness: builds the web UI when its sources are newer than the build, starts Varde
 * in-process (an in-memory PGlite database, migrated, with the shipped catalogue loaded, serving the web UI on a
 * random port) and drives Debian's Chromium through playwright-core. `checkAccessibility` runs axe-core against
 * WCAG 2.1 A and AA and returns the violations in readable form.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { buildWebApp, webBuildIsStale } from '../../src/platform/http/web-app.js';
import { syncShippedEditions } from '../../src/modules/catalogue/index.js';

const require = createRequire(import.meta.url);
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningVarde {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly close: () => Promise<void>;
}

/**
 * Builds the UI when stale. Vite makes a development build (React's dev bundle) when NODE_ENV is set to anything
 * but "production", and Vitest sets it to "test", so the build runs with NODE_ENV=production.
 */
export async function ensureWebBuild(): Promise<void> {
  if (!(await webBuildIsStale())) return;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildWebApp((message) => console.log(message));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Varde with the shipped catalogue, listening on 127.0.0.1 at a random port. */
export async function startVarde(): Promise<RunningVarde> {
  await ensureWebBuild();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-browser-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', VARDE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, dataDir);
  const db = await openDatabase({ kind: 'memory' });
  await migrateToLatest(db);
  const synced = await syncShippedEditions(db, new Date());
  const refused = synced.filter((outcome) => outcome.outcome === 'refused');
  if (refused.length > 0) throw new Error(`The shipped catalogue was refused: ${JSON.stringify(refused)}`);
  const app = await buildApp({ config, db, logger: false, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Varde did not report a TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    db,
    close: async () => {
      await app.close();
      await db.destroy();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for Chromium to appear (it may still be being installed by apt), up to `timeoutMs`. */
async function waitForChromium(timeoutMs = 10 * 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await fs.access(chromiumPath).then(
      () => true,
      () => false,
    );
    if (found) return;
    if (Date.now() > until)
      throw new Error(`No Chromium at ${chromiumPath}; install it (apt-get install chromium) or set CHROMIUM_PATH`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

export async function launchBrowser(): Promise<Browser> {
  await waitForChromium();
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { target: string[]; html: string; failureSummary: string }[];
}

const axePath = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1, levels A and AA) on the page as it is now. axe is evaluated through the DevTools
 * protocol rather than added as a <script>, so Varde's Content-Security-Policy stays on during the test.
 */
export async function checkAccessibility(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) {
    axeSource ??= await fs.readFile(axePath, 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** The violations as text for a failing assertion's message. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5))
      lines.push(
        `    ${node.target.join(' ')}: ${node.html.slice(0, 160)}\n      ${node.failureSummary.replace(/\n/g, '\n      ')}`,
      );
  }
  return lines.join('\n');
}
