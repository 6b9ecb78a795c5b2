// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mockFetch, renderAt } from '../../components/test-utils.tsx';
import { SourcePage, type Source } from './SourcePage.tsx';

// pdf.js does not run in happy-dom: the page view is stood in for, and its props checked.
vi.mock('./PdfPage.tsx', () => ({
  PdfPage: (props: { documentId: number; page: number; quote: string }) => (
    <p data-testid="pdf-page">{`${props.documentId}|${props.page}|${props.quote}`}</p>
  ),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ptpDocument: Source['document'] = {
  id: 6,
  title: 'sample-ccipra-v320r0-ptp.txt',
  kind: 'ncci-ptp',
  partial: false,
  fileName: 'sample-ccipra-v320r0-ptp.txt',
  fileHash: 'a1',
  fileSize: 2048,
  release: 'v32.0',
  publisher: null,
  setting: 'practitioner',
  system: null,
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-03-31',
  language: null,
  importedAt: '2026-01-02T00:00:00.000Z',
  rowsRead: 1,
  rowsStored: 1,
  rowsSkipped: 0,
  skippedReasons: {},
  hasFile: false,
};

describe('SourcePage', () => {
  test('a table citation shows the row’s columns with the file, version and period', async () => {
    const source: Source = {
      document: ptpDocument,
      rows: [
        {
          table: 'ptp_edits',
          locator: 'line 25',
          columns: [
            { name: 'column1', value: '62264' },
            { name: 'column2', value: '77003' },
            { name: 'modifier_indicator', value: '1' },
            { name: 'deletion_date', value: null },
          ],
        },
      ],
    };
    const calls = mockFetch(({ url }) =>
      url.startsWith('/api/sources/6') ? { body: source } : undefined,
    );
    renderAt('/sources/6?locator=line%2025', <SourcePage documentId={6} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'sample-ccipra-v320r0-ptp.txt' }),
    ).toBeTruthy();
    expect(calls[0]!.url).toBe('/api/sources/6?locator=line%2025');
    expect(screen.getByText('v32.0')).toBeTruthy();
    expect(screen.getByText('2026-01-01 to 2026-03-31')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'NCCI PTP edit · line 25' });
    expect(table.closest('.table-scroll')).toBeTruthy();
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(cells).toContain('modifier_indicator1');
    expect(cells).toContain('deletion_date(empty)');
    expect(
      screen.getByRole('link', { name: 'This document in the library' }).getAttribute('href'),
    ).toBe('/library/6');
    expect(screen.getByRole('button', { name: 'Back' })).toBeTruthy();
  });

  test('a prose citation marks the cited span in its passage', async () => {
    mockFetch(() => ({
      body: {
        document: {
          ...ptpDocument,
          id: 9,
          kind: 'markdown',
          title: 'Sample coding guideline',
          fileName: 'guide.md',
          release: null,
          effectiveTo: null,
        },
        passage: {
          id: 1,
          text: 'Bundling. Do not report 72275 or 77003 with 62264. Report it once.',
          page: null,
          headingPath: ['Sample coding guideline', 'Bundling'],
          startOffset: 3000,
          endOffset: 3066,
          highlightStart: 10,
          highlightEnd: 50,
        },
      } satisfies Source,
    }));
    renderAt('/sources/9?locator=x', <SourcePage documentId={9} />);
    await screen.findByRole('heading', { level: 1, name: 'Sample coding guideline' });
    const mark = document.querySelector('mark')!;
    expect(mark.textContent).toBe(
      'Cited text begins: Do not report 72275 or 77003 with 62264. Cited text ends.',
    );
    expect(screen.getByText('Sample coding guideline › Bundling')).toBeTruthy();
    expect(screen.getByText('From 2026-01-01')).toBeTruthy();
    expect(screen.getByText('Not stated')).toBeTruthy();
    expect(screen.queryByTestId('pdf-page')).toBeNull();
  });

  test('a PDF passage with its file shows the page view with the cited words', async () => {
    mockFetch(() => ({
      body: {
        document: { ...ptpDocument, id: 8, kind: 'pdf', fileName: 'checklist.pdf', hasFile: true },
        passage: {
          id: 2,
          text: 'Before 62264 the record must show the diagnosis.',
          page: 2,
          headingPath: [],
          startOffset: 1200,
          endOffset: 1248,
          highlightStart: 0,
          highlightEnd: 12,
        },
      } satisfies Source,
    }));
    renderAt('/sources/8?locator=page%202', <SourcePage documentId={8} />);
    expect((await screen.findByTestId('pdf-page')).textContent).toBe('8|2|Before 62264');
    expect(screen.getByRole('heading', { level: 2, name: 'Page 2 of the original' })).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Download the original file (checklist.pdf)' })
        .getAttribute('href'),
    ).toBe('/api/library/documents/8/file');
  });

  test('a citation the library no longer has shows the server’s message', async () => {
    mockFetch(() => ({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'document 6 has nothing at "line 99"' } },
    }));
    renderAt('/sources/6?locator=line%2099', <SourcePage documentId={6} />);
    expect((await screen.findByRole('alert')).textContent).toContain('nothing at "line 99"');
  });
});
