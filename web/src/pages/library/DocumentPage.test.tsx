// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DocumentPage } from './DocumentPage.tsx';
import { PASSAGE_PAGE } from './PassageList.tsx';
import { mockApi, renderPage } from './test-utils.tsx';
import type { DocumentSummary } from '../../../../src/contracts/library.ts';
import type { Passage } from '../../../../src/contracts/sources.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const guide: DocumentSummary = {
  id: 9,
  title: 'Sample coding guideline',
  kind: 'markdown',
  partial: false,
  setting: null,
  system: null,
  language: 'en',
  release: null,
  publisher: null,
  fileName: 'sample-epidural-coding-guide.md',
  fileHash: 'abc',
  fileSize: 11_700,
  effectiveFrom: null,
  effectiveTo: null,
  importedAt: '2026-11-27T03:53:26.840Z',
  rowsRead: 60,
  rowsStored: 60,
  rowsSkipped: 0,
  skippedReasons: {},
};

const passage = (ordinal: number): Passage => ({
  id: 1000 + ordinal,
  ordinal,
  text: `Passage ${ordinal}: report 62264 once per day.`,
  page: ordinal === 0 ? 2 : null,
  headingPath: ['Sample coding guideline', 'Reporting rules'],
  codes:
    ordinal === 0
      ? [
          { system: 'cpt', code: '62264' },
          { system: 'icd10cm', code: 'M54.16' },
        ]
      : [],
});
const all = Array.from({ length: 60 }, (_, i) => passage(i));

describe('a document page', () => {
  test('shows a prose document’s passages with page, headings and code links, 50 at a time', async () => {
    const calls = mockApi((call) => {
      if (call.url === '/api/library/documents/9') return { body: guide };
      const match = /^\/api\/library\/documents\/9\/passages\?offset=(\d+)&limit=(\d+)$/.exec(
        call.url,
      );
      if (match) {
        const offset = Number(match[1]);
        return {
          body: { total: all.length, passages: all.slice(offset, offset + Number(match[2])) },
        };
      }
      return undefined;
    });
    renderPage(<DocumentPage id={9} />, '/library/9');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sample coding guideline' }),
    ).toBeTruthy();
    await screen.findByText('Showing 50 of 60 passages.');
    const list = screen.getAllByRole('list').find((l) => l.classList.contains('passages'))!;
    expect(list.children).toHaveLength(PASSAGE_PAGE);
    const first = list.children[0] as HTMLElement;
    expect(first.textContent).toContain('Page 2');
    expect(first.textContent).toContain('Sample coding guideline › Reporting rules');
    expect(
      within(first)
        .getByText(/Passage 0/)
        .getAttribute('lang'),
    ).toBe('en');
    expect(within(first).getByRole('link', { name: '62264 CPT' }).getAttribute('href')).toBe(
      '/codes/cpt/62264',
    );
    expect(within(first).getByRole('link', { name: 'M54.16 ICD-10-CM' }).getAttribute('href')).toBe(
      '/codes/icd10cm/M54.16',
    );
    expect(screen.getByText('Markdown document')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Download the original file' }).getAttribute('href'),
    ).toBe('/api/library/documents/9/file');

    fireEvent.click(screen.getByRole('button', { name: 'Load more passages' }));
    await screen.findByText('Showing 60 of 60 passages.');
    expect(list.children).toHaveLength(60);
    await waitFor(() => expect(document.activeElement).toBe(list.children[50]));
    expect(screen.queryByRole('button', { name: 'Load more passages' })).toBeNull();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/library/documents/9',
      '/api/library/documents/9/passages?offset=0&limit=50',
      '/api/library/documents/9/passages?offset=50&limit=50',
    ]);
  });

  test('shows a table’s row counts instead of passages', async () => {
    const calls = mockApi((call) =>
      call.url === '/api/library/documents/3'
        ? {
            body: {
              ...guide,
              id: 3,
              title: 'mue.csv',
              kind: 'ncci-mue',
              setting: 'practitioner',
              release: '2026-01-01',
              effectiveFrom: '2026-01-01',
              effectiveTo: '2026-03-31',
              language: null,
              rowsRead: 31,
              rowsStored: 29,
              rowsSkipped: 2,
              skippedReasons: { 'the MUE value is not a number': 2 },
            },
          }
        : undefined,
    );
    renderPage(<DocumentPage id={3} />, '/library/3');
    expect(await screen.findByRole('heading', { name: 'Rows' })).toBeTruthy();
    expect(screen.getByText('31 rows read')).toBeTruthy();
    expect(screen.getByText('29 rows stored')).toBeTruthy();
    expect(screen.getByText('2 rows skipped')).toBeTruthy();
    expect(screen.getByText('the MUE value is not a number: 2 rows')).toBeTruthy();
    expect(screen.getByText('Jan 1, 2026 to Mar 31, 2026')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Passages' })).toBeNull();
    expect(calls.some((c) => c.url.includes('/passages'))).toBe(false);
  });

  test('removes the document after confirmation and goes back to the library', async () => {
    const calls = mockApi((call) => {
      if (call.url === '/api/library/documents/3' && call.method === 'GET')
        return { body: { ...guide, id: 3, kind: 'add-on', title: 'add-on.csv' } };
      if (call.method === 'DELETE') return { body: { removed: guide } };
      return undefined;
    });
    renderPage(<DocumentPage id={3} />, '/library/3');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove this document' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this document?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove “add-on.csv”' }));
    await waitFor(() => expect(window.location.pathname).toBe('/library'));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([
      '/api/library/documents/3',
    ]);
  });

  test('a document the library does not have is said so', async () => {
    mockApi(() => undefined);
    renderPage(<DocumentPage id={404} />, '/library/404');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The library has no such document. It may have been removed.',
    );
    expect(screen.getByRole('link', { name: /Back to the library/ })).toBeTruthy();
  });
});
