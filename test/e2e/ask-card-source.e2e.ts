/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  horizontalOverflow,
  launchWithPage,
  openPage,
  screenshot,
  seriousAccessibilityProblems,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const arabic = /[\u0600-\u06FF]/;

describe('ask, the code card and the source viewer', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launchWithPage());
  });
  afterAll(async () => browser.close());

  test('asking "62264" shows its card with citations that open their sources', async () => {
    await page.goto(baseUrl);
    await page.getByLabel('Your question').fill('62264');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const openCard = page.getByRole('link', { name: 'Open the full card for 62264' });
    await openCard.waitFor();
    expect(await page.locator('main a[href^="/sources/"]').count()).toBeGreaterThan(0);
    await page.waitForURL(/\/threads\//);
    await screenshot(page, 'ask-62264');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await openCard.click();
    await page.getByRole('heading', { level: 1, name: /62264/ }).waitFor();
    expect(await page.locator('main a[href^="/sources/"]').count()).toBeGreaterThan(2);
    await screenshot(page, 'card-62264');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Table rows' sources sit in collapsed sections: the first visible one is in Sources.
    await page.locator('main a[href^="/sources/"]:visible').first().click();
    await page.waitForURL(/\/sources\/\d+\?locator=/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const cited = page.locator('main mark, main table');
    await cited.first().waitFor();
    await screenshot(page, 'source');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  test('a quoted citation opens the passage with the cited words marked', async () => {
    await page.goto(baseUrl);
    await page.getByLabel('Your question').fill('what does modifier XS mean?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const source = page.locator('main a[href^="/sources/"]').first();
    await source.waitFor();
    await source.click();
    const mark = page.locator('main mark').first();
    await mark.waitFor();
    expect(await mark.textContent()).toMatch(/XS/);
    const narrow = await openPage(browser, 375);
    await narrow.goto(page.url());
    await narrow.locator('main mark').first().waitFor();
    expect(await horizontalOverflow(narrow)).toBe(0);
    await screenshot(narrow, 'narrow-source');
    await narrow.close();
  });

  test('in العربية the card page is right-to-left with Arabic headings', async () => {
    await page.goto(`${baseUrl}/codes/cpt/62264?dos=2026-03-02`);
    await page.getByRole('heading', { level: 1, name: /62264/ }).waitFor();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('main h2')).some((h) =>
        /[\u0600-\u06FF]/.test(h.textContent ?? ''),
      ),
    );
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.some((h) => arabic.test(h))).toBe(true);
    await screenshot(page, 'card-62264-ar');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  test('the ask page works with the keyboard alone', async () => {
    await page.goto(baseUrl);
    await page.getByLabel('Your question').focus();
    await page.keyboard.type('can I bill 62264 with 62263?');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.getByText('Not allowed together').first().waitFor();
    // The verdict's source is reachable by tabbing from the answer.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() =>
        (document.activeElement?.getAttribute('href') ?? '').startsWith('/sources/'),
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sources\//);
  });

  test('at 375 px wide nothing overflows sideways', async () => {
    const narrow = await openPage(browser, 375);
    for (const path of ['/', '/codes/cpt/62264?dos=2026-03-02', '/library', '/check']) {
      await narrow.goto(`${baseUrl}${path}`);
      await narrow.getByRole('heading', { level: 1 }).first().waitFor();
      await narrow.waitForLoadState('networkidle');
      expect({ path, overflow: await horizontalOverflow(narrow) }).toEqual({ path, overflow: 0 });
      await screenshot(narrow, `narrow${path.replace(/[/?=]+/g, '-')}`);
    }
    await narrow.close();
  });
});
