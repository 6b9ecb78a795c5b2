/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  seriousAccessibilityProblems,
} from './browser.ts';

const baseUrl = inject('baseUrl');
/** The phone top bar's height limit at 390×844 (one line: the name and the Menu button). */
const PHONE_TOP_BAR = 64;

/** Every page of the app a signed-in administrator can open; `:doc` is a library document. */
const signedInPages = [
  '/',
  '/codes/cpt/62264?dos=2026-03-02',
  '/check',
  '/library',
  '/library/:doc',
  '/sources/:doc',
  '/performance',
  '/admin/users',
  '/admin/api-keys',
  '/admin/audit',
  '/admin/reference-data',
];
/** The pages anyone may open (no session). */
const publicPages = ['/sign-in', '/setup'];

/** A page of the given size, signed in or not, whose system prefers the given scheme. */
async function pageFor(
  browser: Browser,
  scheme: 'light' | 'dark',
  signedIn: boolean,
  width = 1280,
  height = 800,
): Promise<Page> {
  const page = await openPage(browser, width, signedIn ? inject('adminCookie') : null);
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** Opens the page and waits until it has its heading and its data. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** How far the library's documents table is wider than the box that holds it. */
async function tableOverflow(page: Page): Promise<number> {
  return page
    .locator('.document-table')
    .evaluate((table) => table.scrollWidth - table.parentElement!.clientWidth);
}

/** The theme on <html> and the page's background colour as the browser computed it. */
async function shownTheme(page: Page): Promise<{ theme: string | undefined; background: string }> {
  return page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    background: getComputedStyle(document.documentElement).backgroundColor,
  }));
}

describe('every page: accessible in light and dark, no sideways scroll, a short phone top bar', () => {
  let browser: Browser;
  let paths: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const page = await openPage(browser);
    await visit(page, '/library');
    const href = await page.locator('.document-title a').first().getAttribute('href');
    const doc = /\/library\/(\d+)/.exec(href ?? '')?.[1];
    expect(doc, 'the starter library has a document').toBeTruthy();
    paths = signedInPages.map((path) => path.replace(':doc', doc!));
    await page.close();
  });
  afterAll(async () => browser.close());

  test.each(['light', 'dark'] as const)(
    '%s: axe finds no serious or critical problem on any page (sections opened)',
    async (scheme) => {
      for (const [list, signedIn] of [
        [paths, true],
        [publicPages, false],
      ] as const) {
        const page = await pageFor(browser, scheme, signedIn);
        for (const path of list) {
          await visit(page, path);
          expect(await shownTheme(page)).toMatchObject({ theme: scheme });
          // Collapsed sections hold most of a card: open them so axe sees their colours too.
          await page.evaluate(() =>
            document.querySelectorAll('details').forEach((d) => (d.open = true)),
          );
          expect({ path, problems: await seriousAccessibilityProblems(page) }).toEqual({
            path,
            problems: [],
          });
        }
        await page.close();
      }
    },
  );

  test.each([
    [1280, 800],
    [390, 844],
  ])('%d×%d: no page scrolls sideways', async (width, height) => {
    for (const [list, signedIn] of [
      [paths, true],
      [publicPages, false],
    ] as const) {
      const page = await pageFor(browser, 'light', signedIn, width, height);
      for (const path of list) {
        await visit(page, path);
        expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
        if (path === '/library')
          // The documents table fits its box too: nothing clipped, no scrolling inside it.
          expect(await tableOverflow(page)).toBe(0);
      }
      await page.close();
    }
  });

  test('390×844: the top bar is one short line on every page; the rest is in the Menu', async () => {
    const page = await pageFor(browser, 'light', true, 390, 844);
    for (const path of paths) {
      await visit(page, path);
      const height = await page
        .locator('.top-bar')
        .evaluate((bar) => bar.getBoundingClientRect().height);
      expect({ path, height: height <= PHONE_TOP_BAR }).toEqual({ path, height: true });
    }
    await visit(page, '/');
    console.log(
      `phone top bar: ${await page.locator('.top-bar').evaluate((bar) => bar.getBoundingClientRect().height)} px`,
    );
    const menu = page.getByRole('button', { name: 'Menu' });
    const library = page.getByRole('link', { name: 'Library' });
    await expect(library.isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(library.isVisible()).resolves.toBe(true);
    await screenshot(page, 'phone-menu-open');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(library.isVisible()).resolves.toBe(false);
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('menu-button')),
    ).toBe(true);
    // A link in the menu opens its page and closes the menu.
    await menu.click();
    await library.click();
    await page.waitForURL(/\/library$/);
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.close();
  });

  test('dark when the system prefers dark; the top bar choice wins and is remembered', async () => {
    const page = await pageFor(browser, 'dark', true);
    await visit(page, '/');
    const dark = await shownTheme(page);
    expect(dark.theme).toBe('dark');
    expect(dark.background).toBe('rgb(13, 17, 23)');
    const theme = page.getByRole('combobox', { name: 'Theme', exact: true });
    await theme.selectOption('light');
    expect(await shownTheme(page)).toEqual({ theme: 'light', background: 'rgb(255, 255, 255)' });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect((await shownTheme(page)).theme).toBe('light');
    // The system turning light, then the user choosing dark.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption('dark');
    expect((await shownTheme(page)).theme).toBe('dark');
    await screenshot(page, 'ask-dark');
    // Back to following the system, which follows its changes live.
    await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption('system');
    expect((await shownTheme(page)).theme).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.close();
  });
});
