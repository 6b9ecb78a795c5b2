// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ApiKey } from '../../../../src/contracts/access.ts';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { ApiKeysPage } from './ApiKeysPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ci: ApiKey = {
  id: 'k1',
  name: 'ci pipeline',
  role: 'coder',
  prefix: 'cck_ab12',
  createdAt: '2026-11-02T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('the API keys page', () => {
  test('a new key is shown once with its warning; the list then has its row', async () => {
    let keys: ApiKey[] = [];
    const calls = mockApi((call) => {
      if (call.method === 'POST') {
        keys = [ci];
        return { status: 201, body: { ...ci, key: 'cck_ab12_secret_value' } };
      }
      if (call.url === '/api/admin/api-keys') return { body: { keys } };
      return undefined;
    });
    renderPage(<ApiKeysPage />, '/admin/api-keys');
    await screen.findByText('No API keys yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await screen.findByRole('link', { name: 'Give the key a name (what uses it).' });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' ci pipeline ' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'coder' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const key = await screen.findByLabelText<HTMLInputElement>('The new key ci pipeline');
    expect(key.value).toBe('cck_ab12_secret_value');
    expect(screen.getByText(/it will not be shown again/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.json).toEqual({
      name: 'ci pipeline',
      role: 'coder',
    });
    const row = (await screen.findByRole('rowheader', { name: 'ci pipeline' })).closest('tr')!;
    expect(within(row).getByText('cck_ab12')).toBeTruthy();
    expect(within(row).getByText('Never')).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
  });

  test('revoking asks first; a revoked key has no Revoke button', async () => {
    let keys = [ci];
    const calls = mockApi((call) => {
      if (call.method === 'DELETE') {
        keys = [{ ...ci, revokedAt: '2026-12-01T09:00:00.000Z' }];
        return { body: { status: 'revoked' } };
      }
      if (call.url === '/api/admin/api-keys') return { body: { keys } };
      return undefined;
    });
    renderPage(<ApiKeysPage />, '/admin/api-keys');
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke ci pipeline' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this key?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke ci pipeline' }));
    await screen.findByText('ci pipeline was revoked.');
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/admin/api-keys/k1');
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Revoke ci pipeline' })).toBeNull(),
    );
  });
});
