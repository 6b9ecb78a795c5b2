// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Card } from '../../../../src/contracts/cards.ts';
import { CardChanges } from './CardChanges.tsx';

afterEach(cleanup);

const card: Card = {
  system: 'hcpcs',
  code: 'G9901',
  title: 'G9901 — Sample service one',
  dos: '2026-05-01',
  setting: 'practitioner',
  lang: 'en',
  dir: 'ltr',
  libraryVersion: 'v1',
  footer: '',
  sections: [],
  gaps: [],
  conflicts: [],
  changes: [
    {
      dataset: 'HCPCS',
      release: 'April 2026',
      previous: 'January 2026',
      heading: 'Changed in April 2026',
      note: 'HCPCS: what changed for G9901 since the January 2026 release.',
      items: [
        {
          kind: 'terminated',
          text: 'G9901 was terminated: its last valid day is 2026-12-31.',
          lang: 'en',
          citations: [
            {
              documentId: 1,
              title: 'a.csv',
              version: 'January 2026',
              locator: 'line 2',
              label: 'HCPCS, January 2026, row 2',
            },
            {
              documentId: 2,
              title: 'b.csv',
              version: 'April 2026',
              locator: 'line 2',
              label: 'HCPCS, April 2026, row 2',
            },
          ],
        },
      ],
    },
  ],
};

describe('CardChanges', () => {
  test('"Changed in <release>" with each change and the rows it reads', () => {
    render(<CardChanges card={card} />);
    const section = screen.getByRole('region', { name: 'Changed in April 2026' });
    expect(within(section).getByText(/since the January 2026 release/)).toBeTruthy();
    const item = within(section).getByRole('listitem');
    expect(item.textContent).toBe(
      'G9901 was terminated: its last valid day is 2026-12-31. HCPCS, January 2026, row 2; HCPCS, April 2026, row 2',
    );
  });

  test('nothing when the card has no changes', () => {
    const { container } = render(<CardChanges card={{ ...card, changes: [] }} />);
    expect(container.innerHTML).toBe('');
  });
});
