/// <reference lib="dom" />
// Page callbacks run in the browser, so these files see the DOM types.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Screenshots land here; CI keeps the folder as the browser tests' artifacts. */
export const artifacts = resolve(import.meta.dirname, '../../test-results/e2e');

/**
 * Debian's Chromium, headless, with the flags a machine without internet needs (no background
 * networking, no component updates): never a browser downloaded by a test tool.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A browser with a first page open, for a file's tests (each closes its browser after them). */
export async function launchWithPage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  return { browser, page: await openPage(browser) };
}

/**
 * A page in a new browser context, signed in as the e2e administrator (the session cookie
 * made by global-setup) unless `cookie` is null or another account's session.
 */
export async function openPage(
  browser: Browser,
  width = 1280,
  cookie: string | null = inject('adminCookie'),
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  if (cookie)
    await context.addCookies([
      { name: 'codecard_session', value: cookie, url: inject('baseUrl'), httpOnly: true },
    ]);
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** How far the page (or a frame's document) is wider than its viewport (0 when nothing overflows sideways). */
export async function horizontalOverflow(page: Page | Frame): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page (or in a frame) as it is now. */
export async function seriousAccessibilityProblems(page: Page | Frame): Promise<AxeProblem[]> {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) forbids inline scripts.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }
    ).axe.run();
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}
