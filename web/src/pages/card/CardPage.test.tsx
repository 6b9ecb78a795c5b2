// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Card } from '../../../../src/contracts/cards.ts';
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
};
const guide = {
  documentId: 9,
  title: 'Sample coding guideline',
  version: null,
  locator: 'Sample coding guideline > Bundling, characters 3037-3076',
  quote: 'Do not report 72275 or 77003 with 62264',
};

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
    sections: [
      {
        id: 'descriptor',
        title: 'Descriptor',
        items: [
          {
            text: 'SAMPLE WORDING: release of epidural adhesions',
            lang: 'en',
            citations: [
              { documentId: 4, title: 'descriptors.csv', version: null, locator: 'line 4' },
            ],
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
  test('every section, numbered footnotes, a Sources list, gaps and conflicts', async () => {
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
      'Descriptor',
      'Bundling',
      'In simple words',
      'Not in your library',
      'Sources',
    ]);

    // Footnotes in reading order; the same source keeps its number.
    const bundling = screen.getByRole('region', { name: 'Bundling' });
    const refs = within(bundling).getAllByRole('link', { name: /^Source \d$/ });
    expect(refs.map((r) => r.textContent)).toEqual(['2', '2', '3', '2', '3']);
    expect(refs[0]!.getAttribute('href')).toBe('#card-note-2');
    const sources = screen.getByRole('region', { name: 'Sources' });
    const entries = within(sources).getAllByRole('listitem');
    expect(entries.map((li) => li.id)).toEqual([
      'card-note-1',
      'card-note-2',
      'card-note-3',
      'card-note-4',
    ]);
    expect(within(entries[1]!).getByRole('link').getAttribute('href')).toBe(
      '/sources/6?locator=line%2025',
    );
    expect(entries[1]!.textContent).toContain('version v32.0');
    expect(entries[2]!.textContent).toContain('Sample coding guideline · Bundling');

    // An item in another language says so.
    expect(screen.getByText('Se liberan adherencias en un solo día.').getAttribute('lang')).toBe(
      'es',
    );
    expect(screen.getByText(/Clinical examples for this code/)).toBeTruthy();
    expect(screen.getByRole('note', { name: /Sources disagree \(1 conflict\)/ })).toBeTruthy();
    expect(screen.getByText(/Not medical or legal advice/)).toBeTruthy();
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
