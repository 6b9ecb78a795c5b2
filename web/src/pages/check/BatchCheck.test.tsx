// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { BatchCheck } from './BatchCheck.tsx';
import { PAGE_CLAIMS } from './BatchResults.tsx';
import type { BatchJob } from '../../../../src/contracts/check-jobs.ts';
import type { ClaimResult } from '../../../../src/contracts/checks.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const id = '6b998720-b550-4dca-adf7-152a83daae5d';
const job = (patch: Partial<BatchJob>): BatchJob => ({
  id,
  fileName: 'claims.837',
  lang: 'en',
  status: 'queued',
  progress: { done: 0, total: 3 },
  createdAt: '2026-11-27T03:53:48.655Z',
  ...patch,
});

const results: ClaimResult[] = [
  { id: 'A', findings: [], summary: { errors: 0, warnings: 0, infos: 0 } },
  {
    id: 'B',
    summary: { errors: 1, warnings: 0, infos: 0 },
    findings: [
      {
        rule: 'mue',
        severity: 'error',
        lines: [1],
        codes: ['62323'],
        message: '62323: units billed 2, above the MUE of 1 per day.',
        citations: [{ documentId: 3, title: 'mue.csv', version: '2026-01-01', locator: 'line 13' }],
      },
    ],
  },
];

describe('a claim file check', () => {
  test('uploads the file, shows progress while it runs, then the findings and the CSV link', async () => {
    let polls = 0;
    const calls = mockApi((call) => {
      if (call.method === 'POST' && call.url.startsWith('/api/checks/batch'))
        return { status: 202, body: job({}) };
      if (call.url === `/api/checks/batch/${id}`) {
        polls++;
        return {
          body:
            polls === 1
              ? job({ status: 'running', progress: { done: 2, total: 3 } })
              : job({
                  status: 'done',
                  progress: { done: 3, total: 3 },
                  summary: { claims: 2, claimsWithErrors: 1, errors: 1, warnings: 0, infos: 0 },
                  results: `/api/checks/batch/${id}/results`,
                }),
        };
      }
      if (call.url === `/api/checks/batch/${id}/results?format=json`)
        return { body: { claims: results } };
      return undefined;
    });
    renderPage(<BatchCheck />, '/check');
    fireEvent.change(screen.getByLabelText('Setting for claims that do not state one'), {
      target: { value: 'hospital' },
    });
    const input = screen.getByLabelText('Choose a claim file');
    const file = new File(['ISA*00*...'], 'claims.837', { type: 'text/plain' });
    fireEvent.change(input, { target: { files: [file] } });

    const progress = await screen.findByRole('progressbar', { name: 'Progress of claims.837' });
    expect(progress).toBeTruthy();
    await screen.findByText('claims.837: 2 of 3 claims checked.');
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('2');

    const heading = await screen.findByRole(
      'heading',
      { name: 'Findings in claims.837' },
      { timeout: 3000 },
    );
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('claims.837 checked: 2 claims, 1 with errors.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();

    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/checks/batch?lang=en');
    expect(post.form?.get('setting')).toBe('hospital');
    expect(post.form?.get('lang')).toBe('en');
    expect((post.form?.get('file') as File).name).toBe('claims.837');
    expect(window.location.search).toBe(`?batch=${id}`);

    const csv = screen.getByRole('link', { name: 'Export CSV' });
    expect(csv.getAttribute('href')).toBe(`/api/checks/batch/${id}/results?format=csv`);
    expect(csv.hasAttribute('download')).toBe(true);
    // A locality adds each code's Medicare fees there as CSV columns.
    fireEvent.change(screen.getByLabelText('Medicare fee columns for a locality (optional)'), {
      target: { value: ' NY 01 ' },
    });
    expect(csv.getAttribute('href')).toBe(
      `/api/checks/batch/${id}/results?format=csv&fee-locality=NY%2001`,
    );

    const claimB = screen.getByRole('article', { name: 'Claim B' });
    expect(within(claimB).getByRole('heading', { name: 'Line 1' })).toBeTruthy();
    expect(claimB.textContent).toContain('Medically unlikely edit (units)');
    expect(screen.getByRole('article', { name: 'Claim A' }).textContent).toContain(
      'No findings: the claim passed every check your library supports.',
    );

    fireEvent.click(screen.getByLabelText('Show only claims with findings'));
    expect(screen.queryByRole('article', { name: 'Claim A' })).toBeNull();
    expect(screen.getByText('Showing 1 of 1 claim.')).toBeTruthy();
  });

  test('shows a big batch a page of claims at a time', async () => {
    const many: ClaimResult[] = Array.from({ length: PAGE_CLAIMS + 5 }, (_, i) => ({
      id: `C${i}`,
      findings: [],
      summary: { errors: 0, warnings: 0, infos: 0 },
    }));
    mockApi((call) => {
      if (call.method === 'POST') return { status: 202, body: job({}) };
      if (call.url === `/api/checks/batch/${id}`)
        return {
          body: job({
            status: 'done',
            progress: { done: many.length, total: many.length },
            summary: { claims: many.length, claimsWithErrors: 0, errors: 0, warnings: 0, infos: 0 },
          }),
        };
      if (call.url.endsWith('format=json')) return { body: { claims: many } };
      return undefined;
    });
    renderPage(<BatchCheck />, '/check');
    fireEvent.drop(screen.getByText('Drop a claim file here').closest('.file-drop')!, {
      dataTransfer: { files: [new File(['{}'], 'big.json')], types: ['Files'] },
    });
    await screen.findByText('Showing 200 of 205 claims.', {}, { timeout: 3000 });
    expect(screen.getAllByRole('article')).toHaveLength(PAGE_CLAIMS);
    fireEvent.click(screen.getByRole('button', { name: 'Show 5 more claims' }));
    expect(screen.getAllByRole('article')).toHaveLength(PAGE_CLAIMS + 5);
    expect(screen.queryByRole('button', { name: /more claims/ })).toBeNull();
  });

  test('shows the reason a malformed file is refused at upload', async () => {
    mockApi(() => ({
      status: 400,
      body: { error: { code: 'BAD_INPUT', message: 'notes.csv: row 42 the CSV cannot be read' } },
    }));
    renderPage(<BatchCheck />, '/check');
    fireEvent.change(screen.getByLabelText('Choose a claim file'), {
      target: { files: [new File(['x'], 'notes.csv')] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'notes.csv could not be checked: notes.csv: row 42 the CSV cannot be read',
    );
  });

  test('a batch named in the address that the server no longer keeps is explained', async () => {
    mockApi(() => undefined);
    renderPage(<BatchCheck resumeId={id} />, `/check?batch=${id}`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This batch check is no longer on the server');
    expect(window.location.search).toBe('');
  });

  test('a check cut short by a restart can be continued from the page', async () => {
    let resumed = false;
    const calls = mockApi((call) => {
      if (call.method === 'POST' && call.url === `/api/checks/batch/${id}/resume`) {
        resumed = true;
        return { status: 202, body: job({ status: 'queued', progress: { done: 2, total: 3 } }) };
      }
      if (call.url === `/api/checks/batch/${id}`)
        return {
          body: resumed
            ? job({
                status: 'done',
                progress: { done: 3, total: 3 },
                summary: { claims: 3, claimsWithErrors: 1, errors: 1, warnings: 0, infos: 0 },
                results: `/api/checks/batch/${id}/results`,
              })
            : job({
                status: 'failed',
                resumable: true,
                progress: { done: 2, total: 3 },
                error: { code: 'CHECK_INTERRUPTED', message: 'the server stopped' },
              }),
        };
      if (call.url === `/api/checks/batch/${id}/results?format=json`)
        return { body: { claims: results } };
      return undefined;
    });
    renderPage(<BatchCheck resumeId={id} />, `/check?batch=${id}`);
    const button = await screen.findByRole('button', {
      name: 'Continue checking claims.837 after claim 2',
    });
    fireEvent.click(button);
    await screen.findByText('claims.837 checked: 3 claims, 1 with errors.');
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/resume'))).toBe(true);
    expect(screen.queryByRole('button', { name: /Continue checking/ })).toBeNull();
  });
});
