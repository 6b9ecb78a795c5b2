// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { App } from '../../app/App.tsx';
import { meAs, shellAnswers } from '../../app/test-session.ts';
import { mockApi, renderPage } from '../library/test-utils.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const invite = {
  orgId: 'default',
  role: 'librarian',
  email: 'lee@example.org',
  instanceAdmin: false,
};

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('the setup page (an invite or the first-start link)', () => {
  test('says what the invite grants, keeps its email, checks the passwords, creates the account', async () => {
    const calls = mockApi((call) => {
      if (call.url === '/api/auth/invites?token=cci_abc%2B1') return { body: invite };
      if (call.method === 'POST' && call.url === '/api/auth/invites')
        return { status: 201, body: meAs('librarian', 'lee@example.org') };
      return shellAnswers(undefined, call);
    });
    renderPage(<App />, '/setup#token=cci_abc%2B1');
    await screen.findByText('This invitation makes you Librarian in the organization default.');
    const email = screen.getByLabelText<HTMLInputElement>('Email');
    expect(email.value).toBe('lee@example.org');
    expect(email.readOnly).toBe(true);

    fill('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create account and sign in' }));
    await screen.findByRole('link', { name: 'The password needs 12 to 1024 characters.' });
    fill('Password', 'a long enough password');
    fill('Password again', 'a different password!');
    fireEvent.click(screen.getByRole('button', { name: 'Create account and sign in' }));
    await screen.findByRole('link', { name: 'The two passwords are not the same.' });
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fill('Display name (optional)', 'Lee');
    fill('Password again', 'a long enough password');
    fireEvent.click(screen.getByRole('button', { name: 'Create account and sign in' }));
    await screen.findByRole('button', { name: /lee@example\.org/ });
    expect(window.location.pathname).toBe('/');
    expect(calls.find((c) => c.method === 'POST')?.json).toEqual({
      token: 'cci_abc+1',
      email: 'lee@example.org',
      displayName: 'Lee',
      password: 'a long enough password',
    });
  });

  test('a used or expired link says so, and offers no form', async () => {
    mockApi((call) =>
      call.url.startsWith('/api/auth/invites?')
        ? { status: 400, body: { error: { code: 'INVITE_INVALID', message: 'not valid' } } }
        : shellAnswers(undefined, call),
    );
    renderPage(<App />, '/setup#token=cci_used');
    await screen.findByText(/This link is not valid any more/);
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  test('without a token the page says which link it needs', async () => {
    mockApi((call) => shellAnswers(undefined, call));
    renderPage(<App />, '/setup');
    await screen.findByText(/This page needs the link you were given/);
  });
});
