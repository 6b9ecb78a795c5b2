// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { DocumentPage } from './DocumentPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { seriousProblems } from './test-a11y.ts';
import { mockApi, renderPage } from './test-utils.tsx';
import type { DocumentSummary } from '../../../../src/contracts/library.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const guide: DocumentSummary = {
  id: 9,
  title: 'Sample coding guideline',
  kind: 'markdown',
  partial: true,
  setting: null,
  system: null,
  language: 'en',
  release: null,
  publisher: null,
  fileName: 'guide.md',
  fileHash: 'abc',
  fileSize: 1200,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  importedAt: '2026-11-27T03:53:26.840Z',
  rowsRead: 2,
  rowsStored: 2,
  rowsSkipped: 0,
  skippedReasons: {},
};

class PendingXhr {
  upload = { onprogress: null };
  open() {}
  send() {}
  abort() {}
}

test('the library page has no serious accessibility problem: list, uploads, dialog', async () => {
  vi.stubGlobal('XMLHttpRequest', PendingXhr);
  mockApi((call) =>
    call.url === '/api/library/documents' ? { body: { documents: [guide] } } : undefined,
  );
  renderPage(
    <main>
      <LibraryPage />
    </main>,
    '/library',
  );
  await screen.findByRole('table');
  fireEvent.change(screen.getByLabelText('Choose files'), {
    target: { files: [new File(['x'], 'a.pdf')] },
  });
  await screen.findByRole('progressbar', { name: 'Upload of a.pdf' });
  expect(await seriousProblems()).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Remove Sample coding guideline' }));
  expect(screen.getByRole('dialog', { name: 'Remove this document?' })).toBeTruthy();
  expect(await seriousProblems()).toEqual([]);
});

test('the document page has no serious accessibility problem', async () => {
  mockApi((call) => {
    if (call.url === '/api/library/documents/9') return { body: guide };
    if (call.url.startsWith('/api/library/documents/9/passages'))
      return {
        body: {
          total: 2,
          passages: [
            {
              id: 1,
              ordinal: 0,
              text: 'Report 62264 once per day.',
              page: 1,
              headingPath: ['Guide', 'Rules'],
              codes: [{ system: 'cpt', code: '62264' }],
            },
            { id: 2, ordinal: 1, text: 'Second.', page: null, headingPath: [], codes: [] },
          ],
        },
      };
    return undefined;
  });
  renderPage(
    <main>
      <DocumentPage id={9} />
    </main>,
    '/library/9',
  );
  await screen.findByText('Showing 2 of 2 passages.');
  expect(await seriousProblems()).toEqual([]);
});

test('the library page speaks Arabic', async () => {
  mockApi((call) =>
    call.url === '/api/library/documents' ? { body: { documents: [guide] } } : undefined,
  );
  renderPage(<LibraryPage />, '/library', 'ar');
  expect(await screen.findByRole('heading', { level: 1, name: 'المكتبة' })).toBeTruthy();
  expect(await screen.findByRole('table', { name: 'إصدار مستند واحد في المكتبة' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'إزالة Sample coding guideline' })).toBeTruthy();
});
