// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { seriousProblems } from '../library/test-a11y.ts';
import { mockApi, renderPage } from '../library/test-utils.tsx';
import { CheckPage } from './CheckPage.tsx';
import type { CheckResponse } from '../../../../src/contracts/checks.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const response: CheckResponse = {
  claims: [
    {
      id: 'SAMPLE-1',
      summary: { errors: 1, warnings: 0, infos: 0 },
      findings: [
        {
          rule: 'ptp',
          severity: 'error',
          lines: [2],
          codes: ['62264', '77003'],
          message: '77003 is not reported with 62264 on the same date.',
          fix: 'Add 59 or XS if distinct; otherwise remove it.',
          citations: [{ documentId: 6, title: 'ptp.txt', version: 'v32.0', locator: 'line 25' }],
        },
      ],
    },
  ],
};

test('the check page has no serious accessibility problem: empty, invalid, with findings', async () => {
  mockApi((call) => (call.method === 'POST' ? { body: response } : undefined));
  renderPage(
    <main>
      <CheckPage />
    </main>,
    '/check',
  );
  expect(await seriousProblems()).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Check claim' }));
  await screen.findByRole('alert');
  expect(await seriousProblems()).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Fill in an example' }));
  fireEvent.click(screen.getByRole('button', { name: 'Check claim' }));
  await screen.findByRole('heading', { name: 'Findings' });
  expect(await seriousProblems()).toEqual([]);
});

test('the check page speaks Arabic, right to left', async () => {
  mockApi(() => undefined);
  renderPage(<CheckPage />, '/check', 'ar');
  expect(await screen.findByRole('heading', { level: 1, name: 'تدقيق المطالبات' })).toBeTruthy();
  expect(document.documentElement.dir).toBe('rtl');
  expect(screen.getByRole('group', { name: 'البند \u20681\u2069' })).toBeTruthy();
});
