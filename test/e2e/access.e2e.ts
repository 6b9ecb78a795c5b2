/// <reference lib="dom" />
// Page callbacks run in the browser, so these files see the DOM types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { e2eAdmin, sessionHeaders } from './admin-account.ts';
import { launchBrowser, openPage, screenshot, seriousAccessibilityProblems } from './browser.ts';

const baseUrl = inject('baseUrl');
const adminHeaders = sessionHeaders(baseUrl, inject('adminCookie'));

/** A page with nobody signed in, in the given language. */
async function anonymousPage(browser: Browser, locale = 'en'): Promise<Page> {
  const page = await openPage(browser, 1280, null);
  await page.addInitScript((code) => localStorage.setItem('codecard.locale', code), locale);
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A one-time invite link made through the API, as the admin page makes it. */
async function inviteLink(role: string, email?: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/admin/invites`, {
    method: 'POST',
    headers: { ...adminHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ role, ...(email ? { email } : {}) }),
  });
  expect(response.status).toBe(201);
  const { token } = (await response.json()) as { token: string };
  return `${baseUrl}/setup#token=${encodeURIComponent(token)}`;
}

/** Fills the setup page's form and creates the account (it lands signed in). */
async function createAccount(page: Page, password: string): Promise<void> {
  await page.getByLabel('Display name (optional)').fill('Vera Viewer');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  await page.getByRole('button', { name: 'Create account and sign in' }).click();
}

describe('access: sign-in, setup, roles, admin pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  test('signed out, a page sends to sign-in; a wrong password says so; the right one goes back', async () => {
    const page = await anonymousPage(browser);
    await page.goto(`${baseUrl}/library`);
    await page.waitForURL(/\/sign-in\?next=%2Flibrary/);
    await signIn(page, e2eAdmin.email, 'not the password at all');
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'The email or password is not right.' });
    await alert.waitFor();
    await signIn(page, e2eAdmin.email, e2eAdmin.password);
    await page.waitForURL(`${baseUrl}/library`);
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await expect(
      page.getByRole('button', { name: /e2e-admin@example\.org/ }).isVisible(),
    ).resolves.toBe(true);
    await page.context().close();
  });

  test('an invite link creates the account; a viewer sees no check, upload or admin entries', async () => {
    const admin = await openPage(browser);
    await admin.goto(`${baseUrl}/admin/users`);
    await admin.getByLabel('Email (optional)').fill('vera@example.org');
    await admin.getByLabel('Role', { exact: true }).selectOption('viewer');
    await admin.getByRole('button', { name: 'Create invitation link' }).click();
    const linkField = admin.getByLabel(/^Invitation link/);
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/setup#token=`));
    await expect(admin.getByText('it will not be shown again').isVisible()).resolves.toBe(true);

    const page = await anonymousPage(browser);
    await page.goto(link);
    await page.getByText('This invitation makes you Viewer').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('vera@example.org');
    expect(await page.getByLabel('Email').getAttribute('readonly')).not.toBeNull();
    await screenshot(page, 'access-setup');
    await createAccount(page, 'a viewer password long enough');
    await page.waitForURL(`${baseUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Library' }).waitFor();
    await expect(page.getByRole('button', { name: /vera@example\.org/ }).isVisible()).resolves.toBe(
      true,
    );
    for (const name of ['Check', 'Performance', 'Administration'])
      expect(await nav.getByRole('link', { name }).count(), name).toBe(0);
    await nav.getByRole('link', { name: 'Library' }).click();
    await page
      .getByRole('heading', { name: 'Documents in the library' })
      .or(page.getByRole('heading', { name: 'Library', level: 1 }))
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Add files' }).count()).toBe(0);
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole('alert').filter({ hasText: 'cannot open this page' }).waitFor();

    // The members table now lists the new viewer.
    await admin.reload();
    await admin.getByRole('rowheader', { name: 'vera@example.org' }).waitFor();
    await admin.context().close();
    await page.context().close();
  });

  test('a new API key is shown once, works as a Bearer token, and can be revoked', async () => {
    const page = await openPage(browser);
    await page.goto(`${baseUrl}/admin/api-keys`);
    await page.getByLabel('Name').fill('e2e integration');
    await page.getByLabel('Role', { exact: true }).selectOption('coder');
    await page.getByRole('button', { name: 'Create key' }).click();
    const keyField = page.getByLabel('The new key e2e integration');
    await keyField.waitFor();
    const key = await keyField.inputValue();
    expect(key.length).toBeGreaterThan(20);
    await page.getByRole('rowheader', { name: 'e2e integration' }).waitFor();

    const me = await fetch(`${baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { via: string }).via).toBe('api-key');

    // Once: after a reload the key is nowhere on the page, only its row.
    await page.reload();
    await page.getByRole('rowheader', { name: 'e2e integration' }).waitFor();
    expect(await page.getByLabel('The new key e2e integration').count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    await page.getByRole('button', { name: 'Revoke e2e integration' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this key?' });
    await dialog.getByRole('button', { name: 'Revoke e2e integration' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'e2e integration was revoked.' })
      .waitFor({ state: 'attached' });
    const revoked = await fetch(`${baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(revoked.status).toBe(401);
    await page.context().close();
  });

  test('the audit log lists sign-ins; the filter and the CSV link carry the same filters', async () => {
    const page = await openPage(browser);
    await page.goto(`${baseUrl}/admin/audit`);
    await page.getByLabel('Action').selectOption('sign-in');
    await page.getByLabel('Outcome').selectOption('ok');
    await page.getByRole('button', { name: 'Show' }).click();
    const row = page
      .getByRole('row')
      .filter({ hasText: e2eAdmin.email })
      .filter({ hasText: 'sign-in' });
    await row.first().waitFor();
    const csv = page.getByRole('link', { name: 'Download as CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/admin/audit.csv?action=sign-in&outcome=ok');
    expect(await page.getByRole('row').filter({ hasText: 'Failed' }).count()).toBe(0);
    await page.context().close();
  });

  test('sign out returns to sign-in; an ended session sends there with a message', async () => {
    const page = await anonymousPage(browser);
    await page.goto(`${baseUrl}/sign-in`);
    await signIn(page, e2eAdmin.email, e2eAdmin.password);
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('button', { name: /e2e-admin@example\.org/ }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in\?reason=signed-out/);
    await page.getByText('You are signed out.').waitFor();
    await page.goto(`${baseUrl}/check`);
    await page.waitForURL(/\/sign-in\?next=%2Fcheck/);

    // Signed in again, then the cookie disappears (as when the session expires).
    await signIn(page, e2eAdmin.email, e2eAdmin.password);
    await page.waitForURL(`${baseUrl}/check`);
    await page.context().clearCookies();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Library' })
      .click();
    await page.waitForURL(/\/sign-in\?next=%2Flibrary&reason=expired/);
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await page.context().close();
  });

  test('no serious accessibility problem on the sign-in, setup and admin pages', async () => {
    const anonymous = await anonymousPage(browser);
    await anonymous.goto(`${baseUrl}/sign-in`);
    await anonymous.getByRole('heading', { name: 'Sign in to Codecard' }).waitFor();
    expect(await seriousAccessibilityProblems(anonymous), 'sign-in').toEqual([]);
    await anonymous.goto(await inviteLink('coder'));
    await anonymous.getByText('This invitation makes you Coder').waitFor();
    expect(await seriousAccessibilityProblems(anonymous), 'setup').toEqual([]);
    await anonymous.context().close();

    const page = await openPage(browser);
    for (const [path, heading] of [
      ['/admin/users', 'Users and roles'],
      ['/admin/api-keys', 'API keys'],
      ['/admin/audit', 'Audit log'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('table').first().waitFor();
      expect(await seriousAccessibilityProblems(page), path).toEqual([]);
    }
    // The e2e instance has no reference data: the page says so.
    await page.goto(`${baseUrl}/admin/reference-data`);
    await page.getByText('The instance has no reference data yet.').waitFor();
    expect(await seriousAccessibilityProblems(page), '/admin/reference-data').toEqual([]);
    await page.context().close();
  });

  test('العربية and Deutsch: the sign-in and admin pages right to left and translated', async () => {
    const arabic = await anonymousPage(browser, 'ar');
    await arabic.goto(`${baseUrl}/sign-in`);
    await arabic.getByRole('heading', { name: 'تسجيل الدخول إلى Codecard' }).waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await arabic.getByLabel('البريد الإلكتروني').fill(e2eAdmin.email);
    await arabic.getByLabel('كلمة المرور').fill('wrong password here');
    await arabic.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await arabic.getByText('البريد الإلكتروني أو كلمة المرور غير صحيحة.').waitFor();
    expect(await seriousAccessibilityProblems(arabic)).toEqual([]);
    await screenshot(arabic, 'access-sign-in-ar');
    await arabic.context().close();

    const admin = await openPage(browser);
    await admin.addInitScript(() => localStorage.setItem('codecard.locale', 'ar'));
    await admin.goto(`${baseUrl}/admin/users`);
    await admin.getByRole('heading', { name: 'المستخدمون والأدوار' }).waitFor();
    expect(await admin.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await admin.getByRole('navigation', { name: 'الإدارة' }).waitFor();
    await screenshot(admin, 'access-users-ar');
    await admin.context().close();

    const german = await openPage(browser);
    await german.addInitScript(() => localStorage.setItem('codecard.locale', 'de'));
    await german.goto(`${baseUrl}/admin/audit`);
    await german.getByRole('heading', { name: 'Prüfprotokoll', level: 1 }).waitFor();
    expect(await german.evaluate(() => document.documentElement.lang)).toBe('de');
    await german.getByRole('link', { name: 'Als CSV herunterladen' }).waitFor();
    await german.getByRole('button', { name: /e2e-admin@example\.org/ }).click();
    await german.getByRole('button', { name: 'Überall abmelden' }).waitFor();
    await german.context().close();
  });
});
