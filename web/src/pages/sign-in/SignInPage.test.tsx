// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { App } from '../../app/App.tsx';
import { meAs, shellAnswers } from '../../app/test-session.ts';
import { mockApi, renderPage, type ApiAnswer, type ApiCall } from '../library/test-utils.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Nobody signed in; the sign-in request answers with `answer`. */
function server(answer: (call: ApiCall) => ApiAnswer, sso = false) {
  return mockApi((call) => {
    if (call.url === '/api/auth/sign-in') return answer(call);
    if (call.url === '/api/auth/status') return { body: { needsSetup: false, sso } };
    return shellAnswers(undefined, call);
  });
}

async function submit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the sign-in page', () => {
  test('empty fields: the error summary links each one and takes the focus; nothing is sent', async () => {
    const calls = server(() => undefined);
    renderPage(<App />, '/sign-in');
    await submit('', '');
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('link', { name: 'Enter your email.' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enter your password.' })).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.url === '/api/auth/sign-in')).toBe(false);
  });

  test('a wrong password and a locked account say so (with the seconds to wait)', async () => {
    let locked = false;
    server(() =>
      locked
        ? {
            status: 429,
            body: { error: { code: 'ACCOUNT_LOCKED', message: 'try again in 42 seconds' } },
          }
        : { status: 401, body: { error: { code: 'SIGN_IN_FAILED', message: 'no' } } },
    );
    renderPage(<App />, '/sign-in');
    await submit('ana@example.org', 'wrong');
    await screen.findByText('The email or password is not right.');
    locked = true;
    await submit('ana@example.org', 'wrong again');
    await screen.findByText('Too many failed sign-ins for this account. Try again in 42 seconds.');
  });

  test('signed in, the app goes back to the page asked for, and SSO is offered when on', async () => {
    const calls = server(() => ({ body: meAs('coder', 'ana@example.org') }), true);
    renderPage(<App />, '/sign-in?next=%2Fcheck');
    const sso = await screen.findByRole('link', { name: 'Sign in with SSO' });
    expect(sso.getAttribute('href')).toBe('/api/auth/sso/start?returnTo=%2Fcheck');
    await submit(' ana@example.org ', 'correct horse battery staple');
    await screen.findByRole('button', { name: /ana@example\.org/ });
    expect(window.location.pathname).toBe('/check');
    expect(calls.find((c) => c.url === '/api/auth/sign-in')?.json).toEqual({
      email: 'ana@example.org',
      password: 'correct horse battery staple',
    });
  });

  test('a failed single sign-on says so, with its reason', async () => {
    server(
      () => ({ status: 401, body: { error: { code: 'SIGN_IN_REQUIRED', message: 'x' } } }),
      true,
    );
    renderPage(<App />, '/sign-in?sso_error=SSO_NO_ROLE');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('SSO_NO_ROLE');
  });
});
