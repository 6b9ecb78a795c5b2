// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mockApi, renderPage } from '../pages/library/test-utils.tsx';
import { StarterLibraryBanner } from './StarterLibraryBanner.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const ready = (state: string, done: number, total: number) => ({
  body: {
    status: 'ready',
    database: 'ok',
    imports: { running: 0, queued: 0 },
    checks: { running: 0, queued: 0 },
    starterLibrary: { state, done, total },
  },
});

describe('the starter library banner', () => {
  test('says how far the background load is, and goes away when it is done', async () => {
    const answers = [ready('loading', 3, 12), ready('loading', 11, 12), ready('done', 12, 12)];
    const calls = mockApi((call) =>
      call.url === '/health/ready' ? (answers.shift() ?? ready('done', 12, 12)) : undefined,
    );
    renderPage(<StarterLibraryBanner />, '/', 'en');
    const banner = await screen.findByRole('status');
    expect(banner.textContent).toBe('Loading the starter library… 3 of 12 documents');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('11 of 12'), {
      timeout: 4000,
    });
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull(), { timeout: 4000 });
    const polls = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1800));
    expect(calls.length).toBe(polls);
  });

  test('no banner when the library needs no load, and no more questions', async () => {
    const calls = mockApi((call) =>
      call.url === '/health/ready' ? ready('done', 0, 0) : undefined,
    );
    renderPage(<StarterLibraryBanner />, '/', 'ar');
    await waitFor(() => expect(calls.length).toBe(1));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
