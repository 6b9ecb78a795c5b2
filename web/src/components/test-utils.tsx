import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { Router } from '../app/router.tsx';
import { LocaleProvider } from '../i18n/locale-context.tsx';

export interface MockCall {
  method: string;
  url: string;
  body: unknown;
}

type Handler = (call: MockCall) => { status?: number; body: unknown } | undefined;

/**
 * Replaces fetch: each request goes to the first handler that answers it; unanswered requests
 * get a 404 in the API's error shape. Returns the calls made, in order.
 */
export function mockFetch(...handlers: Handler[]): MockCall[] {
  const calls: MockCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const body: unknown =
        typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const call = { method: (init.method ?? 'GET').toUpperCase(), url, body };
      calls.push(call);
      for (const handler of handlers) {
        const answer = handler(call);
        if (answer)
          return Promise.resolve(
            new Response(JSON.stringify(answer.body), {
              status: answer.status ?? 200,
              headers: { 'content-type': 'application/json' },
            }),
          );
      }
      return Promise.resolve(
        new Response(
          JSON.stringify({ error: { code: 'NOT_FOUND', message: `no mock for ${url}` } }),
          { status: 404 },
        ),
      );
    }),
  );
  return calls;
}

/** Renders inside the app's providers (English), at the given address. */
export function renderAt(url: string, ui: ReactElement) {
  window.history.replaceState(null, '', url);
  localStorage.setItem('codecard.locale', 'en');
  return render(
    <LocaleProvider>
      <Router>{ui}</Router>
    </LocaleProvider>,
  );
}
