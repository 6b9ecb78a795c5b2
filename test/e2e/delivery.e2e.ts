/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const CARD = `${baseUrl}/codes/cpt/62264?dos=2026-03-02`;
const FIRST_LOAD_BUDGET = 300 * 1024;
/** The fonts of other scripts: Chinese, Korean and Arabic (each split by unicode-range). */
const OTHER_SCRIPT_FONTS = /noto-sans-(sc|kr|arabic)-/;

interface Transfer {
  path: string;
  /** Bytes over the wire (headers and compressed body); 0 when served from the cache. */
  transferSize: number;
  encodedBodySize: number;
}

/** Loads the card page and lists what came over the network (Resource Timing). */
async function load(page: Page, url = CARD): Promise<Transfer[]> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('main h1').filter({ hasText: '62264' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() =>
    [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ].map((entry) => {
      const timing = entry as PerformanceResourceTiming;
      return {
        path: new URL(timing.name).pathname,
        transferSize: timing.transferSize,
        encodedBodySize: timing.encodedBodySize,
      };
    }),
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (transfers: Transfer[]) => transfers.reduce((sum, t) => sum + t.transferSize, 0);

describe('delivery of the web app', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  test('English first load within 300 KB, compressed; a repeat load fetches only index.html', async () => {
    const page = await openPage(browser);
    const headers = new Map<string, Record<string, string>>();
    page.on('response', (response) =>
      headers.set(new URL(response.url()).pathname, response.headers()),
    );
    const first = await load(page);
    const bytes = total(first);
    const byKind = (test: RegExp) => kb(total(first.filter((t) => test.test(t.path))));
    console.log(
      `English first load of the card: ${kb(bytes)} in ${first.length} responses ` +
        `(scripts ${byKind(/\.js$/)}, styles ${byKind(/\.css$/)}, fonts ${byKind(/\.woff2?$/)}, ` +
        `API ${byKind(/^\/api\//)}, page ${byKind(/^\/codes\//)})`,
    );
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    const script = first.find((t) => /^\/assets\/index-.*\.js$/.test(t.path))!;
    expect(headers.get(script.path)?.['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(headers.get(script.path)?.['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headers.get('/codes/cpt/62264')?.['cache-control']).toBe('no-cache');
    expect(first.filter((t) => OTHER_SCRIPT_FONTS.test(t.path))).toEqual([]);

    // The same tab opens the card again: hashed assets come from the cache unasked.
    const again = await load(page);
    const fetched = again.filter((t) => t.transferSize > 0 && !/^\/(api|health)\//.test(t.path));
    console.log(
      `repeat load: ${kb(total(again))} (${fetched.map((t) => `${t.path} ${kb(t.transferSize)}`).join(', ')} and API and health answers)`,
    );
    expect(fetched.map((t) => t.path)).toEqual(['/codes/cpt/62264']);
    expect(again.filter((t) => t.path.startsWith('/assets/')).length).toBeGreaterThan(0);
    await page.context().close();
  });

  test('the Chinese page fetches the Chinese font; the English one fetched none', async () => {
    const page = await openPage(browser);
    await page.addInitScript(() => localStorage.setItem('codecard.locale', 'zh'));
    const transfers = await load(page);
    const fonts = transfers.filter((t) => OTHER_SCRIPT_FONTS.test(t.path));
    console.log(
      `Chinese first load: ${kb(total(transfers))}, of which CJK fonts ${kb(total(fonts))}`,
    );
    expect(fonts.some((t) => /noto-sans-sc-/.test(t.path))).toBe(true);
    expect(fonts.filter((t) => /noto-sans-(kr|arabic)-/.test(t.path))).toEqual([]);
    await page.context().close();
  });
});
