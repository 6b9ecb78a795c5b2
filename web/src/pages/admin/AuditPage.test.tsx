// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AuditEntryView } from '../../../../src/contracts/access.ts';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { AuditPage } from './AuditPage.tsx';
import { auditQuery, noFilters } from './audit-query.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const entry = (id: number, action: string, outcome = 'ok'): AuditEntryView => ({
  id,
  at: '2026-12-01T09:00:00.000Z',
  actorUserId: 'u1',
  actorEmail: 'ada@example.org',
  apiKeyId: null,
  action,
  targetType: 'user',
  targetId: 'u1',
  outcome,
  ip: '127.0.0.1',
});

describe('the audit log page', () => {
  test('filters go into the request and the CSV link; Older pages on with `next`', async () => {
    const calls = mockApi((call) => {
      if (call.url === '/api/admin/audit') return { body: { entries: [], next: null } };
      if (call.url === '/api/admin/audit?action=sign-in&outcome=failed&from=2026-12-01')
        return { body: { entries: [entry(9, 'sign-in', 'failed')], next: 9 } };
      if (call.url.endsWith('&before=9'))
        return { body: { entries: [entry(4, 'sign-in', 'failed')], next: null } };
      return undefined;
    });
    renderPage(<AuditPage />, '/admin/audit');
    await screen.findByText('No entries match these filters.');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'sign-in' } });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'failed' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByText('127.0.0.1');
    expect(screen.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(
      '/api/admin/audit.csv?action=sign-in&outcome=failed&from=2026-12-01',
    );
    expect(screen.getAllByText('Failed').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Older entries' }));
    await vi.waitFor(() => expect(calls.at(-1)?.url).toMatch(/&before=9$/));
    await screen.findByRole('button', { name: 'Newest entries' });
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull(),
    );
  });

  test('the query string names only the filters set', () => {
    expect(auditQuery(noFilters)).toBe('');
    expect(auditQuery({ ...noFilters, to: '2026-12-31' }, 40)).toBe('?to=2026-12-31&before=40');
  });
});
