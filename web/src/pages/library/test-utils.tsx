import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { Router } from '../../app/router.tsx';
import { LocaleProvider } from '../../i18n/locale-context.tsx';

/** A request the page made: JSON bodies parsed, multipart bodies as their FormData. */
export interface ApiCall {
  method: string;
  url: string;
  json?: unknown;
  form?: FormData;
}

export type ApiAnswer = { status?: number; body: unknown } | undefined;

/**
 * Replaces fetch for the page tests (shared by the check and library pages): each request
 * goes to `answer`; what it leaves unanswered gets a 404 in the API's error shape.
 */
export function mockApi(answer: (call: ApiCall) => ApiAnswer | Promise<ApiAnswer>): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const call: ApiCall = { method: (init.method ?? 'GET').toUpperCase(), url };
      if (typeof init.body === 'string') call.json = JSON.parse(init.body) as unknown;
      if (init.body instanceof FormData) call.form = init.body;
      calls.push(call);
      const found = await answer(call);
      const status = found?.status ?? (found ? 200 : 404);
      const body = found
        ? found.body
        : { error: { code: 'NOT_FOUND', message: `no mock for ${call.method} ${url}` } };
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return calls;
}

/** Renders a page inside the app's providers, in English unless told, at the given address. */
export function renderPage(ui: ReactElement, url = '/', locale = 'en') {
  window.history.replaceState(null, '', url);
  localStorage.setItem('codecard.locale', locale);
  return render(
    <LocaleProvider>
      <Router>{ui}</Router>
    </LocaleProvider>,
  );
}
