/// <reference lib="dom" />
// Page callbacks run in the browser, so these files see the DOM types.
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

describe('the app shell', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launchWithPage());
  });
  afterAll(async () => browser.close());

  test('the top bar: Start New, the ten languages, Library, Performance, Administration, the version', async () => {
    await page.goto(baseUrl);
    const nav = page.getByRole('navigation');
    // The entries appear once the server has said who is signed in (and with which role).
    await nav.getByRole('button', { name: 'Start New' }).waitFor();
    await expect(nav.getByRole('button', { name: 'Start New' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Library' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Performance' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Administration' }).isVisible()).resolves.toBe(true);
    const languages = await page
      .getByRole('combobox', { name: 'Language', exact: true })
      .locator('option')
      .allTextContents();
    expect(languages).toEqual([
      'English',
      'Español',
      '中文',
      'Русский',
      'العربية',
      'Tiếng Việt',
      'Français',
      'Deutsch',
      '한국어',
      'Tagalog',
    ]);
    // The version comes from /api/health after the first render: wait for it, then check it.
    const version = page.getByText(/^v\d+\.\d+\.\d+$/);
    await version.waitFor({ state: 'visible', timeout: 5_000 });
    await expect(version.isVisible()).resolves.toBe(true);
  });

  test('العربية: <html lang="ar" dir="rtl">, Arabic labels, the choice survives a reload', async () => {
    await page.goto(baseUrl);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('link', { name: 'المكتبة' }).waitFor();
    await screenshot(page, 'shell-ar');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  test('no serious or critical accessibility problem; nothing overflows at 375 px', async () => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    const narrow = await openPage(browser, 375);
    await narrow.goto(baseUrl);
    await narrow.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await horizontalOverflow(narrow)).toBe(0);
    await narrow.close();
  });
});
