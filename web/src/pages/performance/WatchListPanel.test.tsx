// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { WatchListView } from '../../../../src/contracts/watch-list.ts';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { WatchListPanel } from './WatchListPanel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What the newest sample release changed: 62264's MUE value, when the list holds it. */
function changesFor(codes: string[]) {
  if (!codes.includes('62264')) return [];
  return [
    {
      dataset: 'Sample MUE, practitioner',
      release: '2031-01-01',
      previous: '2026-01-01',
      heading: 'Changed in 2031-01-01',
      note: 'Sample MUE, practitioner: what changed for the codes on the watch list since the 2026-01-01 release.',
      items: [
        {
          kind: 'mue-value-changed',
          text: 'The MUE value of 62264 changed from 1 to 2.',
          lang: 'en',
          citations: [],
        },
      ],
    },
  ];
}

/** A server holding a list in memory: GET reads it, PUT and DELETE change its chosen codes. */
function serveList(initial: WatchListView['codes']) {
  let codes = [...initial];
  return mockApi((call) => {
    if (call.url === '/api/watch-list') return { body: { codes } };
    if (call.url.startsWith('/api/watch-list/changes'))
      return { body: { codes: codes.length, changes: changesFor(codes.map((c) => c.code)) } };
    const code = decodeURIComponent(call.url.replace('/api/watch-list/codes/', ''));
    const system = code.includes('.') ? 'icd10cm' : 'cpt';
    if (call.method === 'PUT') {
      const changed = !codes.some((c) => c.code === code);
      if (changed) codes = [...codes, { code, system, sources: ['chosen'] }];
      return { body: { code, system, changed } };
    }
    if (call.method === 'DELETE') {
      codes = codes.filter((c) => c.code !== code);
      return { body: { code, system, changed: true } };
    }
    return undefined;
  });
}

describe('WatchListPanel', () => {
  test('lists the codes with where each comes from; only chosen codes can be removed', async () => {
    serveList([
      { code: '62264', system: 'cpt', sources: ['checks'] },
      { code: 'M54.50', system: 'icd10cm', sources: ['chosen'] },
      { code: '64483', system: 'cpt', sources: ['chosen', 'checks'] },
    ]);
    renderPage(<WatchListPanel />, '/performance');
    const table = await screen.findByRole('table', { name: 'Codes on the watch list' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '62264CPTSeen in checks',
      'M54.50ICD-10-CMChosenStop watching M54.50',
      '64483CPTChosen · Seen in checksStop watching 64483',
    ]);
  });

  test("the newest releases' changes for the list come first, asked again when the list changes", async () => {
    serveList([]);
    renderPage(<WatchListPanel />, '/performance');
    expect(await screen.findByText(/Watch codes below/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Code to watch'), { target: { value: '62264' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    const changed = await screen.findByRole('region', { name: 'Changed in 2031-01-01' });
    expect(changed.textContent).toContain('The MUE value of 62264 changed from 1 to 2.');
  });

  test('an admin adds a code (read as the server stores it) and removes it', async () => {
    const calls = serveList([]);
    renderPage(<WatchListPanel />, '/performance');
    expect(await screen.findByText('No codes are watched yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Code to watch'), { target: { value: ' m54.50 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    await screen.findByRole('table', { name: 'Codes on the watch list' });
    expect(screen.getByText('M54.50 is now watched.').getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByRole('button', { name: 'Stop watching M54.50' }));
    await screen.findByText('No codes are watched yet.');
    expect(calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /api/watch-list/codes/M54.50',
      'DELETE /api/watch-list/codes/M54.50',
    ]);
  });

  test('a code of no watched shape is refused before any request', async () => {
    const calls = serveList([]);
    renderPage(<WatchListPanel />, '/performance');
    await screen.findByText('No codes are watched yet.');
    fireEvent.change(screen.getByLabelText('Code to watch'), { target: { value: 'banana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'banana is not a CPT, HCPCS or ICD-10-CM code.',
      ),
    );
    // Only the two reads (the list and its changes): nothing was sent to be watched.
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET']);
  });
});
