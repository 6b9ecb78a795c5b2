// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { CheckPage } from './CheckPage.tsx';
import type { CheckResponse } from '../../../../src/contracts/checks.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const response: CheckResponse = {
  claims: [
    {
      id: 'SAMPLE-1',
      summary: { errors: 1, warnings: 1, infos: 1 },
      findings: [
        {
          rule: 'code-validity',
          severity: 'warning',
          lines: [1, 2],
          codes: [],
          message: 'The library has no ICD-10-CM code table, so 2 lines were not checked.',
          citations: [],
        },
        {
          rule: 'ptp',
          severity: 'error',
          lines: [2],
          codes: ['62264', '77003'],
          message: '77003 is not reported with 62264 on the same date.',
          fix: 'If 77003 was a distinct service, add 59 or XS; otherwise remove it.',
          citations: [
            {
              documentId: 6,
              title: 'sample-ccipra-v320r0-ptp.txt',
              version: 'v32.0',
              locator: 'line 25',
            },
          ],
        },
        {
          rule: 'frequency',
          severity: 'info',
          lines: [],
          codes: ['62264'],
          message: '=HYPERLINK("http://evil.example","see")',
          citations: [
            {
              documentId: 9,
              title: 'Sample coding guideline',
              version: null,
              locator: 'Sample coding guideline > Reporting rules, characters 10-40',
              quote: 'Report 62264 once per day.',
            },
          ],
        },
      ],
    },
  ],
};

async function checkExample() {
  fireEvent.click(screen.getByRole('button', { name: 'Fill in an example' }));
  fireEvent.click(screen.getByRole('button', { name: 'Check claim' }));
  return screen.findByRole('heading', { name: 'Findings' });
}

describe('the check page', () => {
  test('sends the typed claim and shows findings grouped per line, with fixes and sources', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' && call.url.startsWith('/api/checks') ? { body: response } : undefined,
    );
    renderPage(<CheckPage />, '/check');
    expect(screen.getByRole('heading', { level: 1, name: 'Claim check' })).toBeTruthy();
    const heading = await checkExample();
    await waitFor(() => expect(document.activeElement).toBe(heading));

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/checks?lang=en');
    expect(calls[0]!.json).toEqual({
      claims: [
        {
          id: 'SAMPLE-1',
          setting: 'practitioner',
          dateOfService: '2026-03-02',
          diagnoses: ['M54.16'],
          lines: [
            { code: '62264', modifiers: [], units: 1 },
            { code: '77003', modifiers: [], units: 1 },
          ],
        },
      ],
    });

    expect(screen.getByRole('heading', { name: 'Claim SAMPLE-1' })).toBeTruthy();
    const groups = screen
      .getAllByRole('heading', { level: 5 })
      .map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(groups).toEqual(['Whole claim', 'Lines 1 and 2 62264 · 77003', 'Line 2 77003']);

    const line2 = screen.getByRole('heading', { name: 'Line 2 77003' }).closest('section')!;
    const finding = line2.querySelector('li.finding')!;
    expect(finding.textContent).toContain('Error');
    expect(finding.textContent).toContain('NCCI procedure-to-procedure edit');
    expect(finding.textContent).toContain('77003 is not reported with 62264 on the same date.');
    expect(finding.textContent).toContain('How to fix:');
    const source = within(line2).getByRole('link', { name: /sample-ccipra-v320r0-ptp\.txt/ });
    expect(source.getAttribute('href')).toBe('/sources/6?locator=line%2025');

    const claimLevel = screen.getByRole('heading', { name: 'Whole claim' }).closest('section')!;
    expect(claimLevel.textContent).toContain('Note');
    expect(within(claimLevel).getByText('Report 62264 once per day.').tagName).toBe('Q');
    expect(
      within(claimLevel)
        .getByRole('link', { name: /Sample coding guideline/ })
        .getAttribute('href'),
    ).toBe(
      '/sources/9?locator=Sample%20coding%20guideline%20%3E%20Reporting%20rules%2C%20characters%2010-40',
    );
    expect(screen.getAllByRole('status')[0]!.textContent).toBe(
      'Check finished: 1 error, 1 warning, and 1 note.',
    );
  });

  test('exports the findings as CSV, a formula cell defused', async () => {
    mockApi((call) => (call.method === 'POST' ? { body: response } : undefined));
    let saved: Blob | undefined;
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: vi.fn((blob: Blob) => {
          saved = blob;
          return 'blob:csv';
        }),
        revokeObjectURL: vi.fn(),
      }),
    );
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage(<CheckPage />, '/check');
    await checkExample();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(clicked).toHaveBeenCalledTimes(1);
    const text = await saved!.text();
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header).toBe('claim,rule,severity,lines,codes,modifiers,message,fix,sources');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(
      'SAMPLE-1,ptp,error,2,62264 77003,,77003 is not reported with 62264 on the same date.,"If 77003 was a distinct service, add 59 or XS; otherwise remove it.",sample-ccipra-v320r0-ptp.txt line 25',
    );
    expect(rows[2]).toContain(`,"'=HYPERLINK(""http://evil.example"",""see"")",`);
  });

  test('shows the server’s reason when it refuses the claim', async () => {
    mockApi(() => ({
      status: 400,
      body: {
        error: {
          code: 'BAD_INPUT',
          message: 'request body: claim 1 (claim "SAMPLE-1") line 2: code must be 1 to 10 letters',
        },
      },
    }));
    renderPage(<CheckPage />, '/check');
    fireEvent.click(screen.getByRole('button', { name: 'Fill in an example' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check claim' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The claim could not be checked: request body: claim 1 (claim "SAMPLE-1") line 2: code must be 1 to 10 letters',
    );
    expect(screen.queryByRole('heading', { name: 'Findings' })).toBeNull();
  });

  test('names the fields to correct before sending anything', async () => {
    const calls = mockApi(() => undefined);
    renderPage(<CheckPage />, '/check');
    fireEvent.change(screen.getByLabelText('Modifiers, line 1'), { target: { value: '59 X' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check claim' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      '3 fields need correcting before the claim can be checked.',
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    const date = screen.getByLabelText('Date of service');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Procedure code, line 1').getAttribute('aria-invalid')).toBe(
      'true',
    );
    const modifiers = screen.getByLabelText('Modifiers, line 1');
    const describedBy = modifiers.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)!.textContent).toBe(
      'X is not a modifier: a modifier is two letters or digits, such as 59 or XS.',
    );
    fireEvent.click(within(alert).getByRole('link', { name: 'Go to the first one' }));
    expect(document.activeElement).toBe(date);
    expect(calls).toHaveLength(0);
  });

  test('adds and removes service lines', () => {
    mockApi(() => undefined);
    renderPage(<CheckPage />, '/check');
    expect(screen.getByRole('button', { name: 'Remove line 1' }).hasAttribute('disabled')).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add a line' }));
    fireEvent.change(screen.getByLabelText('Procedure code, line 2'), {
      target: { value: '77003' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a line' }));
    expect(screen.getAllByRole('group', { name: /^Line \d$/ })).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 1' }));
    expect(screen.getAllByRole('group', { name: /^Line \d$/ })).toHaveLength(2);
    expect(screen.getByLabelText<HTMLInputElement>('Procedure code, line 1').value).toBe('77003');
  });
});
