/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const folder = resolve(import.meta.dirname, '../../docs/screenshots');
const sizes = [
  [1280, 800],
  [390, 844],
] as const;

describe('README screenshots: the 62264 card', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(folder, { recursive: true });
  });
  afterAll(async () => browser.close());

  test.each(['en', 'ar', 'zh'])('%s at 1280×800 and 390×844 (the first screen)', async (lang) => {
    for (const [width, height] of sizes) {
      const page = await openPage(browser, width);
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.addInitScript((code) => localStorage.setItem('codecard.locale', code), lang);
      await page.goto(
        `${baseUrl}/codes/cpt/62264?dos=2026-11-27&setting=practitioner&lang=${lang}`,
      );
      await page.getByRole('heading', { level: 1, name: /62264/ }).waitFor();
      await page.locator('.card-glance').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await page.screenshot({ path: join(folder, `card-62264-${lang}-${width}.png`) });
      await page.close();
    }
  });
});
