// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { adoptEhrSessionFromUrl, clearEhrSession } from '../api/ehr-session.ts';
import { mockApi, renderPage } from '../pages/library/test-utils.tsx';
import { App } from './App.tsx';
import { shellAnswers } from './test-session.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  clearEhrSession();
});

describe('the app opened from a chart', () => {
  test('its EHR session refused (401): back to the chart, not to a sign-in page', async () => {
    window.history.replaceState(null, '', '/case#session=old&case=old');
    adoptEhrSessionFromUrl();
    mockApi((call) => shellAnswers(undefined, call));
    renderPage(<App />, '/case');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Open Codecard again from the chart/,
    );
    expect(window.location.pathname).toBe('/case');
  });
});
