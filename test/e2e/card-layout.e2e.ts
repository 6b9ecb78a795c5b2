/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { horizontalOverflow, launchBrowser, openPage, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');
const codes = ['62264', '64483', '77003'];
/** The first screen at 1280×800, app header included. */
const FIRST_SCREEN = 800;
const MAX_PRINTED_PAGES = 3;

const cardUrl = (code: string) =>
  `${baseUrl}/codes/cpt/${code}?dos=2026-11-27&setting=practitioner&lang=en`;

async function openCard(page: Page, code: string): Promise<void> {
  await page.goto(cardUrl(code));
  await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
  await page.locator('.card-glance').waitFor();
}

/** Pages of the card printed to A4 as Chromium lays them out (print media). */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe('the card layout (starter library)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, 1280);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(async () => browser.close());

  test.each(codes)(
    '%s: the glance fits the first screen; sections start collapsed',
    async (code) => {
      await openCard(page, code);
      const bottom = await page.evaluate(() => {
        const glance = document.querySelector('.card-glance')!;
        return glance.getBoundingClientRect().bottom + window.scrollY;
      });
      console.log(`${code}: glance bottom ${Math.round(bottom)} px`);
      expect(bottom).toBeLessThanOrEqual(FIRST_SCREEN);
      const open = await page.locator('.code-card details[open]').count();
      expect(open).toBe(0);
      expect(await page.locator('.code-card details').count()).toBeGreaterThan(3);
      await screenshot(page, `card-layout-${code}`);
    },
  );

  test.each(codes)('%s: no footnote reads like a file path or a bare line number', async (code) => {
    await openCard(page, code);
    const sources = await page.locator('.card-sources').innerText();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources).not.toMatch(/[\\/]|\bline \d/);
    const tableSources = await page
      .locator('.fact-table a.citation')
      .evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
    for (const label of tableSources) expect(label).not.toMatch(/[\\/]|\bline \d/);
  });

  test.each(codes)('%s: printed by default on at most three A4 pages', async (code) => {
    await openCard(page, code);
    const pages = await printedPages(page);
    console.log(`${code}: ${pages} printed page(s) by default`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(MAX_PRINTED_PAGES);
  });

  test('Print everything opens every section; the tables show all their rows', async () => {
    await openCard(page, '62264');
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'Print everything' }).click();
    const closed = await page.locator('.code-card details:not([open])').count();
    expect(closed).toBe(0);
    console.log(`62264: ${await printedPages(page)} printed page(s) with every section open`);
  });

  test.each([1280, 390])(
    'no horizontal scroll at %i px, sections open or closed',
    async (width) => {
      const narrow = await openPage(browser, width);
      try {
        for (const code of codes) {
          await openCard(narrow, code);
          expect(await horizontalOverflow(narrow), `${code} closed`).toBe(0);
          await narrow.evaluate(() => {
            document.querySelectorAll('details').forEach((d) => {
              d.open = true;
            });
          });
          expect(await horizontalOverflow(narrow), `${code} open`).toBe(0);
        }
        await screenshot(narrow, `card-layout-77003-${width}`);
      } finally {
        await narrow.context().close();
      }
    },
  );
});
