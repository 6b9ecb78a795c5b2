import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchWithPage, openPage, screenshot, seriousAccessibilityProblems } from './browser.ts';

const baseUrl = inject('baseUrl');

describe('check and library', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launchWithPage());
  });
  afterAll(async () => browser.close());

  test('a claim of 62264 and 77003 shows the PTP finding on the 77003 line, cited', async () => {
    await page.goto(`${baseUrl}/check`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Procedure code, line 1').fill('62264');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('Procedure code, line 2').fill('77003');
    const dates = page.locator('input[type="date"]');
    await dates.first().fill('2026-03-02');
    await page.getByRole('button', { name: 'Check claim' }).click();
    await page.getByRole('heading', { name: 'Findings' }).waitFor();
    const report = page.locator('main');
    await page
      .getByText(/77003 is not reported with 62264/)
      .first()
      .waitFor();
    expect(await report.locator('a[href^="/sources/"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'check-ptp');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  test('the check page works with the keyboard alone', async () => {
    // A fresh browser context: the first test's claim would otherwise still be in the form.
    const page = await openPage(browser);
    await page.goto(`${baseUrl}/check`);
    await page.getByLabel('Procedure code, line 1').focus();
    await page.keyboard.type('62263');
    await page.getByRole('button', { name: 'Add a line' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Procedure code, line 2').focus();
    await page.keyboard.type('62264');
    // A date field takes its digits from the keyboard too (month, day, year here).
    await page.locator('input[type="date"]').first().focus();
    await page.keyboard.type('03022026');
    await page.getByRole('button', { name: 'Check claim' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByText(/62264 is not reported with 62263/)
      .first()
      .waitFor();
    await page.close();
  });

  test('removing a document asks first; Escape cancels', async () => {
    await page.goto(`${baseUrl}/library`);
    const remove = page.getByRole('button', { name: /^Remove / }).first();
    await remove.waitFor();
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test('an uploaded document appears in the library with its passages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codecard-e2e-upload-'));
    const file = join(dir, 'sample-e2e-upload-guide.md');
    writeFileSync(
      file,
      '# SAMPLE e2e upload guide\n\nSAMPLE TEXT written for the browser test. Report 64483 once per day.\n',
    );
    await page.goto(`${baseUrl}/library`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Choose files').setInputFiles(file);
    // The upload's result links to it, and so does its row in the documents table.
    const link = page.getByRole('table').getByRole('link', { name: 'SAMPLE e2e upload guide' });
    await link.waitFor({ timeout: 30_000 });
    await screenshot(page, 'library-uploaded');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await link.click();
    await page
      .getByText(/Report 64483 once per day/)
      .first()
      .waitFor();
    await screenshot(page, 'document');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
