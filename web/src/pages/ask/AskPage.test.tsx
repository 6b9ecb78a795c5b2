// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Answer } from '../../../../src/contracts/ask.ts';
import type { Card } from '../../../../src/contracts/cards.ts';
import { navigate } from '../../app/router.tsx';
import { mockFetch, renderAt } from '../../components/test-utils.tsx';
import { AskPage } from './AskPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const guideline = 'Sample coding guideline: epidural injections and adhesiolysis';
const pairAnswer: Answer = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'pair',
  verdict: 'not-allowed',
  text: '77003 is not reported with 62264 on the same date.\nYour library’s guidance says these codes are not reported together:\nDo not report 72275 or 77003 with 62264',
  codes: ['62264', '77003'],
  citations: [
    { documentId: 6, title: 'sample-ccipra-v320r0-ptp.txt', version: 'v32.0', locator: 'line 25' },
    {
      documentId: 9,
      title: guideline,
      version: null,
      locator: `${guideline} > Bundling, characters 3037-3076`,
      quote: 'Do not report 72275 or 77003 with 62264',
    },
  ],
  confidence: 0.9,
};

const card: Card = {
  system: 'cpt',
  code: '62264',
  title: '2026 CPT code 62264',
  dos: '2026-11-27',
  setting: 'practitioner',
  lang: 'en',
  dir: 'ltr',
  libraryVersion: 'abc',
  footer: 'Built from library version abc.',
  sections: [
    {
      id: 'descriptor',
      title: 'Descriptor',
      items: [
        {
          text: 'SAMPLE WORDING: release of epidural adhesions in one day',
          lang: 'en',
          citations: [
            { documentId: 4, title: 'descriptors.csv', version: null, locator: 'line 4' },
          ],
        },
      ],
    },
    {
      id: 'reporting',
      title: 'Reporting rules',
      items: [1, 2, 3].map((n) => ({
        text: `Rule ${n}`,
        lang: 'en',
        citations: [{ documentId: 3, title: 'mue.csv', version: null, locator: `line ${n}` }],
      })),
    },
  ],
  gaps: [],
  conflicts: [],
};

async function ask(question: string) {
  const box = screen.getByRole('combobox', { name: /Your question|Ask a follow-up question/ });
  fireEvent.change(box, { target: { value: question } });
  fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
  await screen.findByRole('heading', { level: 2, name: new RegExp(question) });
}

describe('AskPage', () => {
  test('an answer for the open EHR case shows "For this patient", each fact labelled by origin', async () => {
    const forCase = {
      encounterId: 'e1',
      dateOfService: '2026-11-27',
      setting: 'practitioner' as const,
      codes: ['62264'],
      facts: [
        { text: '62264 is on this encounter.', origin: 'chart' as const, citations: [] },
        {
          text: 'SAMPLE 77003 is bundled into 62264',
          origin: 'library' as const,
          citations: [pairAnswer.citations[0]!],
        },
      ],
    };
    mockFetch(({ method, url }) =>
      method === 'POST' && url === '/api/threads'
        ? { status: 201, body: { threadId: 'thread-1', answer: { ...pairAnswer, forCase } } }
        : undefined,
    );
    renderAt('/', <AskPage />);
    await ask('Can I bill 62264 here?');
    const section = await screen.findByRole('region', { name: 'For this patient' });
    expect(
      within(section).getByText('62264 is on this encounter.').parentElement!.textContent,
    ).toContain('From the chart');
    const library = within(section).getByText('SAMPLE 77003 is bundled into 62264').closest('li')!;
    expect(library.textContent).toContain('From your library');
    expect(within(library).getByRole('link').getAttribute('href')).toBe(
      '/sources/6?locator=line%2025',
    );
  });

  test('asks in a new thread, shows the pair verdict in words and citations that open sources', async () => {
    const calls = mockFetch(({ method, url }) =>
      method === 'POST' && url === '/api/threads'
        ? { status: 201, body: { threadId: 'thread-1', answer: pairAnswer } }
        : undefined,
    );
    renderAt('/', <AskPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Ask your library' })).toBeTruthy();
    await ask('can I bill 62264 with 77003?');

    expect(await screen.findByText('Not allowed together')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ question: 'can I bill 62264 with 77003?', lang: 'en' });
    await waitFor(() => expect(window.location.pathname).toBe('/threads/thread-1'));

    const sources = screen.getByRole('region', { name: 'Sources' });
    const links = within(sources).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      `/sources/9?locator=${encodeURIComponent(pairAnswer.citations[1]!.locator)}`,
      '/sources/6?locator=line%2025',
    ]);
    expect(links[1]!.textContent).toContain('line 25');
    // The quoted guidance line carries its footnote.
    expect(screen.getByRole('link', { name: 'Source 1' }).getAttribute('href')).toBe(
      '#answer-1-note-1',
    );
    expect(screen.getByText(/Support in your library: 90/)).toBeTruthy();
    // Focus moves to the new answer's heading.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toContain('can I bill 62264 with 77003?'),
    );
  });

  test('a follow-up goes to the same thread', async () => {
    const calls = mockFetch(({ method, url }) => {
      if (method === 'POST' && url === '/api/threads')
        return { status: 201, body: { threadId: 'thread-2', answer: pairAnswer } };
      if (method === 'POST' && url === '/api/threads/thread-2/messages')
        return {
          status: 201,
          body: { threadId: 'thread-2', answer: { ...pairAnswer, verdict: 'modifier-required' } },
        };
      return undefined;
    });
    renderAt('/', <AskPage />);
    await ask('62264 with 77003?');
    await screen.findByText('Not allowed together');
    await ask('and with modifier XS?');
    expect(await screen.findByText('Modifier required')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/threads',
      '/api/threads/thread-2/messages',
    ]);
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(2);
  });

  test('a stored thread loads from its address and shows card summaries linking to the card', async () => {
    mockFetch(({ url }) =>
      url === '/api/threads/thread-3'
        ? {
            body: {
              id: 'thread-3',
              lang: 'en',
              messages: [
                {
                  id: 'm1',
                  turn: 1,
                  question: 'Racz procedure',
                  answer: {
                    kind: 'card',
                    text: 'The code cards for 62264, from your library:\n62264: SAMPLE',
                    codes: ['62264'],
                    citations: [],
                    confidence: 1,
                    cards: [card],
                  },
                  createdAt: '2026-11-27',
                },
              ],
            },
          }
        : undefined,
    );
    renderAt('/threads/thread-3', <AskPage />);
    const title = await screen.findByRole('link', { name: '2026 CPT code 62264' });
    expect(title.getAttribute('href')).toBe(
      '/codes/cpt/62264?dos=2026-11-27&setting=practitioner&lang=en',
    );
    expect(screen.getByRole('heading', { level: 4, name: 'Reporting rules' })).toBeTruthy();
    expect(screen.getByText('Rule 1')).toBeTruthy();
    expect(screen.queryByText('Rule 2')).toBeNull();
    expect(screen.getByText('2 more items on the full card')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the full card for 62264' })).toBeTruthy();
    // Feedback refers to the stored message.
    expect(screen.getByRole('button', { name: 'Helpful' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  test('a refusal names the nearest codes and documents', async () => {
    mockFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 201,
            body: {
              threadId: 't4',
              answer: {
                id: 'a4',
                kind: 'not-found',
                text: 'Your library does not cover this question.',
                codes: [],
                citations: [],
                confidence: 0,
                nearest: {
                  codes: ['62263', 'M54.16'],
                  documents: [{ documentId: 9, title: guideline }],
                },
              } satisfies Answer,
            },
          }
        : undefined,
    );
    renderAt('/', <AskPage />);
    await ask('weather in Paris');
    expect(await screen.findByText('Your library does not cover this question.')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Open the full card for M54.16' }).getAttribute('href'),
    ).toBe('/codes/icd10cm/M54.16');
    expect(screen.getByRole('link', { name: guideline }).getAttribute('href')).toBe('/library/9');
  });

  test('table rows show as a table, each row with its own source', async () => {
    const citation = (line: number) => ({
      documentId: 3,
      title: 'SAMPLE GPCI file',
      version: 'CY2031',
      locator: `line ${line}`,
    });
    mockFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 201,
            body: {
              threadId: 't5',
              answer: {
                id: 'a5',
                kind: 'table-rows',
                text: '2 localities in SAMPLE GPCI file (CY2031) match your question:\n- Locality: SAMPLE BAY\n- Locality: SAMPLE BAY NORTH',
                codes: [],
                citations: [citation(4), citation(5)],
                confidence: 1,
                table: {
                  table: 'gpci',
                  columns: ['State', 'Locality', 'Work GPCI'],
                  rows: [
                    { cells: ['ZZ', 'SAMPLE BAY', '1.111'], citation: citation(4) },
                    { cells: ['ZZ', 'SAMPLE BAY NORTH', '1.000'], citation: citation(5) },
                  ],
                  total: 2,
                },
              } satisfies Answer,
            },
          }
        : undefined,
    );
    renderAt('/', <AskPage />);
    await ask('GPCI for Sample Bay');
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['State', 'Locality', 'Work GPCI', 'Source']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual([
      'SAMPLE BAY',
      'SAMPLE BAY NORTH',
    ]);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['1', '2']);
    // The rows are not repeated as a list above the table.
    expect(screen.queryByText('Locality: SAMPLE BAY')).toBeNull();
  });

  test('feedback: thumbs with aria-pressed, then an optional comment', async () => {
    const calls = mockFetch(({ method, url }) => {
      if (method === 'POST' && url === '/api/threads')
        return { status: 201, body: { threadId: 't5', answer: pairAnswer } };
      if (method === 'POST' && url.startsWith('/api/answers/'))
        return { status: 201, body: { status: 'recorded' } };
      return undefined;
    });
    renderAt('/', <AskPage />);
    await ask('62264 with 77003');
    const down = await screen.findByRole('button', { name: 'Not helpful' });
    fireEvent.click(down);
    expect(down.getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText('Thank you: your feedback was recorded.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Add a comment (optional)' }), {
      target: { value: 'Wrong setting' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send comment' }));
    expect(await screen.findByText('Thank you: your comment was recorded.')).toBeTruthy();
    expect(calls.filter((c) => c.url.startsWith('/api/answers/')).map((c) => c.body)).toEqual([
      { vote: 'down' },
      { vote: 'down', comment: 'Wrong setting' },
    ]);
    expect(calls.at(-1)!.url).toBe(`/api/answers/${pairAnswer.id}/feedback`);
  });

  test('Start New empties the thread', async () => {
    mockFetch(({ method }) =>
      method === 'POST' ? { status: 201, body: { threadId: 't6', answer: pairAnswer } } : undefined,
    );
    renderAt('/', <AskPage />);
    await ask('62264 with 77003');
    await screen.findByText('Not allowed together');
    act(() => navigate('/?new=123'));
    await waitFor(() => expect(screen.queryByText('Not allowed together')).toBeNull());
    expect(screen.getByRole('combobox', { name: 'Your question' })).toBeTruthy();
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
  });

  test('an empty question asks for one; a failed request keeps the question', async () => {
    mockFetch(({ method }) =>
      method === 'POST'
        ? { status: 500, body: { error: { code: 'INTERNAL', message: 'database down' } } }
        : undefined,
    );
    renderAt('/', <AskPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(screen.getByRole('alert').textContent).toBe('Type a question first.');
    const box = screen.getByRole('combobox', { name: 'Your question' });
    fireEvent.change(box, { target: { value: '62264' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect((await screen.findByRole('alert')).textContent).toContain('database down');
    expect((box as HTMLInputElement).value).toBe('62264');
  });
});
