// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Card, CardCitation } from '../../../../src/contracts/cards.ts';
import { Footnotes } from '../../components/citations.ts';
import { renderAt } from '../../components/test-utils.tsx';
import { CardSummary, summaryItems } from './CardSummary.tsx';

afterEach(cleanup);

const cite = (row: number): CardCitation => ({
  documentId: 2,
  title: 'SAMPLE PTP table',
  version: 'v1',
  locator: `row ${row}`,
});

/** A card as the server now builds it: PTP rows in `tables`, the bundling section empty. */
const card: Card = {
  system: 'cpt',
  code: '99990',
  title: '2026 CPT code 99990',
  dos: '2026-11-27',
  setting: 'practitioner',
  lang: 'en',
  dir: 'ltr',
  libraryVersion: 'abc',
  footer: 'SAMPLE footer',
  glance: [
    { kind: 'what', text: 'SAMPLE procedure wording', lang: 'en', citations: [cite(1)] },
    {
      kind: 'warning',
      text: 'Not reported with 2 codes (NCCI PTP edits): 99991, 99992.',
      lang: 'en',
      section: 'bundling',
      citations: [cite(2), cite(3)],
    },
    { kind: 'releases', text: 'Data used: SAMPLE release.', lang: 'en', citations: [cite(4)] },
  ],
  tables: [
    {
      kind: 'ptp',
      section: 'bundling',
      rows: [2, 3].map((row) => ({
        otherCode: `9999${row - 1}`,
        descriptor: 'SAMPLE other',
        column: 1 as const,
        modifierIndicator: 1,
        rationale: null,
        from: null,
        to: null,
        bypassModifiers: [],
        citation: cite(row),
      })),
    },
  ],
  sections: [
    {
      id: 'descriptor',
      title: 'Descriptor',
      items: [{ text: 'SAMPLE descriptor item', lang: 'en', citations: [cite(1)] }],
    },
    { id: 'bundling', title: 'Bundling', items: [] },
  ],
  gaps: [],
  conflicts: [],
};

function show(shown: Card) {
  const notes = new Footnotes();
  for (const { item } of summaryItems(shown)) notes.addAll(item.citations);
  renderAt('/', <CardSummary card={shown} notes={notes} prefix="a1" />);
  return screen.getByRole('article');
}

describe('the card summary in an answer', () => {
  test('shows the glance, which sums up the PTP table the sections no longer list', () => {
    const summary = show(card);
    const lines = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('SAMPLE procedure wording');
    expect(lines[1]).toContain('Not reported with 2 codes (NCCI PTP edits): 99991, 99992.');
    // The release list is the card's business; the section titles are not repeated.
    expect(summary.textContent).not.toContain('Data used');
    expect(within(summary).queryByRole('heading', { level: 4 })).toBeNull();
    expect(screen.getByRole('link', { name: /Open the full card for 99990/ })).toBeTruthy();
  });

  test('numbers the glance sources for the answer footnotes', () => {
    expect(summaryItems(card).flatMap(({ item }) => item.citations.map((c) => c.locator))).toEqual([
      'row 1',
      'row 2',
      'row 3',
    ]);
  });

  test('a card stored before the glance: the descriptor and the first item of each section', () => {
    const summary = show({
      ...card,
      glance: undefined,
      sections: [
        ...card.sections,
        {
          id: 'reporting',
          title: 'Reporting rules',
          items: ['one', 'two'].map((n) => ({
            text: `SAMPLE rule ${n}`,
            lang: 'en',
            citations: [],
          })),
        },
      ],
    });
    expect(summary.textContent).toContain('SAMPLE descriptor item');
    expect(
      within(summary).getByRole('heading', { level: 4, name: 'Reporting rules' }),
    ).toBeTruthy();
    expect(summary.textContent).toContain('SAMPLE rule one');
    expect(summary.textContent).not.toContain('SAMPLE rule two');
  });
});
