/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { PerformanceReport } from '../../src/performance/performance-types.ts';
import { sessionHeaders } from './admin-account.ts';
import {
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  seriousAccessibilityProblems,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const signedIn = sessionHeaders(baseUrl, inject('adminCookie'));
const sampleClaims = readFileSync(
  resolve(import.meta.dirname, '../../samples/claims/sample-claims.json'),
  'utf8',
);

/** Twenty questions: most answered from the starter library, some it cannot answer. */
const questions = [
  'Racz procedure',
  'can I bill 62264 and 62263 together?',
  '62264 with 77003?',
  '62264 with 77003-XS?',
  'how many units of 62323?',
  'is M54.16 covered for 62323?',
  'is M54.5 covered for 62323?',
  'what must the note show for 62264?',
  'can I use 50 with 64483?',
  '62264',
  'what does modifier XS mean?',
  '¿Puedo facturar 62264 con 77003?',
  '64483',
  '62263',
  'how many units of 62264?',
  'can I bill 62263 with 62264?',
  'what is the capital of France?',
  'What is the Whipple procedure?',
  'what is 99999?',
  'how many units of 99999?',
];

async function post<T>(path: string, body: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedIn },
    body,
  });
  expect(response.status, `${path}: ${response.status}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function report(query = ''): Promise<PerformanceReport> {
  const response = await fetch(`${baseUrl}/api/performance${query}`, { headers: signedIn });
  expect(response.status).toBe(200);
  return (await response.json()) as PerformanceReport;
}

/** Events are written about once a second: the report, once it counts at least this much. */
async function reportWithAtLeast(questions: number, claims: number): Promise<PerformanceReport> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const current = await report();
    if (current.answers.totals.questions >= questions && current.checks.totals.claims >= claims)
      return current;
    if (Date.now() > deadline)
      throw new Error(
        `the report still counts ${current.answers.totals.questions} questions and ${current.checks.totals.claims} claims`,
      );
    await new Promise((done) => setTimeout(done, 250));
  }
}

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const percent = (share: number | null) =>
  share === null
    ? '—No data'
    : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** The value shown in a KPI tile. */
const tile = (page: Page, key: string) =>
  page.locator(`.perf-tile[data-tile="${key}"] .perf-tile-value`).textContent();

/** Waits until both charts are drawn and returns how many canvases each chart holds. */
async function drawnCharts(page: Page): Promise<number[]> {
  await page.locator('.perf-chart-plot[data-state="drawn"] canvas').nth(1).waitFor();
  return page
    .locator('.perf-chart-plot')
    .evaluateAll((plots) => plots.map((plot) => plot.querySelectorAll('canvas').length));
}

describe('the Performance page', () => {
  let browser: Browser;
  let page: Page;
  let before: PerformanceReport;
  let after: PerformanceReport;
  let refused: string[];
  let claimsWithErrors: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser);
    // Other browser tests ask questions on the same server: count from what is there now.
    before = await report();
    refused = [];
    for (const question of questions) {
      const { answer } = await post<{ answer: { kind: string; verdict?: string } }>(
        '/api/threads',
        JSON.stringify({ question, dos: '2026-03-02' }),
      );
      // "The library cannot tell" does not answer the question either (issue 12 §5).
      if (answer.kind === 'not-found' || answer.verdict === 'cannot-tell') refused.push(question);
    }
    const checked = await post<{ claims: { summary: { errors: number } }[] }>(
      '/api/checks',
      sampleClaims,
    );
    expect(checked.claims).toHaveLength(11);
    claimsWithErrors = checked.claims.filter((c) => c.summary.errors > 0).length;
    after = await reportWithAtLeast(
      before.answers.totals.questions + questions.length,
      before.checks.totals.claims + 11,
    );
  });
  afterAll(async () => browser.close());

  test('the API counts the 20 questions asked, the refused ones, and the claims checked', () => {
    expect(refused).toContain('what is the capital of France?');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    const asked = after.answers.totals;
    expect(asked.questions - before.answers.totals.questions).toBe(20);
    expect(asked.refused - before.answers.totals.refused).toBe(refused.length);
    expect(asked.answered - before.answers.totals.answered).toBe(20 - refused.length);
    expect(asked.questions).toBeGreaterThanOrEqual(20);
    const checks = after.checks.totals;
    expect(checks.claims - before.checks.totals.claims).toBe(11);
    expect(checks.claimsWithErrors - before.checks.totals.claimsWithErrors).toBe(claimsWithErrors);
    // One row per refused question (issue 16), keyed by its codes or its words.
    const keys = after.library.gaps.map((g) => g.key);
    expect(keys).toEqual(expect.arrayContaining(['capital france', '99999']));
    expect(keys.filter((k) => k.includes('whipple'))).toHaveLength(1);
  });

  test('the page shows the same counts, both charts drawn, and the gaps with their upload link', async () => {
    await page.goto(`${baseUrl}/performance`);
    await page.getByRole('heading', { level: 1, name: 'Performance' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Questions and answers' }).waitFor();

    expect(await tile(page, 'questions')).toBe(count(after.answers.totals.questions));
    expect(await tile(page, 'answered')).toBe(percent(after.answers.totals.shareAnswered));
    expect(await tile(page, 'refused')).toBe(percent(after.answers.totals.shareRefused));
    expect(await tile(page, 'claims')).toBe(count(after.checks.totals.claims));
    expect(await tile(page, 'withErrors')).toBe(percent(after.checks.totals.shareWithErrors));
    expect(await tile(page, 'denials')).toBe(count(after.checks.totals.denialsPrevented));
    expect(
      await page.locator('.perf-tile[data-tile="refused"] .perf-tile-detail').textContent(),
    ).toBe(`${count(after.answers.totals.refused)} of ${count(after.answers.totals.questions)}`);

    // A canvas inside each chart container, which is labelled for screen readers.
    const canvases = await drawnCharts(page);
    expect(canvases).toHaveLength(2);
    for (const n of canvases) expect(n).toBeGreaterThan(0);
    const labels = await page
      .locator('.perf-chart-plot[role="img"]')
      .evaluateAll((plots) => plots.map((plot) => plot.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(2);
    expect(labels[0]).toContain(`${count(after.answers.totals.refused)} refused`);

    const gaps = page.getByRole('table', { name: /Refused questions grouped/ });
    for (const key of ['capital france', 'whipple', '99999'])
      await gaps.getByRole('rowheader', { name: new RegExp(`^${key}`) }).waitFor();
    expect(await gaps.textContent()).toContain('what is the capital of France?');
    const add = gaps.locator('a[href="/library?gap=capital%20france"]');
    expect(await add.count()).toBe(1);

    await screenshot(page, 'performance');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The gap's action opens the library, where documents are uploaded.
    await add.click();
    await page.waitForURL(/\/library\?gap=capital%20france$/);
    await page.getByLabel('Choose files').waitFor();
  });

  test('a new range goes into the address and the page follows it; CSV downloads that range', async () => {
    await page.goto(`${baseUrl}/performance`);
    await page.getByRole('heading', { level: 2, name: 'Claim checks' }).waitFor();
    await page.getByLabel('Group by').selectOption('week');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const { from, to } = after.range;
    await page.waitForURL((url) => url.search === `?from=${from}&to=${to}&granularity=week`);
    await page.getByRole('status').filter({ hasText: 'by week' }).waitFor();
    expect(await tile(page, 'questions')).toBe(count(after.answers.totals.questions));
    const weekly = await report(`?from=${from}&to=${to}&granularity=week`);
    const rows = page.locator('figure').first().locator('tbody tr');
    expect(await rows.count()).toBe(weekly.answers.periods.length);

    const csv = page.getByRole('link', { name: 'Download CSV' });
    expect(await csv.getAttribute('href')).toBe(
      `/api/performance.csv?from=${from}&to=${to}&granularity=week`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(download.suggestedFilename()).toBe(`codecard-performance-${from}-to-${to}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain(`Per week, ${from} to ${to}`);
    expect(text).toContain('capital');
  });

  test('"Show as table" works from the keyboard; the chart follows the window’s width', async () => {
    await page.goto(`${baseUrl}/performance`);
    await drawnCharts(page);
    const toggle = page.getByRole('button', { name: 'Show as table' }).first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const table = page.locator('figure').first().getByRole('table');
    expect(await table.isVisible()).toBe(true);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    const canvasWidth = () =>
      page
        .locator('.perf-chart-plot canvas')
        .first()
        .evaluate((canvas) => canvas.getBoundingClientRect().width);
    expect(await canvasWidth()).toBeGreaterThan(700);
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForFunction(
      () => document.querySelector('.perf-chart-plot canvas')!.getBoundingClientRect().width < 600,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('at 375 px nothing overflows sideways, charts included', async () => {
    const narrow = await openPage(browser, 375);
    await narrow.goto(`${baseUrl}/performance`);
    await drawnCharts(narrow);
    expect(await horizontalOverflow(narrow)).toBe(0);
    await screenshot(narrow, 'performance-375');
    await narrow.close();
  });

  test('in Arabic the page is right to left, its charts too, with no overflow at 375 px', async () => {
    for (const width of [1280, 375]) {
      const arabic = await openPage(browser, width);
      await arabic.goto(baseUrl);
      await arabic.evaluate(() => localStorage.setItem('codecard.locale', 'ar'));
      await arabic.goto(`${baseUrl}/performance`);
      await arabic.waitForFunction(() => document.documentElement.dir === 'rtl');
      await arabic.getByRole('heading', { level: 1, name: 'الأداء' }).waitFor();
      await arabic.getByRole('heading', { level: 2, name: 'الأسئلة والإجابات' }).waitFor();
      await drawnCharts(arabic);
      expect(await horizontalOverflow(arabic)).toBe(0);
      if (width === 1280) {
        // The tiles read from the right.
        const tiles = await arabic
          .locator('.perf-tile')
          .evaluateAll((els) => els.slice(0, 2).map((el) => el.getBoundingClientRect().left));
        expect(tiles[0]!).toBeGreaterThan(tiles[1]!);
        expect(await seriousAccessibilityProblems(arabic)).toEqual([]);
      }
      await screenshot(arabic, width === 1280 ? 'performance-ar' : 'performance-ar-375');
      await arabic.close();
    }
  });
});
