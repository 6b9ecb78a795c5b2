// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LibraryPage } from './LibraryPage.tsx';
import { mockApi, renderPage } from './test-utils.tsx';
import type { DocumentSummary, ImportJob } from '../../../../src/contracts/library.ts';

/** XMLHttpRequest as the upload uses it, driven by the test. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  method = '';
  url = '';
  body: FormData | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: unknown) {
    act(() => {
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.onload?.();
    });
  }
}

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const doc = (patch: Partial<DocumentSummary>): DocumentSummary => ({
  id: 6,
  title: 'sample-ccipra-v320r0-ptp.txt',
  kind: 'ncci-ptp',
  partial: false,
  setting: 'practitioner',
  system: null,
  language: null,
  release: 'v32.0',
  publisher: null,
  fileName: 'sample-ccipra-v320r0-ptp.txt',
  fileHash: 'abc',
  fileSize: 3645,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  importedAt: '2026-11-27T03:53:26.840Z',
  rowsRead: 48,
  rowsStored: 48,
  rowsSkipped: 0,
  skippedReasons: {},
  ...patch,
});

const ptp = doc({});
const guide = doc({
  id: 9,
  title: 'Sample coding guideline',
  kind: 'markdown',
  setting: null,
  release: null,
  effectiveFrom: null,
  rowsRead: 37,
  rowsStored: 37,
  language: 'en',
});

describe('the library list', () => {
  test('shows each document version with kind, setting, version, period and counts', async () => {
    mockApi((call) =>
      call.url === '/api/library/documents' ? { body: { documents: [ptp, guide] } } : undefined,
    );
    renderPage(<LibraryPage />, '/library');
    const table = await screen.findByRole('table', { name: '2 document versions in the library' });
    const [, ptpRow, guideRow] = within(table).getAllByRole('row');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(within(ptpRow!).getByRole('link', { name: ptp.title }).getAttribute('href')).toBe(
      '/library/6',
    );
    expect(cells(ptpRow!).slice(0, 5)).toEqual([
      'NCCI PTP edits',
      'Practitioner',
      'v32.0',
      'From Jan 1, 2026',
      '48 rows',
    ]);
    expect(cells(guideRow!).slice(0, 5)).toEqual([
      'Markdown document',
      'All settings',
      'Not stated',
      'No dates stated',
      '37 passages',
    ]);
    expect(
      within(guideRow!).getByRole('button', { name: 'Remove Sample coding guideline' }),
    ).toBeTruthy();
  });

  test('instance-wide reference data is marked and cannot be removed from here', async () => {
    const shared = doc({ id: 12, title: 'CMS PTP v32.3', shared: true });
    mockApi((call) =>
      call.url === '/api/library/documents' ? { body: { documents: [guide, shared] } } : undefined,
    );
    renderPage(<LibraryPage />, '/library');
    const table = await screen.findByRole('table', { name: '2 document versions in the library' });
    const [, guideRow, sharedRow] = within(table).getAllByRole('row');
    expect(within(sharedRow!).getByText('Reference data')).toBeTruthy();
    expect(within(sharedRow!).queryByRole('button')).toBeNull();
    expect(within(guideRow!).queryByText('Reference data')).toBeNull();
    expect(within(guideRow!).getByRole('button', { name: /Remove/ })).toBeTruthy();
  });

  test('asks before removing, and removes only on confirmation', async () => {
    let documents = [ptp, guide];
    const calls = mockApi((call) => {
      if (call.url === '/api/library/documents') return { body: { documents } };
      if (call.method === 'DELETE' && call.url === '/api/library/documents/9') {
        documents = [ptp];
        return { body: { removed: guide } };
      }
      return undefined;
    });
    renderPage(<LibraryPage />, '/library');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Sample coding guideline' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this document?' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.textContent).toContain(
      'Sample coding guideline and every fact and passage it brought will be removed',
    );
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Sample coding guideline' }));
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Remove “Sample coding guideline”' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Sample coding guideline' })).toBeNull(),
    );
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([
      '/api/library/documents/9',
    ]);
    expect((dialog as HTMLDialogElement).open).toBe(false);
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Removed Sample coding guideline.');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Documents' })),
    );
  });

  test('a refused removal is shown in the dialog', async () => {
    mockApi((call) => {
      if (call.url === '/api/library/documents') return { body: { documents: [ptp] } };
      if (call.method === 'DELETE')
        return { status: 500, body: { error: { code: 'INTERNAL', message: 'disk full' } } };
      return undefined;
    });
    renderPage(<LibraryPage />, '/library');
    fireEvent.click(await screen.findByRole('button', { name: `Remove ${ptp.title}` }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: `Remove “${ptp.title}”` }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'It could not be removed: disk full',
    );
  });
});

describe('uploads', () => {
  const importJob = (patch: Partial<ImportJob>): ImportJob => ({
    id: '18d9dc22-28ee-4286-8977-516c03ed6933',
    fileName: 'ptp.txt',
    status: 'queued',
    progress: { phase: 'detecting', done: 0, total: 0 },
    createdAt: '2026-11-27T03:53:50.808Z',
    ...patch,
  });

  test('each file is uploaded on its own with its own progress, then its import and result', async () => {
    let polls = 0;
    let listed = 0;
    mockApi((call) => {
      if (call.url === '/api/library/documents') {
        listed++;
        return { body: { documents: [] } };
      }
      if (call.url === `/api/library/imports/${importJob({}).id}`) {
        polls++;
        return {
          body:
            polls === 1
              ? importJob({
                  status: 'running',
                  progress: { phase: 'storing', done: 10, total: 48 },
                })
              : importJob({
                  status: 'done',
                  progress: { phase: 'done', done: 48, total: 48 },
                  result: {
                    status: 'imported',
                    document: ptp,
                    rowsRead: 50,
                    rowsStored: 48,
                    rowsSkipped: 2,
                    skippedReasons: { 'column 2 is not a code': 2 },
                    durationMs: 30,
                  },
                }),
        };
      }
      return undefined;
    });
    renderPage(<LibraryPage />, '/library');
    await screen.findByText('The library is empty. Add files above.');
    fireEvent.change(screen.getByLabelText('Setting'), { target: { value: 'hospital' } });
    fireEvent.change(screen.getByLabelText('Effective date'), { target: { value: '2026-04-01' } });
    fireEvent.change(screen.getByLabelText('Choose files'), {
      target: {
        files: [new File(['a'.repeat(100)], 'ptp.txt'), new File(['\u0000'], 'broken.bin')],
      },
    });

    expect(FakeXhr.sent).toHaveLength(2);
    const [first, second] = FakeXhr.sent as [FakeXhr, FakeXhr];
    expect(first.method).toBe('POST');
    expect(first.url).toBe('/api/library/documents');
    expect(first.body?.getAll('files').map((f) => (f as File).name)).toEqual(['ptp.txt']);
    expect(second.body?.getAll('files').map((f) => (f as File).name)).toEqual(['broken.bin']);
    expect(first.body?.get('setting')).toBe('hospital');
    expect(first.body?.get('effective')).toBe('2026-04-01');
    expect(first.body?.has('kind')).toBe(false);

    first.progress(50, 100);
    const bar = screen.getByRole('progressbar', { name: 'Upload of ptp.txt' });
    expect(bar.getAttribute('value')).toBe('0.5');
    expect(screen.getByText('50% sent')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Upload of broken.bin' })).toBeTruthy();

    second.respond(400, {
      error: { code: 'UNKNOWN_TYPE', message: 'broken.bin: the content is binary data' },
    });
    expect(await screen.findByText('broken.bin: the content is binary data')).toBeTruthy();
    expect(screen.getByText('Not uploaded')).toBeTruthy();

    first.respond(202, { jobs: [importJob({})] });
    expect(await screen.findByText('Uploaded; waiting for the imports before it')).toBeTruthy();
    expect(await screen.findByText('Importing: storing')).toBeTruthy();
    expect(screen.getByText('10 of 48 rows')).toBeTruthy();
    expect(
      screen.getByRole('progressbar', { name: 'Import of ptp.txt' }).getAttribute('value'),
    ).toBe('10');

    expect(await screen.findByText('Imported', {}, { timeout: 3000 })).toBeTruthy();
    const item = screen.getByText('Imported').closest('li')!;
    expect(item.textContent).toContain('48 rows stored. 2 rows skipped:');
    expect(item.textContent).toContain('column 2 is not a code: 2 rows');
    expect(within(item).getByRole('link', { name: ptp.title }).getAttribute('href')).toBe(
      '/library/6',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(listed).toBe(2));

    fireEvent.click(screen.getByRole('button', { name: 'Clear 2 finished uploads' }));
    expect(screen.queryByRole('list', { name: 'Uploads' })).toBeNull();
  });

  test('a file already in the library and a failed import are said in words', async () => {
    const unchanged = importJob({
      id: '11111111-1111-4111-8111-111111111111',
      status: 'done',
      result: {
        status: 'unchanged',
        document: ptp,
        rowsRead: 48,
        rowsStored: 48,
        rowsSkipped: 0,
        skippedReasons: {},
        durationMs: 1,
      },
    });
    const failed = importJob({
      id: '22222222-2222-4222-8222-222222222222',
      status: 'failed',
      error: { code: 'BAD_INPUT', message: 'guide.pdf: the PDF is truncated' },
    });
    mockApi((call) => {
      if (call.url === '/api/library/documents') return { body: { documents: [ptp] } };
      if (call.url.endsWith(unchanged.id)) return { body: unchanged };
      if (call.url.endsWith(failed.id)) return { body: failed };
      return undefined;
    });
    renderPage(<LibraryPage />, '/library');
    fireEvent.change(await screen.findByLabelText('Choose files'), {
      target: { files: [new File(['x'], 'ptp.txt'), new File(['y'], 'guide.pdf')] },
    });
    const [first, second] = FakeXhr.sent as [FakeXhr, FakeXhr];
    first.respond(202, { jobs: [{ ...unchanged, status: 'queued' }] });
    second.respond(202, { jobs: [{ ...failed, status: 'queued' }] });
    expect(
      await screen.findByText('Already in the library: nothing changed', {}, { timeout: 3000 }),
    ).toBeTruthy();
    expect(await screen.findByText('guide.pdf: the PDF is truncated')).toBeTruthy();
    expect(screen.getByText('Not imported')).toBeTruthy();
  });
});
