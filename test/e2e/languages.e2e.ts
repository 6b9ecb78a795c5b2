/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchWithPage, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');
const webSrc = resolve(import.meta.dirname, '../../web/src');

/** Every web catalog of a language, merged (each feature keeps its own messages folder). */
function catalog(locale: string): Record<string, string> {
  const merged: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (!statSync(path).isDirectory()) continue;
      if (entry === 'messages')
        Object.assign(merged, JSON.parse(readFileSync(join(path, `${locale}.json`), 'utf8')));
      else visit(path);
    }
  };
  visit(webSrc);
  return merged;
}

/**
 * English interface strings that must be gone once another language is chosen: plain
 * messages (no placeholders) that the other catalog words differently.
 */
function englishOnly(locale: string): string[] {
  const en = catalog('en');
  const other = catalog(locale);
  return Object.entries(en)
    .filter(([key, text]) => !/[{}]/.test(text) && text.length > 3 && other[key] !== text)
    .map(([, text]) => text);
}

/**
 * Whether `phrase` is on the page as words of its own (no Latin letter right before or after):
 * a short English word such as "Code" inside the product's name ("Codecard") is not a
 * leftover, one written against Chinese characters is.
 */
function shownAsWords(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`).test(text);
}

describe('the language switcher', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launchWithPage());
  });
  afterAll(async () => browser.close());

  test('"Racz procedure" answers with the 62263 and 62264 cards', async () => {
    await page.goto(baseUrl);
    await page.getByLabel('Your question').fill('Racz procedure');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.getByRole('link', { name: 'Open the full card for 62263' }).waitFor();
    await page.getByRole('link', { name: 'Open the full card for 62264' }).waitFor();
    await screenshot(page, 'ask-racz');
  });

  test.each(['de', 'zh', 'ar'])(
    'in %s no English interface string is left on the ask, check and library pages',
    async (locale) => {
      const leftovers = englishOnly(locale);
      expect(leftovers.length).toBeGreaterThan(20);
      // From English whatever the last case left (a failed one never reset it).
      await page.goto(baseUrl);
      await page.evaluate(() => localStorage.setItem('codecard.locale', 'en'));
      await page.reload();
      await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      for (const path of ['/', '/check', '/library']) {
        await page.goto(`${baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const text = await page.evaluate(() => document.body.innerText);
        expect({ path, english: leftovers.filter((s) => shownAsWords(text, s)) }).toEqual({
          path,
          english: [],
        });
      }
      await screenshot(page, `library-${locale}`);
      await page.evaluate(() => localStorage.setItem('codecard.locale', 'en'));
    },
  );
});
