// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Member } from '../../../../src/contracts/access.ts';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { UsersPage } from './UsersPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const member = (id: string, email: string, role: Member['role']): Member => ({
  id,
  email,
  displayName: email.split('@')[0]!,
  role,
  instanceAdmin: false,
  signsInWith: 'password',
  createdAt: '2026-11-02T10:00:00.000Z',
});

const members = [member('u1', 'ada@example.org', 'admin'), member('u2', 'bo@example.org', 'coder')];

describe('the users page', () => {
  test('a role changes in place; a refused change goes back and says why', async () => {
    let refuse = false;
    const calls = mockApi((call) => {
      if (call.url === '/api/admin/members') return { body: { members } };
      if (call.method === 'PUT')
        return refuse
          ? { status: 400, body: { error: { code: 'BAD_INPUT', message: 'the last admin' } } }
          : { body: call.json };
      return undefined;
    });
    renderPage(<UsersPage />, '/admin/users');
    const role = await screen.findByLabelText<HTMLSelectElement>('Role of bo@example.org');
    fireEvent.change(role, { target: { value: 'librarian' } });
    await screen.findByText('bo@example.org is now Librarian.');
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: '/api/admin/members/u2/role',
      json: { role: 'librarian' },
    });
    refuse = true;
    const adminRole = screen.getByLabelText<HTMLSelectElement>('Role of ada@example.org');
    fireEvent.change(adminRole, { target: { value: 'viewer' } });
    await screen.findByText('Something went wrong: the last admin');
    expect(adminRole.value).toBe('admin');
  });

  test('removing asks first, then removes and reloads the list', async () => {
    let list = members;
    const calls = mockApi((call) => {
      if (call.url === '/api/admin/members') return { body: { members: list } };
      if (call.method === 'DELETE') {
        list = members.slice(0, 1);
        return { body: { status: 'removed' } };
      }
      return undefined;
    });
    renderPage(<UsersPage />, '/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove bo@example.org' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this member?' });
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove bo@example.org' }));
    await screen.findByText('bo@example.org was removed.');
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/admin/members/u2');
    await screen.findByRole('rowheader', { name: 'ada@example.org' });
    expect(screen.queryByRole('rowheader', { name: 'bo@example.org' })).toBeNull();
  });

  test('an invite shows its one-time link to copy; a mistyped email is caught first', async () => {
    const calls = mockApi((call) => {
      if (call.url === '/api/admin/members') return { body: { members } };
      if (call.url === '/api/admin/invites')
        return { status: 201, body: { token: 'cci_xyz', expiresAt: '2026-12-04T21:00:00Z' } };
      return undefined;
    });
    renderPage(<UsersPage />, '/admin/users');
    fireEvent.change(await screen.findByLabelText('Email (optional)'), {
      target: { value: 'not-an-email' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation link' }));
    await screen.findByRole('link', { name: /Enter an email address like/ });
    expect(calls.some((c) => c.url === '/api/admin/invites')).toBe(false);

    fireEvent.change(screen.getByLabelText('Email (optional)'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'coder' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const link = await screen.findByLabelText<HTMLInputElement>(/^Invitation link/);
    expect(link.value).toBe(`${window.location.origin}/setup#token=cci_xyz`);
    expect(screen.getByText(/it will not be shown again/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(calls.find((c) => c.url === '/api/admin/invites')?.json).toEqual({ role: 'coder' });
  });
});
