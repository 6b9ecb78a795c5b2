/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startEhrSimulator, type EhrSimulator } from '../support/ehr-simulator/ehr-simulator.ts';
import {
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  seriousAccessibilityProblems,
} from './browser.ts';

/*
 * Issue 18 in the browser. The EHR simulator (test/support/ehr-simulator/: a FHIR R4 server
 * over the synthetic Bundles in src/ehr/fixtures/ and a SMART authorization server) serves a
 * chart page on 127.0.0.1 that frames Codecard's launch URL on localhost, another origin. The
 * launch is the real one: discovery, authorize with PKCE, the callback, the session and the
 * case handed to the frame, the FHIR reads and the claim check over the starter library. The
 * card's gating note and the admin page below still answer /api/ehr/status and the admin
 * routes from this file (the e2e organization has a connection, so its real status is on).
 */

const baseUrl = inject('baseUrl');
const adminCookie = inject('adminCookie');
const NARROW = 360;
/** The lumbar radiculopathy encounter of src/ehr/fixtures (62264 + 77003, M54.16). */
const PATIENT = 'sample-pat-1';
const ENCOUNTER = 'sample-enc-1';

/** The e2e administrator connects the organization to the simulator (as Administration does). */
async function connect(ehr: EhrSimulator): Promise<void> {
  const response = await fetch(`${baseUrl}/api/ehr/connection`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      cookie: `codecard_session=${adminCookie}`,
      origin: baseUrl,
    },
    body: JSON.stringify({
      issuer: ehr.fhirBase,
      clientId: ehr.clientId,
      scopes:
        'launch openid fhirUser patient/Encounter.read patient/Condition.read patient/Procedure.read patient/Coverage.read',
      frameAncestors: [ehr.origin],
    }),
  });
  if (!response.ok) throw new Error(`PUT /api/ehr/connection: ${response.status}`);
}

describe('a SMART launch inside the EHR simulator’s frame (another origin)', () => {
  let browser: Browser;
  let ehr: EhrSimulator;

  beforeAll(async () => {
    browser = await launchBrowser();
    ehr = await startEhrSimulator();
    await connect(ehr);
  });
  afterAll(async () => {
    await browser.close();
    await ehr.close();
  });

  /** A fresh browser with no Codecard cookie opens the chart; the frame launches Codecard. */
  async function launchInChart(
    frameWidth: number,
    locale = 'en',
  ): Promise<{ page: Page; frame: Frame; caseHeaders: Record<string, string> }> {
    const context = await browser.newContext({
      viewport: { width: frameWidth + 40, height: 900 },
      locale,
    });
    const page = await context.newPage();
    let caseHeaders: Record<string, string> = {};
    page.on('request', (request) => {
      if (request.url().startsWith(`${baseUrl}/api/ehr/case?`)) caseHeaders = request.headers();
    });
    const chart = ehr.chartPageUrl(`${baseUrl}/smart/launch`, ehr.launchFor(PATIENT, ENCOUNTER));
    await page.goto(chart);
    // The chart's frame is 400 px wide; the test sets the width it measures.
    await page.locator('#codecard').evaluate((frame, width) => {
      (frame as HTMLIFrameElement).style.width = `${width}px`;
      (frame as HTMLIFrameElement).style.height = '2400px';
    }, frameWidth);
    const frame = await (await page.locator('#codecard').elementHandle()).contentFrame();
    if (!frame) throw new Error('the EHR page has no Codecard frame');
    await frame.locator('.case-view h1').waitFor();
    await frame.locator('.finding').first().waitFor();
    return { page, frame, caseHeaders };
  }

  test('the launch completes in the frame; the case shows the 62264/77003 conflict with its row and the M54.16 coverage', async () => {
    const { page, frame, caseHeaders } = await launchInChart(800);
    expect(new URL(page.url()).origin).toBe(ehr.origin);
    expect(new URL(frame.url()).origin).toBe(baseUrl);
    // PKCE S256, aud = the issuer, and the EHR's launch id went to the authorization server.
    const authorize = ehr.authorizeRequests.at(-1)!;
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('aud')).toBe(ehr.fhirBase);
    expect(ehr.tokenRequests.at(-1)?.get('code_verifier')).toBe('present');
    // The frame holds the session and the case itself (no third-party cookie), sent as headers.
    expect(caseHeaders.authorization).toMatch(/^Bearer ccs_/);
    expect(caseHeaders['x-codecard-case']).toBeTruthy();
    expect(new URL(frame.url()).hash).toBe('');
    expect(ehr.fhirReads.some((read) => read.startsWith('/fhir/Encounter/sample-enc-1'))).toBe(
      true,
    );

    expect(await frame.locator('.case-view h1').innerText()).toBe('This encounter');
    const conflict = frame.locator('.finding', { hasText: '62264' }).filter({ hasText: '77003' });
    await conflict.first().waitFor();
    const citation = await conflict.first().locator('.citation').first().innerText();
    expect(citation).toMatch(/row \d+|line \d+/);
    const coverage = frame.locator('.finding', { hasText: 'M54.16' });
    await expect(coverage.first().innerText()).resolves.toMatch(/SAMPLE-A0002/);
    expect(await frame.getByText('From the chart').count()).toBeGreaterThan(1);
    expect(await frame.getByText('From your library').count()).toBe(1);
    const card = frame.getByRole('link', { name: /Open the card for 62264/ });
    expect(await card.getAttribute('href')).toBe(
      '/codes/cpt/62264?dos=2026-03-02&setting=practitioner',
    );
    await screenshot(page, 'ehr-case-800');
    await page.context().close();
  });

  test('the 62264 card opened from the case shows "For this patient": 77003 from the chart, the PTP row from the library', async () => {
    const { page, frame } = await launchInChart(800);
    await frame.getByRole('link', { name: /Open the card for 62264/ }).click();
    const section = frame.locator('section.for-case');
    await section.getByRole('heading', { name: 'For this patient' }).waitFor();
    const sameDay = section.locator('li', { hasText: '77003 is on the same encounter' });
    expect(await sameDay.first().innerText()).toMatch(/From the chart/);
    const ptp = section.locator('.for-case-facts > li', { hasText: 'From your library' }).filter({
      hasText: '77003',
    });
    expect(await ptp.first().locator('.citation').first().innerText()).toMatch(/row \d+|line \d+/);
    await screenshot(page, 'ehr-card-for-case-800');
    await page.context().close();
  });

  test(`${NARROW} px frame: no sideways scroll; axe finds no serious or critical problem`, async () => {
    const { page, frame } = await launchInChart(NARROW);
    const overflow = await horizontalOverflow(frame);
    console.log(`case view at ${NARROW} px: horizontal overflow ${overflow} px`);
    expect(overflow).toBe(0);
    expect(await seriousAccessibilityProblems(frame)).toEqual([]);
    await screenshot(page, `ehr-case-${NARROW}`);
    await page.context().close();
  });

  test(`Arabic, ${NARROW} px: right to left, no sideways scroll, no serious axe problem`, async () => {
    const { page, frame } = await launchInChart(NARROW, 'ar');
    expect(await frame.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await frame.locator('.case-view h1').innerText()).toBe('هذه الزيارة');
    // The server's words come in the page's language too: the chart's skip reason is Arabic.
    await frame.locator('.case-view').getByText('sample-cond-2').first().waitFor();
    expect(await frame.locator('.case-view').innerText()).not.toContain('Not used');
    const overflow = await horizontalOverflow(frame);
    console.log(`Arabic case view at ${NARROW} px: horizontal overflow ${overflow} px`);
    expect(overflow).toBe(0);
    expect(await seriousAccessibilityProblems(frame)).toEqual([]);
    await screenshot(page, `ehr-case-${NARROW}-ar`);
    await page.context().close();
  });
});

describe('the card without EHR access (intercepted /api/ehr/status)', () => {
  let browser: Browser;
  let page: Page;
  const posted: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, NARROW);
    await page.route(`${baseUrl}/api/ehr/status`, (route) =>
      route.fulfill({ json: { enabled: false, requested: posted.length > 0 } }),
    );
    await page.route(`${baseUrl}/api/ehr/access-requests`, (route) => {
      posted.push(route.request().method());
      return route.fulfill({
        status: 201,
        json: { id: 1, userEmail: 'e2e-admin@example.org', note: '', requestedAt: '2026-12-05' },
      });
    });
  });
  afterAll(async () => browser.close());

  test('the note that case-specific answers need EHR integration, and Request access', async () => {
    await page.goto(`${baseUrl}/codes/cpt/62264?dos=2026-11-27&setting=practitioner&lang=en`);
    const request = page.getByRole('button', { name: 'Request access' });
    await request.waitFor();
    expect(await page.locator('.ehr-gate').innerText()).toMatch(
      /Only Enterprise users with EHR integration can access case-specific answers/,
    );
    await request.click();
    await page.getByRole('button', { name: 'Requested' }).waitFor();
    expect(posted).toEqual(['POST']);
    const overflow = await horizontalOverflow(page);
    console.log(`card with the gating note at ${NARROW} px: horizontal overflow ${overflow} px`);
    expect(overflow).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, `ehr-gate-card-${NARROW}`);
  });
});

describe('the admin’s EHR page (intercepted /api/ehr/connection and access requests)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  test(`${NARROW} px: the connection form and the requests, accessible, no sideways scroll`, async () => {
    const page = await openPage(browser, NARROW);
    await page.route(`${baseUrl}/api/ehr/connection`, (route) =>
      route.fulfill({
        json: {
          issuer: 'https://fhir.example.org/r4',
          clientId: 'codecard-sample',
          scopes: 'launch openid fhirUser patient/Encounter.read',
          frameAncestors: ['https://ehr.example.org'],
        },
      }),
    );
    await page.route(`${baseUrl}/api/ehr/access-requests`, (route) =>
      route.fulfill({
        json: [
          {
            id: 1,
            userEmail: 'coder@example.org',
            note: 'SAMPLE note',
            requestedAt: '2026-12-04T10:00:00Z',
          },
        ],
      }),
    );
    await page.goto(`${baseUrl}/admin/ehr`);
    await page.getByLabel('Client ID').waitFor();
    expect(await page.getByLabel('Client ID').inputValue()).toBe('codecard-sample');
    await page.getByText('coder@example.org').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, `ehr-admin-${NARROW}`);
  });
});
