/// <reference lib="dom" />
// Page callbacks run in the browser, so this file sees the DOM types.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { EhrCase } from '../../src/contracts/ehr.ts';
import {
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  seriousAccessibilityProblems,
} from './browser.ts';

/*
 * Issue 18 in the browser: Codecard's case view inside an EHR's iframe of another origin, and
 * the gating note on a card. Until the EHR simulator (test/support/ehr-simulator/) and the
 * server's /api/ehr routes are on this branch, three things are INTERCEPTED here:
 *  1. the launch: the frame opens `/case#session=…&case=…` directly (no SMART launch);
 *  2. the frame's `/case` document gets `frame-ancestors` for the framing origin (the server's
 *     per-EHR CSP will give it), and API requests carrying the EHR session's Bearer token are
 *     passed on with the e2e administrator's session cookie (the server's Bearer session will
 *     accept them);
 *  3. `GET /api/ehr/case`, `GET /api/ehr/status` and `POST /api/ehr/access-requests` answer
 *     from this file (a contract-valid case; SAMPLE wording).
 * Everything else is the real server with the starter library.
 */

const baseUrl = inject('baseUrl');
const adminCookie = inject('adminCookie');
const SESSION = 'e2e-ehr-session';
const CASE = 'e2e-ehr-case';
const NARROW = 360;

const ptpRow = {
  documentId: 1,
  title: 'SAMPLE NCCI PTP practitioner edits',
  version: 'v32.0',
  locator: 'line 25',
  source: 'NCCI PTP, practitioner, v32.0',
  place: 'row 25',
  label: 'NCCI PTP, practitioner, v32.0, row 25',
};
const lcdRow = {
  documentId: 2,
  title: 'SAMPLE billing article A00000 ICD-10-CM list',
  version: null,
  locator: 'line 12',
  source: 'SAMPLE billing article A00000',
  place: 'row 12',
  label: 'SAMPLE billing article A00000, row 12',
};

/** The lumbar radiculopathy case: 62264 + 77003 with M54.16 (SAMPLE findings). */
const lumbarCase: EhrCase = {
  fhirBase: 'http://127.0.0.1/fhir',
  patientId: 'sample-patient-1',
  encounterId: 'sample-encounter-1',
  dateOfService: '2026-11-27',
  setting: 'practitioner',
  settingFrom: 'Encounter.class AMB, Encounter.type office visit',
  diagnoses: [{ code: 'M54.16', from: { resourceType: 'Condition', id: 'cond-1' } }],
  procedures: [
    {
      code: '62264',
      system: 'cpt',
      modifiers: [],
      units: 1,
      status: 'performed',
      from: { resourceType: 'Procedure', id: 'proc-1' },
    },
    {
      code: '77003',
      system: 'cpt',
      modifiers: [],
      units: 1,
      status: 'performed',
      from: { resourceType: 'Procedure', id: 'proc-2' },
    },
  ],
  skipped: [],
  check: {
    id: 'sample-encounter-1',
    findings: [
      {
        rule: 'ptp',
        severity: 'error',
        lines: [1, 2],
        codes: ['62264', '77003'],
        message: 'SAMPLE: 77003 is a column two code of 62264 (modifier not allowed).',
        citations: [ptpRow],
      },
      {
        rule: 'medical-necessity',
        severity: 'info',
        lines: [1],
        codes: ['62264', 'M54.16'],
        message: 'SAMPLE: M54.16 is on the covered diagnosis list for 62264.',
        citations: [lcdRow],
      },
    ],
    summary: { errors: 1, warnings: 0, infos: 1 },
  },
};

/** The EHR's page, on another origin (127.0.0.1), framing Codecard's case view (localhost). */
function ehrPage(width: number): string {
  const src = `${baseUrl}/case#session=${SESSION}&case=${CASE}`;
  return `<!doctype html><html lang="en"><head><title>SAMPLE EHR</title></head><body>
<h1>SAMPLE EHR chart</h1>
<iframe id="codecard" title="Codecard" src="${src}" style="width:${width}px;height:1500px;border:0"></iframe>
</body></html>`;
}

/** What the routes saw: the EHR headers on each API request from the frame. */
interface Seen {
  caseHeaders: { authorization?: string; case?: string } | null;
  bearerRequests: number;
}

/** Interceptions 2 and 3 above, on the page (its frames included). */
async function interceptEhr(page: Page, framer: string, seen: Seen): Promise<void> {
  await page.route(`${baseUrl}/case`, async (route) => {
    const response = await route.fetch();
    const csp = (response.headers()['content-security-policy'] ?? '').replace(
      /frame-ancestors [^;]*/,
      `frame-ancestors 'self' ${framer}`,
    );
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': csp },
    });
  });
  await page.route(`${baseUrl}/api/**`, async (route: Route) => {
    const headers = route.request().headers();
    if (route.request().url() === `${baseUrl}/api/ehr/case`) {
      seen.caseHeaders = { authorization: headers.authorization, case: headers['x-codecard-case'] };
      await route.fulfill({ json: lumbarCase });
      return;
    }
    if (headers.authorization !== `Bearer ${SESSION}`) return route.continue();
    seen.bearerRequests++;
    const rest: Record<string, string> = { ...headers };
    delete rest.authorization;
    // Sent from here (Chromium does not let a routed request's Cookie header be replaced).
    const response = await route.fetch({
      headers: { ...rest, cookie: `codecard_session=${adminCookie}` },
    });
    await route.fulfill({ response });
  });
}

describe('the case view inside an EHR iframe (another origin)', () => {
  let browser: Browser;
  let ehr: Server;
  let framer: string;
  let width = NARROW;

  beforeAll(async () => {
    browser = await launchBrowser();
    ehr = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(ehrPage(width));
    });
    await new Promise<void>((listening) => ehr.listen(0, '127.0.0.1', listening));
    framer = `http://127.0.0.1:${(ehr.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser.close();
    await new Promise((closed) => ehr.close(closed));
  });

  /** A fresh browser with no Codecard cookie: the frame has only the launch's tokens. */
  async function openCase(
    frameWidth: number,
    locale = 'en',
  ): Promise<{ page: Page; frame: Frame; seen: Seen }> {
    width = frameWidth;
    const context = await browser.newContext({
      viewport: { width: frameWidth + 40, height: 900 },
      locale,
    });
    const page = await context.newPage();
    const seen: Seen = { caseHeaders: null, bearerRequests: 0 };
    await interceptEhr(page, framer, seen);
    await page.goto(framer);
    const frame = await (await page.locator('#codecard').elementHandle()).contentFrame();
    if (!frame) throw new Error('the EHR page has no Codecard frame');
    await frame.locator('.case-view h1').waitFor();
    await frame.locator('.finding').first().waitFor();
    return { page, frame, seen };
  }

  test('the frame sends the launch tokens and shows the conflict with its row and the coverage result', async () => {
    const { page, frame, seen } = await openCase(800);
    expect(await frame.locator('.case-view h1').innerText()).toBe('This encounter');
    expect(seen.caseHeaders).toEqual({ authorization: `Bearer ${SESSION}`, case: CASE });
    expect(seen.bearerRequests, 'the shell’s own requests carry the session too').toBeGreaterThan(
      0,
    );
    // The tokens left the address once read.
    expect(new URL(frame.url()).hash).toBe('');

    const conflict = frame.locator('.finding', { hasText: '62264' }).filter({ hasText: '77003' });
    await expect(conflict.locator('.finding-message').innerText()).resolves.toMatch(/column two/);
    const citation = await conflict.locator('.citation').innerText();
    expect(citation).toMatch(/SAMPLE NCCI PTP practitioner edits/);
    expect(citation).toMatch(/25/);
    const coverage = frame.locator('.finding', { hasText: 'M54.16' });
    await expect(coverage.innerText()).resolves.toMatch(/covered diagnosis list/);
    expect(await coverage.locator('.citation').innerText()).toMatch(/A00000/);

    expect(await frame.getByText('From the chart').count()).toBeGreaterThan(1);
    expect(await frame.getByText('From your library').count()).toBe(1);
    const card = frame.getByRole('link', { name: /Open the card for 62264/ });
    expect(await card.getAttribute('href')).toBe(
      '/codes/cpt/62264?dos=2026-11-27&setting=practitioner',
    );
    await screenshot(page, 'ehr-case-800');
    await page.context().close();
  });

  test(`${NARROW} px frame: no sideways scroll; axe finds no serious or critical problem`, async () => {
    const { page, frame } = await openCase(NARROW);
    const overflow = await horizontalOverflow(frame);
    console.log(`case view at ${NARROW} px: horizontal overflow ${overflow} px`);
    expect(overflow).toBe(0);
    expect(await seriousAccessibilityProblems(frame)).toEqual([]);
    await screenshot(page, `ehr-case-${NARROW}`);
    await page.context().close();
  });

  test(`Arabic, ${NARROW} px: right to left, no sideways scroll, no serious axe problem`, async () => {
    const { page, frame } = await openCase(NARROW, 'ar');
    expect(await frame.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await frame.locator('.case-view h1').innerText()).toBe('هذه الزيارة');
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
