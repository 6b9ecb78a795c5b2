/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { PerformanceReport } from '../../src/performance/performance-types.ts';
import { detectSentenceLanguage } from '../../src/library/language-detect.ts';
import { sessionHeaders } from './admin-account.ts';
import { launchWithPage, screenshot, seriousAccessibilityProblems } from './browser.ts';

const baseUrl = inject('baseUrl');
const signedIn = sessionHeaders(baseUrl, inject('adminCookie'));

interface ShownItem {
  section: string;
  text: string;
  lang: string | null;
  quoteMark: string | null;
}

/** Every item the card page shows: its section, its text, its lang attribute, its quote mark. */
async function shownItems(page: Page): Promise<ShownItem[]> {
  return page.locator('.card-section .card-items > li').evaluateAll((items) =>
    items.map((li) => {
      const span = li.querySelector(':scope > span');
      return {
        section: li.closest('.card-section')?.className ?? '',
        text: span?.textContent ?? '',
        lang: span?.getAttribute('lang') ?? null,
        quoteMark: li.querySelector('.card-quote-mark')?.textContent ?? null,
      };
    }),
  );
}

async function openCard(page: Page, code: string, lang: string, dos = '2026-03-02') {
  await page.goto(`${baseUrl}/codes/cpt/${code}?dos=${dos}&lang=${lang}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** The starter library is imported when the server starts; wait until the card answers. */
async function starterLibraryReady(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/cards/cpt/62264?dos=2026-03-02`, {
      headers: signedIn,
    });
    if (response.status === 200) return;
    if (Date.now() > deadline) throw new Error(`the 62264 card still answers ${response.status}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

describe('the right sentence in the right language; honest states (issue 16)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await starterLibraryReady();
    ({ browser, page } = await launchWithPage());
  });
  afterAll(async () => browser.close());

  test('the English card holds no sentence detected as another language unless marked as a quote', async () => {
    await openCard(page, '62264', 'en');
    const items = await shownItems(page);
    expect(items.length).toBeGreaterThan(20);
    const foreign = items.filter(
      (item) => item.quoteMark === null && detectSentenceLanguage(item.text, 'en') !== 'en',
    );
    expect(foreign).toEqual([]);
    for (const item of items.filter((i) => i.lang !== null && i.lang !== 'en'))
      expect(item.quoteMark, item.text).not.toBeNull();
    for (const item of items.filter((i) => i.quoteMark !== null)) {
      expect(item.lang, item.text).not.toBe('en');
      expect(item.quoteMark).toMatch(/^quoted from a source in /);
    }
    const simple = items.filter((i) => i.section.includes('card-section-simple-words'));
    expect(simple.length).toBeGreaterThan(0);
    expect(simple.filter((i) => i.lang === 'es')).toEqual([]);
    // Table rows (header, separator or cells) are never statements.
    for (const item of items) expect(item.text).not.toMatch(/\s\|\s|^\s*\||-{3,}/);
  });

  test('the Arabic card shows the Arabic leaflet’s statements', async () => {
    await openCard(page, '62264', 'ar');
    expect(await page.locator('article.code-card').getAttribute('dir')).toBe('rtl');
    const items = await shownItems(page);
    const arabic = items.filter((i) => i.quoteMark === null && /\p{Script=Arabic}/u.test(i.text));
    const simple = arabic.filter((i) => i.section.includes('card-section-simple-words'));
    expect(simple.length).toBeGreaterThan(0);
    for (const item of simple) expect(detectSentenceLanguage(item.text, 'ar')).toBe('ar');
    // Text in another language is there only as a quote marked with its language.
    for (const item of items.filter((i) => i.lang !== null && i.lang !== 'ar'))
      expect(item.quoteMark, item.text).not.toBeNull();
  });

  test('the Chinese card shows the Chinese leaflet in simple words', async () => {
    await openCard(page, '62264', 'zh');
    const items = await shownItems(page);
    const simple = items.filter(
      (i) => i.section.includes('card-section-simple-words') && i.quoteMark === null,
    );
    expect(simple.length).toBeGreaterThan(0);
    for (const item of simple) expect(detectSentenceLanguage(item.text, 'zh')).toBe('zh');
  });

  test('a code not in the library shows what was searched and the nearest codes', async () => {
    await openCard(page, '62265', 'en');
    await page.getByRole('heading', { level: 1, name: '62265 is not in your library' }).waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('Something went wrong');
    expect(text).toContain('Searched for the date of service 2026-03-02');
    expect(text).toContain('sample-ccipra-v320r0-ptp.txt');
    const nearest = page.locator('.card-not-found-nearest a').first();
    expect(await nearest.textContent()).toBe('62264');
    await screenshot(page, 'card-not-found');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await nearest.click();
    await page.waitForURL(/\/codes\/cpt\/62264\?dos=2026-03-02/);
    await page.getByRole('heading', { level: 1, name: /62264/ }).waitFor();
  });

  test('one refused question is one gap row in Performance', async () => {
    const report = async () => {
      const response = await fetch(`${baseUrl}/api/performance`, { headers: signedIn });
      expect(response.status).toBe(200);
      return (await response.json()) as PerformanceReport;
    };
    const gapTotal = (r: PerformanceReport) => r.library.gaps.reduce((n, g) => n + g.count, 0);
    const before = await report();
    const question = 'What is the Zanzibar maneuver for a frozen shoulder?';
    const asked = await fetch(`${baseUrl}/api/threads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedIn },
      body: JSON.stringify({ question, dos: '2026-03-02' }),
    });
    expect(asked.status).toBeLessThan(300);
    const { answer } = (await asked.json()) as { answer: { kind: string } };
    expect(answer.kind).toBe('not-found');
    const after = await report();
    expect(gapTotal(after) - gapTotal(before)).toBe(1);
    const rows = after.library.gaps.filter((g) => g.example === question);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toContain('zanzibar');

    await page.goto(`${baseUrl}/performance`);
    const gaps = page.getByRole('table', { name: /Refused questions grouped/ });
    await gaps.waitFor();
    await gaps.getByText(question).first().waitFor();
    expect(await gaps.getByText(question).count()).toBe(1);
  });
});
