// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Card, PtpTableRow } from '../../../../src/contracts/cards.ts';
import { mockFetch, renderAt } from '../../components/test-utils.tsx';
import { CardPage } from './CardPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ptp = {
  documentId: 6,
  title: 'sample-ccipra-v320r0-ptp.txt',
  version: 'v32.0',
  locator: 'line 25',
  source: 'NCCI PTP, practitioner, v32.0',
  place: 'row 25',
  label: 'NCCI PTP, practitioner, v32.0, row 25',
};
const guide = {
  documentId: 9,
  title: 'Sample coding guideline',
  version: null,
  locator: 'Sample coding guideline > Bundling, characters 3037-3076',
  quote: 'Do not report 72275 or 77003 with 62264',
};

const descriptors = {
  documentId: 4,
  title: 'descriptors.csv',
  version: null,
  locator: 'line 4',
  source: 'descriptors.csv',
  place: 'row 4',
  label: 'descriptors.csv, row 4',
};

/** Twelve PTP rows: codes 77003, then 72001… in the file's order, indicator 1 for even rows. */
const ptpRows: PtpTableRow[] = [
  '77003',
  ...Array.from({ length: 11 }, (_, i) => `720${10 + i}`),
].map((code, i) => ({
  otherCode: code,
  descriptor: i === 0 ? 'SAMPLE fluoroscopic guidance' : '',
  column: 1,
  modifierIndicator: i % 2 === 0 ? 1 : 0,
  rationale: 'Misuse of column two code with column one code',
  from: '2026-01-01',
  to: null,
  bypassModifiers: i % 2 === 0 ? ['59', 'XS'] : [],
  citation: {
    ...ptp,
    locator: `line ${30 + i}`,
    place: `row ${30 + i}`,
    label: `NCCI PTP, practitioner, v32.0, row ${30 + i}`,
  },
}));

function card(overrides: Partial<Card> = {}): Card {
  return {
    system: 'cpt',
    code: '62264',
    title: '2026 CPT code 62264',
    dos: '2026-11-27',
    setting: 'practitioner',
    lang: 'en',
    dir: 'ltr',
    libraryVersion: '4a9e51cdb0aa',
    footer: 'Built from library version 4a9e51cdb0aa. Not medical or legal advice.',
    glance: [
      {
        kind: 'what',
        text: 'SAMPLE epidural adhesion release in one day',
        lang: 'en',
        section: 'descriptor',
        citations: [descriptors],
      },
      {
        kind: 'warning',
        text: 'Not reported with 12 codes (NCCI PTP edits): 72275, 77003, ….',
        lang: 'en',
        section: 'bundling',
        citations: [ptp, { ...ptp, locator: 'line 9', place: 'row 9' }],
      },
    ],
    tables: [{ kind: 'ptp', section: 'bundling', rows: ptpRows }],
    sections: [
      {
        id: 'descriptor',
        title: 'Descriptor',
        items: [
          {
            text: 'SAMPLE WORDING: release of epidural adhesions',
            lang: 'en',
            citations: [descriptors],
          },
        ],
      },
      {
        id: 'bundling',
        title: 'Bundling',
        items: [
          {
            text: 'Includes 77003: not reported together unless a modifier applies.',
            lang: 'en',
            relation: 'includes',
            codes: ['77003'],
            citations: [ptp],
          },
          { text: 'Do not report 72275 or 77003 with 62264', lang: 'en', citations: [guide, ptp] },
        ],
      },
      {
        id: 'simple-words',
        title: 'In simple words',
        items: [
          {
            text: 'Se liberan adherencias en un solo día.',
            lang: 'es',
            citations: [{ documentId: 13, title: 'Folleto', version: null, locator: 'page 1' }],
          },
        ],
      },
    ],
    gaps: [
      {
        section: 'examples',
        message: 'Your library has nothing on Clinical examples for this code.',
      },
    ],
    conflicts: [
      {
        section: 'bundling',
        message:
          'Sources disagree: the PTP file says “62264/77003 = 1”, the guideline says otherwise.',
        citations: [ptp, guide],
      },
    ],
    ...overrides,
  };
}

describe('CardPage', () => {
  test('the glance first, then sections collapsed with counts, sources grouped per document', async () => {
    const calls = mockFetch(({ url }) =>
      url.startsWith('/api/cards/cpt/62264') ? { body: card() } : undefined,
    );
    renderAt('/codes/cpt/62264', <CardPage system="cpt" code="62264" />);
    const title = await screen.findByRole('heading', { level: 1, name: '2026 CPT code 62264' });
    expect(calls[0]!.url).toBe('/api/cards/cpt/62264?lang=en');
    const article = title.closest('article')!;
    expect(article.getAttribute('dir')).toBe('ltr');
    expect(article.getAttribute('lang')).toBe('en');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'At a glance',
      'Descriptor (1)',
      // Twelve table rows and two statements.
      'Bundling (14)',
      'In simple words (1)',
      'Not in your library',
      'Sources',
    ]);

    // The glance: cited lines that open and point to their section.
    const glance = screen.getByRole('region', { name: 'At a glance' });
    expect(within(glance).getByText(/Not reported with 12 codes/)).toBeTruthy();
    const see = within(glance).getByRole('link', { name: '(see Bundling)' });
    expect(see.getAttribute('href')).toBe('#details-bundling');

    // Sections are collapsed until opened; "see Bundling" opens its section.
    const bundling = screen.getByRole('region', { name: 'Bundling (14)' });
    const details = bundling.querySelector('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(see);
    expect(details.open).toBe(true);

    // One footnote per document: every PTP row cites source 2.
    const refs = within(bundling).getAllByRole('link', { name: /^Source \d$/ });
    expect(new Set(refs.map((r) => r.textContent))).toEqual(new Set(['2', '3']));
    expect(refs[0]!.getAttribute('href')).toBe('#card-note-2');
    const sources = screen.getByRole('region', { name: 'Sources' });
    const entries = within(sources).getAllByRole('listitem');
    expect(entries.map((li) => li.id)).toEqual([
      'card-note-1',
      'card-note-2',
      'card-note-3',
      'card-note-4',
    ]);
    // The PTP file is named once, its rows listed once each, each opening the viewer there.
    expect(entries[1]!.textContent).toMatch(/^NCCI PTP, practitioner, v32\.0: row 9, 25, 30, 31, /);
    expect(entries[1]!.textContent.match(/\b25\b/g)).toHaveLength(1);
    expect(
      within(entries[1]!)
        .getByRole('link', { name: 'NCCI PTP, practitioner, v32.0, row 9' })
        .getAttribute('href'),
    ).toBe('/sources/6?locator=line%209');
    expect(entries[2]!.textContent).toContain('Sample coding guideline');
    for (const entry of entries) expect(entry.textContent).not.toMatch(/\/|\bline \d/);

    // An item in another language says so.
    expect(screen.getByText('Se liberan adherencias en un solo día.').getAttribute('lang')).toBe(
      'es',
    );
    expect(screen.getByText(/Clinical examples for this code/)).toBeTruthy();
    expect(screen.getByRole('note', { name: /Sources disagree \(1 conflict\)/ })).toBeTruthy();
    expect(screen.getByText(/Not medical or legal advice/)).toBeTruthy();
  });

  test('the PTP table: first ten rows, show all, sort by a column, filter by text', async () => {
    mockFetch(() => ({ body: card() }));
    renderAt('/codes/cpt/62264', <CardPage system="cpt" code="62264" />);
    const table = await screen.findByRole('table', { name: 'NCCI PTP edits' });
    const bodyRows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .filter(
          (row) => !row.classList.contains('row-extra') || table.classList.contains('expanded'),
        );
    const firstCells = () => bodyRows().map((row) => row.querySelector('td')!.textContent);
    expect(bodyRows()).toHaveLength(10);
    expect(firstCells()[0]).toBe('77003');
    expect(bodyRows()[0]!.textContent).toContain('1 – allowed with a modifier');
    expect(bodyRows()[0]!.textContent).toContain('59, XS');
    expect(bodyRows()[1]!.textContent).toContain('0 – not allowed');
    expect(
      within(bodyRows()[0]!)
        .getByRole('link', { name: /row 30$/ })
        .getAttribute('href'),
    ).toBe('/sources/6?locator=line%2030');

    fireEvent.click(screen.getByRole('button', { name: 'Show all 12 rows' }));
    expect(bodyRows()).toHaveLength(12);

    // Sorting by code: ascending, then descending on a second click.
    fireEvent.click(within(table).getByRole('button', { name: /^Other code/ }));
    expect(firstCells()[0]).toBe('72010');
    expect(within(table).getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe(
      'ascending',
    );
    fireEvent.click(within(table).getByRole('button', { name: /^Other code/ }));
    expect(firstCells()[0]).toBe('77003');

    // Filtering by text keeps the matching rows only.
    fireEvent.change(screen.getByLabelText('Filter rows'), { target: { value: 'fluoro' } });
    expect(firstCells()).toEqual(['77003']);
    fireEvent.change(screen.getByLabelText('Filter rows'), {
      target: { value: 'nothing like it' },
    });
    expect(screen.getByText('No row matches the filter.')).toBeTruthy();
  });

  test('MUE and add-on rows are tables in their sections, values in words', async () => {
    const mueCitation = { ...ptp, documentId: 7, locator: 'line 9', place: 'row 9' };
    mockFetch(() => ({
      body: card({
        sections: [
          { id: 'reporting', title: 'Reporting rules', items: [] },
          { id: 'modifiers', title: 'Modifiers', items: [] },
        ],
        tables: [
          {
            kind: 'mue',
            section: 'reporting',
            rows: [
              {
                value: 1,
                adjudication: 3,
                rationale: 'Nature of Service/Procedure',
                setting: 'practitioner',
                from: '2026-01-01',
                to: null,
                citation: mueCitation,
              },
            ],
          },
          {
            kind: 'add-on',
            section: 'modifiers',
            rows: [
              {
                primaryCode: '64483',
                addOnCode: '64484',
                descriptor: 'SAMPLE each additional level',
                citation: { ...mueCitation, documentId: 8 },
              },
            ],
          },
        ],
        conflicts: [],
      }),
    }));
    renderAt('/codes/cpt/64483', <CardPage system="cpt" code="64483" />);
    const mue = await screen.findByRole('table', { name: 'Medically unlikely edits (MUE)' });
    expect(screen.getByRole('heading', { level: 2, name: 'Reporting rules (1)' })).toBeTruthy();
    expect(within(mue).getAllByRole('row')[1]!.textContent).toBe(
      '13 – per day (clinical)Nature of Service/ProcedurePractitioner services2026-01-01 – …row 9',
    );
    const addOn = screen.getByRole('table', { name: 'Add-on code pairs' });
    expect(within(addOn).getAllByRole('row')[1]!.textContent).toContain(
      '6448364484SAMPLE each additional level',
    );
    // A short table needs no filter.
    expect(screen.queryByLabelText('Filter rows')).toBeNull();
  });

  test('print everything opens every section first', async () => {
    mockFetch(() => ({ body: card() }));
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderAt('/codes/cpt/62264', <CardPage system="cpt" code="62264" />);
    await screen.findByRole('heading', { level: 1 });
    const details = [...document.querySelectorAll('details')];
    expect(details.every((d) => !d.open)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Print everything' }));
    expect(details.every((d) => d.open)).toBe(true);
    expect(print).toHaveBeenCalledOnce();
  });

  test('an Arabic card lays out right to left inside an English page', async () => {
    mockFetch(() => ({ body: card({ lang: 'ar', dir: 'rtl', title: 'رمز CPT 62264' }) }));
    renderAt('/codes/cpt/62264?lang=ar', <CardPage system="cpt" code="62264" />);
    const title = await screen.findByRole('heading', { level: 1, name: 'رمز CPT 62264' });
    expect(title.closest('article')!.getAttribute('dir')).toBe('rtl');
    // The app's own words inside the card are marked English.
    expect(screen.getByText('Not in your library').getAttribute('lang')).toBe('en');
  });

  test('date of service and setting pickers update the address and reload', async () => {
    const calls = mockFetch(({ url }) => ({
      body: card({ dos: new URL(url, 'http://x').searchParams.get('dos') ?? '2026-11-27' }),
    }));
    renderAt('/codes/cpt/62264', <CardPage system="cpt" code="62264" />);
    await screen.findByRole('heading', { level: 1 });
    const date = screen.getByLabelText<HTMLInputElement>('Date of service');
    expect(date.value).toBe('2026-11-27');
    act(() => {
      fireEvent.change(date, { target: { value: '2025-03-01' } });
    });
    await waitFor(() => expect(window.location.search).toBe('?dos=2025-03-01'));
    act(() => {
      fireEvent.change(screen.getByLabelText('Setting'), { target: { value: 'hospital' } });
    });
    await waitFor(() => expect(window.location.search).toBe('?dos=2025-03-01&setting=hospital'));
    await waitFor(() =>
      expect(calls.at(-1)!.url).toBe(
        '/api/cards/cpt/62264?dos=2025-03-01&setting=hospital&lang=en',
      ),
    );
    expect(await screen.findByText('Date of service: 2025-03-01')).toBeTruthy();
  });

  test('a code not in the library shows the server’s message', async () => {
    mockFetch(() => ({
      status: 404,
      body: {
        error: {
          code: 'NOT_FOUND',
          message: '99999 is not in your library for the date of service 2026-11-27.',
        },
      },
    }));
    renderAt('/codes/cpt/99999', <CardPage system="cpt" code="99999" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('99999 is not in your library');
    expect(screen.getByRole('heading', { level: 1, name: 'CPT code 99999' })).toBeTruthy();
    // The pickers stay: another date may have the code.
    expect(screen.getByLabelText('Date of service')).toBeTruthy();
  });

  test('a code not in the library shows what was searched and the nearest codes, not an error', async () => {
    mockFetch(() => ({
      status: 404,
      body: {
        error: {
          code: 'NOT_FOUND',
          message: '62265 is not in your library for the date of service 2026-03-02.',
          details: {
            kind: 'card-not-found',
            code: '62265',
            system: 'cpt',
            dos: '2026-03-02',
            searched: [
              {
                kind: 'ncci-ptp',
                title: 'sample-ccipra-v320r0-ptp.txt',
                release: 'v32.0',
                effectiveFrom: '2026-01-01',
                effectiveTo: null,
                partial: false,
              },
            ],
            nearest: [
              { system: 'cpt', code: '62264', description: 'SAMPLE adhesiolysis, one day' },
            ],
          },
        },
      },
    }));
    renderAt('/codes/cpt/62265?dos=2026-03-02', <CardPage system="cpt" code="62265" />);
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: '62265 is not in your library',
    });
    expect(heading).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByText(/sample-ccipra-v320r0-ptp\.txt/).closest('li')!.textContent).toBe(
      'sample-ccipra-v320r0-ptp.txt (v32.0) in force from 2026-01-01',
    );
    const near = screen.getByRole('link', { name: '62264' });
    expect(near.getAttribute('href')).toBe('/codes/cpt/62264?dos=2026-03-02&lang=en');
  });

  test('a quote in another language is marked with its language; old data is flagged', async () => {
    const quoted = {
      text: 'Todo se hace en una sola visita.',
      lang: 'es',
      quoted: true,
      citations: [{ ...guide, quote: 'Todo se hace en una sola visita.' }],
    };
    mockFetch(() => ({
      body: card({
        sections: [{ id: 'simple-words', title: 'In simple words', items: [quoted] }],
        stale: [
          {
            kind: 'ncci-ptp',
            title: 'sample-ccipra-v320r0-ptp.txt',
            release: 'v32.0',
            effectiveFrom: '2026-01-01',
            releasePeriod: '2026 Q1',
            datePeriod: '2026 Q4',
          },
        ],
      }),
    }));
    renderAt('/codes/cpt/62264', <CardPage system="cpt" code="62264" />);
    const texts = await screen.findAllByText('Todo se hace en una sola visita.');
    const item = texts.find((t) => t.closest('.card-items'))!.closest('li')!;
    expect(item.textContent).toContain('quoted from a source in Spanish');
    expect(document.querySelector('.card-stale')!.textContent).toContain(
      'sample-ccipra-v320r0-ptp.txt is the 2026 Q1 release; the date of service 2026-11-27 falls in 2026 Q4.',
    );
  });

  test('print and copy link', async () => {
    mockFetch(() => ({ body: card() }));
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAt('/codes/cpt/62264?dos=2026-11-27', <CardPage system="cpt" code="62264" />);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(window.location.href);

    // Where the clipboard is refused, the link is shown selected in a read-only field.
    writeText.mockImplementation(() => Promise.reject(new Error('denied')));
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole<HTMLInputElement>('textbox', {
      name: 'Link to this page',
    });
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe(window.location.href);
  });
});
