// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mockApi, renderPage } from '../pages/library/test-utils.tsx';
import { App } from './App.tsx';
import { meAs, shellAnswers, signInRequired } from './test-session.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const nav = () => screen.getByRole('navigation', { name: 'Main' });

describe('the app shell and the session', () => {
  test('nobody signed in: the sign-in page, with the way back to the page asked for', async () => {
    mockApi((call) => shellAnswers(undefined, call));
    renderPage(<App />, '/library?kind=pdf');
    await screen.findByRole('heading', { name: 'Sign in to Codecard' });
    expect(window.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/library?kind=pdf');
    expect(within(nav()).queryByRole('link', { name: 'Library' })).toBeNull();
  });

  test('no account yet (503 SETUP_REQUIRED): where to find the setup link', async () => {
    mockApi((call) =>
      shellAnswers(
        { status: 503, body: { error: { code: 'SETUP_REQUIRED', message: 'no admin' } } },
        call,
      ),
    );
    renderPage(<App />, '/');
    await screen.findByRole('heading', { name: 'Codecard needs its first administrator' });
    expect(screen.getByText(/codecard user add/)).toBeTruthy();
    expect(window.location.pathname).toBe('/');
  });

  test('a viewer: email, organization and role in the top bar; no check, performance or admin', async () => {
    mockApi((call) => shellAnswers(meAs('viewer'), call));
    renderPage(<App />, '/check');
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('Your role (Viewer) cannot open');
    const menu = screen.getByRole('button', { name: /viewer@example\.org/ });
    expect(menu.textContent).toContain('Default clinic · Viewer');
    expect(within(nav()).getByRole('link', { name: 'Library' })).toBeTruthy();
    for (const name of ['Check', 'Performance', 'Administration'])
      expect(within(nav()).queryByRole('link', { name }), name).toBeNull();
  });

  test('an admin sees every entry; Sign out ends the session and shows the sign-in page', async () => {
    const calls = mockApi((call) =>
      call.url === '/api/auth/sign-out'
        ? { body: { status: 'signed-out', sessions: 1 } }
        : shellAnswers(meAs('admin'), call),
    );
    renderPage(<App />, '/');
    const menu = await screen.findByRole('button', { name: /admin@example\.org/ });
    for (const name of ['Check', 'Library', 'Performance', 'Administration'])
      expect(within(nav()).getByRole('link', { name })).toBeTruthy();
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByText('You are signed out.');
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/auth/sign-out')).toBe(true);
    expect(window.location.pathname).toBe('/sign-in');
  });

  test('a request that answers 401 later (session ended): sign-in with a message', async () => {
    mockApi((call) =>
      call.url.startsWith('/api/library/documents')
        ? { status: 401, body: signInRequired }
        : shellAnswers(meAs('librarian'), call),
    );
    renderPage(<App />, '/');
    await screen.findByRole('button', { name: /librarian@example\.org/ });
    fireEvent.click(within(nav()).getByRole('link', { name: 'Library' }));
    await screen.findByText('Your session has ended. Sign in again to continue.');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/library');
  });
});

describe('the top bar on a phone and the theme', () => {
  test('Menu is a disclosure: Escape closes it and gives the focus back; the user menu closes first', async () => {
    mockApi((call) => shellAnswers(meAs('admin'), call));
    renderPage(<App />, '/');
    const user = await screen.findByRole('button', { name: /admin@example\.org/ });
    const menu = screen.getByRole('button', { name: 'Menu' });
    const panel = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(panel.contains(nav())).toBe(true);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(panel.className).toContain('open');
    fireEvent.click(user);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(user.getAttribute('aria-expanded')).toBe('false');
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(panel.className).not.toContain('open');
    expect(document.activeElement).toBe(menu);
  });

  test('the theme choice sets <html data-theme> and is remembered', async () => {
    mockApi((call) => shellAnswers(meAs('viewer'), call));
    renderPage(<App />, '/');
    const theme = await screen.findByRole('combobox', { name: 'Theme' });
    expect((theme as HTMLSelectElement).value).toBe('system');
    fireEvent.change(theme, { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('codecard.theme')).toBe('dark');
    fireEvent.change(theme, { target: { value: 'light' } });
    expect(document.documentElement.dataset.theme).toBe('light');
    fireEvent.change(theme, { target: { value: 'system' } });
    expect(localStorage.getItem('codecard.theme')).toBe('system');
  });
});
