/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sessionHeaders } from './admin-account.ts';
import { launchBrowser, openPage, screenshot, seriousAccessibilityProblems } from './browser.ts';

const baseUrl = inject('baseUrl');
const signedIn = sessionHeaders(baseUrl, inject('adminCookie'));
const starterMue = resolve(
  import.meta.dirname,
  '../../samples/starter-library/sample-mue-practitioner-eff-01-01-2026.csv',
);

/**
 * A later release of the starter library's sample MUE table, made in the test: the same sample
 * rows with 62264's value raised from 1 to 2, in force from 2031 so that no other test's date of
 * service reads it. The sample data is the project's own, not CMS values.
 */
function laterMueRelease(): string {
  const text = readFileSync(starterMue, 'utf8');
  const changed = text.replace(/^62264,1,/m, '62264,2,');
  expect(changed).not.toBe(text);
  return changed;
}

async function importLaterRelease(): Promise<void> {
  const form = new FormData();
  form.append(
    'files',
    new Blob([laterMueRelease()], { type: 'text/csv' }),
    'sample-mue-practitioner-eff-01-01-2031.csv',
  );
  form.append('kind', 'ncci-mue');
  form.append('setting', 'practitioner');
  form.append('effective', '2031-01-01');
  const response = await fetch(`${baseUrl}/api/library/documents?wait=true`, {
    method: 'POST',
    headers: signedIn,
    body: form,
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

describe('what changed between releases, in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await importLaterRelease();
    const watched = await fetch(`${baseUrl}/api/watch-list/codes/62264`, {
      method: 'PUT',
      headers: signedIn,
    });
    expect(watched.status).toBe(200);
    browser = await launchBrowser();
    page = await openPage(browser, 1280);
  });
  afterAll(async () => browser.close());

  test('the card for a date the new release governs says "Changed in" with the change', async () => {
    await page.goto(`${baseUrl}/codes/cpt/62264?dos=2031-02-03&setting=practitioner&lang=en`);
    await page.getByRole('heading', { level: 1, name: /62264/ }).waitFor();
    const changed = page.getByRole('region', { name: /^Changed in / });
    await changed.waitFor();
    expect(await changed.innerText()).toContain('The MUE value of 62264 changed from 1 to 2.');
    // Each change names the rows it reads, in both releases.
    expect(await changed.locator('cite').first().innerText()).toMatch(/row|line/i);
    await screenshot(page, 'card-changed-in');
  });

  test('the same card on a date before the release shows no change', async () => {
    await page.goto(`${baseUrl}/codes/cpt/62264?dos=2026-11-27&setting=practitioner&lang=en`);
    await page.locator('.card-glance').waitFor();
    expect(await page.getByRole('region', { name: /^Changed in / }).count()).toBe(0);
  });

  test('Performance shows the watch list with what the newest release changed for it', async () => {
    await page.goto(`${baseUrl}/performance`);
    const watch = page.getByRole('region', { name: 'Watch list', exact: true });
    await watch.waitFor();
    const change = watch.getByText('The MUE value of 62264 changed from 1 to 2.');
    await change.waitFor();
    expect(await watch.getByRole('cell', { name: '62264' }).count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'performance-watch-list-changes');
  });
});
