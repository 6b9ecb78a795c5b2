// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { seriousProblems } from '../library/test-a11y.ts';
import { mockApi, renderPage, type ApiCall } from '../library/test-utils.tsx';
import { PerformancePage } from './PerformancePage.tsx';
import { sampleReport, sampleSyncStatus } from './test-report.ts';
import type { ChartSpec } from './uplot-chart.ts';

// uPlot draws on a canvas, which happy-dom lacks: the drawing module is replaced, and the
// tests that need a drawn chart give the page a canvas context and a ResizeObserver.
const drawChart = vi.hoisted(() =>
  vi.fn((_container: HTMLElement, _spec: ChartSpec) => ({ destroy: vi.fn() })),
);
vi.mock('./uplot-chart.ts', () => ({ drawChart }));

/** The API: each range asked for answers with the sample report over that range. */
function serveReports(): ApiCall[] {
  return mockApi((call) => {
    const url = new URL(call.url, 'http://localhost');
    // The watch list block beside the report asks for its own list.
    if (url.pathname === '/api/watch-list') return { body: { codes: [] } };
    if (url.pathname === '/api/watch-list/changes') return { body: { codes: 0, changes: [] } };
    if (url.pathname === '/api/sync/status') return { body: sampleSyncStatus };
    if (url.pathname === '/api/sync')
      return { status: 202, body: { id: 'job-1', status: 'queued' } };
    if (url.pathname !== '/api/performance') return undefined;
    const query = url.searchParams;
    return {
      body: sampleReport({
        ...(query.get('from') ? { from: query.get('from')! } : {}),
        ...(query.get('to') ? { to: query.get('to')! } : {}),
        ...(query.get('granularity')
          ? { granularity: query.get('granularity') as 'day' | 'week' | 'month' }
          : {}),
      }),
    };
  });
}

const reportCalls = (calls: ApiCall[]) =>
  calls.filter((c) => c.url.startsWith('/api/performance')).map((c) => c.url);

/** The value and detail of the KPI tile with this label. */
function tile(label: string): { value: string; detail: string } {
  const term = screen.getByText(label, { selector: 'dt' });
  const group = term.closest('.perf-tile')!;
  return {
    value: group.querySelector('.perf-tile-value')!.textContent ?? '',
    detail: group.querySelector('.perf-tile-detail')?.textContent ?? '',
  };
}

function withCanvas() {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    {} as CanvasRenderingContext2D,
  );
}

beforeEach(() => drawChart.mockClear());

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('PerformancePage', () => {
  test('the tiles show the report totals, formatted in the reader’s language', async () => {
    const calls = serveReports();
    renderPage(<PerformancePage />, '/performance');
    await screen.findByRole('heading', { level: 2, name: 'Questions and answers' });
    // Without a range in the address the API's default applies: no query sent.
    expect(reportCalls(calls)).toEqual(['/api/performance']);

    expect(tile('Questions').value).toBe('20');
    expect(tile('Answered')).toEqual({ value: '80%', detail: '16 of 20' });
    expect(tile('Refused')).toEqual({ value: '20%', detail: '4 of 20' });
    expect(tile('Feedback score')).toEqual({
      value: '+0.5',
      detail: 'Helpful: 3 · Not helpful: 1',
    });
    expect(tile('Answer time, median (p50)').value).toBe('120 ms');
    expect(tile('Answer time, slowest 5% (p95)').value).toBe('1.5 sec');
    expect(tile('Claims checked')).toEqual({ value: '11', detail: 'Claim lines: 19' });
    expect(tile('Claims with errors')).toEqual({ value: '72.7%', detail: '8 of 11' });
    expect(tile('Denials prevented (estimate)').value).toBe('8');

    // The API's default range fills the form, and the CSV link asks for the same range.
    expect(screen.getByLabelText<HTMLInputElement>('From').value).toBe('2026-10-29');
    expect(screen.getByLabelText<HTMLInputElement>('To').value).toBe('2026-11-27');
    expect(screen.getByLabelText<HTMLSelectElement>('Group by').value).toBe('day');
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/performance.csv?from=2026-10-29&to=2026-11-27&granularity=day',
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Showing Oct 29, 2026 to Nov 27, 2026, by day.',
    );
  });

  test('the top lists: findings by rule in words, edit pairs and codes linking to their cards', async () => {
    serveReports();
    renderPage(<PerformancePage />, '/performance');
    const rules = await screen.findByRole('table', { name: /per rule/ });
    const ruleRows = within(rules).getAllByRole('row').slice(1);
    expect(ruleRows.map((row) => row.textContent)).toEqual([
      'Code validity10',
      'NCCI PTP edit3',
      'Medically unlikely edit (MUE)2',
    ]);
    const pairs = screen.getByRole('table', { name: /edit pairs/ });
    expect(
      within(pairs)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/codes/cpt/62264', '/codes/cpt/77003', '/codes/cpt/62263', '/codes/cpt/62264']);
    const codes = screen.getByRole('table', { name: /procedure codes/ });
    expect(within(codes).getAllByRole('row')).toHaveLength(3);
  });

  test('the gaps table lists each refused code or word with an action to add a document', async () => {
    serveReports();
    renderPage(<PerformancePage />, '/performance');
    const gaps = await screen.findByRole('table', { name: /Refused questions grouped/ });
    const rows = within(gaps).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('99999 as a code');
    expect(rows[0]!.textContent).toContain('how many units of 99999?');
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('capital as a word');
    expect(rows[1]!.textContent).toContain('what is the capital of France?');
    // The link names its gap (hidden text; happy-dom spaces it like a block).
    const add = within(rows[1]!).getByRole('link', { name: /^Add a document ?: capital$/ });
    expect(add.getAttribute('href')).toBe('/library?gap=capital');
    expect(
      within(rows[0]!)
        .getByRole('link', { name: /^Add a document ?: 99999$/ })
        .getAttribute('href'),
    ).toBe('/library?gap=99999');

    const stale = screen.getByRole('table', { name: /newer release replaces/ });
    expect(within(stale).getByRole('link', { name: 'sample-ccipra-v320r0-ptp.txt' })).toBeTruthy();
    expect(stale.textContent).toContain('before the current quarter');
    const coverage = screen.getByRole('table', { name: /lacks a descriptor/ });
    expect(coverage.textContent).toContain(
      'code descriptor, PTP or MUE edits, and guidance passages',
    );
  });

  test('changing the range updates the address and fetches that range', async () => {
    const calls = serveReports();
    renderPage(<PerformancePage />, '/performance');
    await screen.findByRole('heading', { level: 2, name: 'Claim checks' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'week' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));

    expect(window.location.pathname).toBe('/performance');
    expect(window.location.search).toBe('?from=2026-01-01&to=2026-03-31&granularity=week');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Showing Jan 1, 2026 to Mar 31, 2026, by week.',
      ),
    );
    expect(reportCalls(calls)).toEqual([
      '/api/performance',
      '/api/performance?from=2026-01-01&to=2026-03-31&granularity=week',
    ]);
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/performance.csv?from=2026-01-01&to=2026-03-31&granularity=week',
    );
    // Periods are named by their week now.
    expect(screen.getAllByText('Week of Jan 1, 2026').length).toBeGreaterThan(0);

    // Back returns to the previous range, fields and all.
    window.history.back();
    await waitFor(() => expect(window.location.search).toBe(''));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('From').value).toBe('2026-10-29'),
    );
  });

  test('a range in the address is fetched as is; a start after the end is refused in the form', async () => {
    const calls = serveReports();
    renderPage(<PerformancePage />, '/performance?from=2026-02-01&to=2026-02-28&granularity=month');
    await screen.findByRole('heading', { level: 2, name: 'Claim checks' });
    expect(reportCalls(calls)).toEqual([
      '/api/performance?from=2026-02-01&to=2026-02-28&granularity=month',
    ]);
    expect(screen.getByLabelText<HTMLSelectElement>('Group by').value).toBe('month');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('alert').textContent).toBe('The start date is after the end date.');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    expect(window.location.search).toBe('?from=2026-02-01&to=2026-02-28&granularity=month');
    expect(reportCalls(calls)).toHaveLength(1);
  });

  test('a refused range shows the server’s message with a retry', async () => {
    mockApi((call) =>
      call.url === '/api/watch-list'
        ? { body: { codes: [] } }
        : call.url.startsWith('/api/watch-list/changes')
          ? { body: { codes: 0, changes: [] } }
          : {
              status: 400,
              body: { error: { code: 'BAD_INPUT', message: 'the range is longer than 2 years' } },
            },
    );
    renderPage(<PerformancePage />, '/performance?from=2020-01-01&to=2026-01-01');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the range is longer than 2 years');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('the release sync panel', () => {
  test('lists each dataset: last check, result, newest release held, next expected, overdue', async () => {
    const calls = serveReports();
    renderPage(<PerformancePage />, '/performance');
    const table = await screen.findByRole('table', { name: /newest release/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      expect.stringMatching(
        /^ncci-ptp-practitioner.*New release imported.*v32\.3, in force from Oct 1, 2026.*Jan 1, 2027$/,
      ),
      expect.stringMatching(
        /^gpci.*Failed at the checks; the library is unchanged: GPCI2026\.csv: 2000 bytes.*None held.*Overdue$/,
      ),
      expect.stringMatching(
        /^hcpcs-quarterly.*Never checked.*Never checked.*None held.*Oct 1, 2026 Overdue$/,
      ),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Check for new releases now' }));
    expect(await screen.findByText(/Checking the mirror/)).toBeTruthy();
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.url === '/api/sync')).toBe(true),
    );
  });
});

describe('the charts', () => {
  test('without a canvas, each chart shows its caption and its data as a table', async () => {
    serveReports();
    renderPage(<PerformancePage />, '/performance');
    const figures = await screen.findAllByRole('figure');
    expect(figures).toHaveLength(2);
    expect(drawChart).not.toHaveBeenCalled();
    const [questions, claims] = figures;
    expect(questions!.getAttribute('aria-labelledby')).toBeTruthy();
    expect(questions!.querySelector('figcaption')!.textContent).toBe(
      'Questions answered and refused per day',
    );
    const table = within(questions!).getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(rows[0]!.textContent).toBe('Time periodAnsweredRefused');
    expect(rows[30]!.textContent).toBe('Nov 27, 2026164');
    expect(within(claims!).getAllByRole('row')[30]!.textContent).toBe('Nov 27, 2026118');
    expect(await within(questions!).findByText(/cannot be drawn here/)).toBeTruthy();
    // Shown outright, not behind a toggle.
    expect(within(questions!).queryByRole('button')).toBeNull();
    expect(within(questions!).getByRole('region')).toBeTruthy();
  });

  test('with a canvas, uPlot draws each series; the chart is labelled and "Show as table" toggles', async () => {
    withCanvas();
    serveReports();
    renderPage(<PerformancePage />, '/performance');
    await waitFor(() => expect(drawChart).toHaveBeenCalledTimes(2));
    const [container, spec] = drawChart.mock.calls[0]!;
    expect(container.getAttribute('role')).toBe('img');
    expect(container.getAttribute('aria-label')).toBe(
      'Line chart from Oct 29, 2026 to Nov 27, 2026: 16 answered and 4 refused in all. The table has each period.',
    );
    expect(spec.ticks).toHaveLength(30);
    expect(spec.ticks[0]).toBe('Oct 29');
    expect(spec.rtl).toBe(false);
    expect(spec.series.map((s) => [s.label, s.values.at(-1), s.dash ?? null])).toEqual([
      ['Answered', 16, null],
      ['Refused', 4, [6, 4]],
    ]);

    const figure = screen.getAllByRole('figure')[0]!;
    const toggle = within(figure).getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    // The table is there for screen readers all along, visually hidden.
    const wrapper = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(wrapper.className).toBe('visually-hidden');
    expect(within(wrapper).getAllByRole('row')).toHaveLength(31);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(wrapper.className).toContain('table-scroll');
    expect(container.hidden).toBe(true);
  });

  test('in Arabic the charts run right to left, with Arabic labels', async () => {
    withCanvas();
    serveReports();
    renderPage(<PerformancePage />, '/performance', 'ar');
    await waitFor(() => expect(drawChart).toHaveBeenCalledTimes(2));
    expect(document.documentElement.dir).toBe('rtl');
    const spec = drawChart.mock.calls[0]![1];
    expect(spec.rtl).toBe(true);
    expect(spec.series[0]!.label).toBe('أُجيب عنها');
    expect(screen.getByRole('heading', { level: 2, name: 'الأسئلة والإجابات' })).toBeTruthy();
  });
});

describe('accessibility', () => {
  test('axe finds no serious or critical problem; headings go in order', async () => {
    withCanvas();
    serveReports();
    renderPage(<PerformancePage />, '/performance');
    await waitFor(() => expect(drawChart).toHaveBeenCalledTimes(2));
    expect(await seriousProblems()).toEqual([]);
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((h) =>
      Number(h.tagName.slice(1)),
    );
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });
});
