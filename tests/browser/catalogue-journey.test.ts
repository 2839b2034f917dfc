/**
 * The catalogue journey in a real browser: home page, measures filtered by an actor (and still filtered after a
 * reload), measure 4.6, the switch to English, and keyboard use, with axe-core finding no WCAG 2.1 A/AA violation
 * on any page visited. Expected values come from the API and the translation files, not from copies in the test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Locale, type MessageKey, type Vars } from '../../web/src/i18n/i18n.js';
import type { MeasureList } from '../../web/src/modules/catalogue/catalogue-api.js';
import type { MeasureView } from '../../src/modules/catalogue/index.js';
import { checkAccessibility, describeViolations, launchBrowser, startVarde, type RunningVarde } from './support.js';

let varde: RunningVarde;
let browser: Browser;

const nb = (key: MessageKey, vars?: Vars) => translate('nb', key, vars);
const en = (key: MessageKey, vars?: Vars) => translate('en', key, vars);

async function api<T>(path: string): Promise<T> {
  const response = await varde.app.inject({ method: 'GET', url: path });
  expect(response.statusCode, `GET ${path}`).toBe(200);
  return response.json() as T;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await checkAccessibility(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

/** Waits until the polite status line says how many measures are shown (in the given language). */
async function waitForCount(page: Page, locale: Locale, shown: number, total: number): Promise<void> {
  const key = shown === total ? 'measures.countAll' : 'measures.countShown';
  const text = translate(locale, `${key}.${shown === 1 ? 'one' : 'other'}` as MessageKey, { count: shown, total });
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

async function shownMeasureIds(page: Page): Promise<string[]> {
  return page.locator('table.measures-table tbody tr th').allTextContents();
}

/** A fresh browser context (no stored language choice). Script errors and CSP violations are collected. */
async function newPage(width = 1280): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nb-NO' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) problems.push(message.text());
  });
  return { context, page, problems };
}

beforeAll(async () => {
  varde = await startVarde();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await varde?.close();
});

describe('catalogue journey (Chromium, 1280 wide)', () => {
  it('home → measures filtered by an actor → reload → measure 4.6 → English, accessible all the way', async () => {
    const { context, page, problems } = await newPage();
    const all = await api<MeasureList>('/api/v1/catalogue/measures');
    const forActor = await api<MeasureList>('/api/v1/catalogue/measures?actor=helse-sor-ost');
    const measure = await api<MeasureView>('/api/v1/catalogue/measures/4.6');
    expect(forActor.count).toBeGreaterThan(0);
    expect(forActor.count).toBeLessThan(all.count);
    expect(forActor.measures.map((m) => m.id)).toContain('4.6');

    // Home: what Varde is, in bokmål, with the catalogue's numbers.
    await page.goto(`${varde.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: nb('home.title') }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    await page
      .locator('.figure', { hasText: nb('home.figures.measures') })
      .filter({ hasText: String(all.count) })
      .first()
      .waitFor();
    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(nb('shell.skipToContent'));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    await expectAccessible(page, 'home');

    // Measures, from the main navigation.
    await page
      .getByRole('navigation', { name: nb('shell.mainNavigation') })
      .getByRole('link', { name: nb('nav.measures'), exact: true })
      .click();
    await page.waitForURL(/\/measures$/);
    await waitForCount(page, 'nb', all.count, all.count);
    expect(await shownMeasureIds(page)).toEqual(all.measures.map((m) => m.id));

    // Filter by a responsible actor: the list is the API's answer for that actor, and the filter is in the URL.
    await page.getByLabel(nb('filters.actor'), { exact: true }).selectOption('helse-sor-ost');
    await page.waitForURL(/[?&]actor=helse-sor-ost/);
    await waitForCount(page, 'nb', forActor.count, all.count);
    expect(await shownMeasureIds(page)).toEqual(forActor.measures.map((m) => m.id));
    await expectAccessible(page, 'measures filtered by actor');

    // A reload keeps the filter.
    await page.reload();
    await waitForCount(page, 'nb', forActor.count, all.count);
    expect(await page.getByLabel(nb('filters.actor'), { exact: true }).inputValue()).toBe('helse-sor-ost');
    expect(await shownMeasureIds(page)).toEqual(forActor.measures.map((m) => m.id));

    // Measure 4.6: every field the catalogue holds, responsible actors as links, and where it comes from.
    await page.getByRole('link', { name: measure.title, exact: true }).click();
    await page.waitForURL(/\/measures\/4\.6$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: measure.title }).waitFor();
    expect(await heading.textContent()).toContain(measure.id);
    const firstParagraph = measure.description.split('\n')[0]?.trim() ?? '';
    await page.getByText(firstParagraph).waitFor();
    for (const actor of measure.responsible.actors) {
      const link = page.getByRole('link', { name: actor.name, exact: true }).first();
      expect(await link.getAttribute('href')).toBe(`/actors/${actor.id}`);
    }
    await page.getByRole('link', { name: `${measure.area.id} ${measure.area.name}` }).waitFor();
    await page.getByText(measure.source.section, { exact: false }).first().waitFor();
    await page.getByText(measure.relevantFor.text).first().waitFor();
    // The way back to the list keeps the filter.
    const backHrefs = await page
      .getByRole('link', { name: nb('nav.measures'), exact: true })
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(backHrefs).toContain('/measures?actor=helse-sor-ost');
    await expectAccessible(page, 'measure 4.6');

    // Switch to English: the interface changes language, the choice is kept, and the content stays bokmål.
    await page.getByRole('button', { name: nb('shell.otherLanguage') }).click();
    await page.getByRole('heading', { level: 2, name: en('measure.description') }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(en('measure.description')).not.toBe(nb('measure.description'));
    const nav = page.getByRole('navigation', { name: en('shell.mainNavigation') });
    await nav.getByRole('link', { name: en('nav.measures'), exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: nb('nav.measures'), exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: en('shell.otherLanguage') }).waitFor();
    expect(await heading.textContent()).toContain(measure.title);
    await expectAccessible(page, 'measure 4.6 in English');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: en('measure.description') }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await nav.getByRole('link', { name: en('nav.measures'), exact: true }).click();
    await page.getByLabel(en('filters.actor'), { exact: true }).waitFor();
    await waitForCount(page, 'en', all.count, all.count);
    await expectAccessible(page, 'measures in English');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the filters are reachable and usable with the keyboard alone', async () => {
    const { context, page, problems } = await newPage();
    const found = await api<MeasureList>('/api/v1/catalogue/measures?q=logg');
    const all = await api<MeasureList>('/api/v1/catalogue/measures');
    expect(found.count).toBeGreaterThan(0);
    await page.goto(`${varde.baseUrl}/measures`);
    await waitForCount(page, 'nb', all.count, all.count);

    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | HTMLSelectElement | null;
        return { tag: element?.tagName ?? '', name: element?.getAttribute('name') ?? '' };
      });
    const reached = new Set<string>();
    for (let presses = 0; presses < 40 && !reached.has('input:q'); presses++) {
      await page.keyboard.press('Tab');
      const { tag, name } = await focused();
      if (name) reached.add(`${tag.toLowerCase()}:${name}`);
    }
    for (const filter of ['area', 'actor', 'audience', 'kind', 'responsibility'])
      expect(reached).toContain(`select:${filter}`);
    expect(reached).toContain('input:q');

    await page.keyboard.type('logg');
    await page.waitForURL(/[?&]q=logg/);
    await waitForCount(page, 'nb', found.count, all.count);
    expect(await shownMeasureIds(page)).toEqual(found.measures.map((m) => m.id));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('other catalogue pages are accessible', () => {
  it('actors: the responsibility matrix shows every responsible actor and the unplaced measures as a gap', async () => {
    const matrix = await api<{
      actors: { id: string; shortName: string }[];
      unplaced: { id: string; title: string }[];
    }>('/api/v1/catalogue/responsibility-matrix');
    expect(matrix.unplaced.length).toBeGreaterThan(0);
    const { context, page, problems } = await newPage();
    await page.goto(`${varde.baseUrl}/actors`);
    const table = page.getByRole('table', { name: nb('actors.matrixCaption') });
    await table.waitFor();
    const columns = await table.locator('thead th.matrix__actor').allTextContents();
    expect(columns).toEqual(matrix.actors.map((a) => a.shortName));
    const gap = page.locator('.gap-alert');
    await gap
      .getByRole('heading', {
        name: translate('nb', `actors.gapHeading.${matrix.unplaced.length === 1 ? 'one' : 'other'}`, {
          count: matrix.unplaced.length,
        }),
      })
      .waitFor();
    for (const measure of matrix.unplaced)
      await gap.getByRole('link', { name: `${measure.id} ${measure.title}` }).waitFor();
    expect(await table.locator('td.matrix__gap').count()).toBe(matrix.unplaced.length);
    await expectAccessible(page, 'actors (matrix)');

    const actor = await api<{ name: string }>('/api/v1/catalogue/actors/helsecert');
    await page.goto(`${varde.baseUrl}/actors/helsecert`);
    await page.getByRole('heading', { level: 1, name: actor.name }).waitFor();
    await expectAccessible(page, 'actor page');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('areas: the chart has a table with the same numbers, and the page passes axe', async () => {
    const areas = await api<{ areas: { id: string; name: string; measureIds: string[] }[] }>('/api/v1/catalogue/areas');
    const { context, page, problems } = await newPage();
    await page.goto(`${varde.baseUrl}/areas`);
    const table = page.getByRole('table', { name: nb('areas.tableCaption') });
    await table.waitFor();
    await page.locator('.area-chart svg').first().waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '')),
      );
    expect(rows.map((cells) => [cells[0], cells[3]])).toEqual(
      areas.areas.map((a) => [`${a.id} ${a.name}`, String(a.measureIds.length)]),
    );
    await expectAccessible(page, 'areas');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('strategic areas, basic measures and an unknown address pass axe', async () => {
    const { context, page, problems } = await newPage();
    for (const [path, title] of [
      ['/strategic-areas', nb('strategicAreas.title')],
      ['/basic-measures', nb('basic.title')],
      ['/no-such-page', nb('notFound.title')],
      ['/measures/99.99', nb('notFound.title')],
    ] as const) {
      await page.goto(`${varde.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectAccessible(page, path);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('narrow screens (390 wide)', () => {
  it('measures show as cards, the menu folds, and the pages pass axe', async () => {
    const all = await api<MeasureList>('/api/v1/catalogue/measures');
    const { context, page, problems } = await newPage(390);
    await page.goto(`${varde.baseUrl}/measures`);
    await waitForCount(page, 'nb', all.count, all.count);
    expect(await page.locator('table.measures-table').count()).toBe(0);
    expect(await page.locator('.measure-card').count()).toBe(all.count);

    const menu = page.getByRole('button', { name: nb('shell.menu') });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const navLink = page
      .getByRole('navigation', { name: nb('shell.mainNavigation') })
      .getByRole('link', { name: nb('nav.actors') });
    expect(await navLink.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await navLink.click();
    await page.waitForURL(/\/actors$/);
    await page.locator('.actor-card').first().waitFor();
    await expectAccessible(page, 'actors on a narrow screen');

    await page.goto(`${varde.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: nb('home.title') }).waitFor();
    await expectAccessible(page, 'home on a narrow screen');
    expect(problems).toEqual([]);
    await context.close();
  });
});
