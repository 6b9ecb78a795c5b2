import { describe, expect, test } from 'vitest';
import type { Card } from '../cards/card-types.ts';
import type { Citation } from '../domain/citation.ts';
import { cardText } from './card-text.ts';
import { displayWidth, textTable } from './text-table.ts';

const cite = (row: number): Citation => ({
  documentId: 1,
  title: 'SAMPLE PTP table',
  version: 'v1',
  locator: `row ${row}`,
  label: `SAMPLE PTP, practitioner, v1, row ${row}`,
});

const card: Card = {
  system: 'CPT',
  code: '99990',
  title: '2026 CPT code 99990',
  dos: '2026-01-15',
  setting: 'practitioner',
  lang: 'en',
  dir: 'ltr',
  libraryVersion: '1',
  footer: 'SAMPLE footer',
  glance: [{ kind: 'what', text: 'SAMPLE glance line.', lang: 'en', citations: [cite(1)] }],
  tables: [
    {
      kind: 'ptp',
      section: 'bundling',
      rows: [
        {
          otherCode: '99991',
          descriptor: 'SAMPLE other procedure',
          column: 1,
          modifierIndicator: 1,
          rationale: null,
          from: '2020-01-01',
          to: null,
          bypassModifiers: ['59', 'XS'],
          citation: cite(2),
        },
        {
          otherCode: '99992',
          descriptor: 'SAMPLE third procedure with a descriptor far too long for a terminal cell',
          column: 2,
          modifierIndicator: 0,
          rationale: 'SAMPLE rationale',
          from: null,
          to: null,
          bypassModifiers: [],
          citation: cite(3),
        },
      ],
    },
    {
      kind: 'mue',
      section: 'reporting',
      rows: [
        {
          value: 2,
          adjudication: 3,
          rationale: 'SAMPLE clinical',
          setting: 'practitioner',
          from: '2026-01-01',
          to: null,
          citation: cite(4),
        },
      ],
    },
  ],
  sections: [
    {
      id: 'descriptor',
      title: 'Descriptor',
      items: [{ text: 'SAMPLE descriptor', lang: 'en', citations: [cite(1)] }],
    },
    { id: 'bundling', title: 'Bundling', items: [] },
  ],
  gaps: [],
  conflicts: [],
};

describe('the terminal card', () => {
  const lines = cardText(card);
  const text = lines.join('\n');

  test('starts with the glance, before the first section', () => {
    expect(lines.indexOf('AT A GLANCE')).toBeGreaterThan(0);
    expect(lines.indexOf('AT A GLANCE')).toBeLessThan(lines.indexOf('DESCRIPTOR'));
    expect(text).toContain('  • SAMPLE glance line. [1]');
  });

  test('says what changed in the release in force after the glance, its rows as footnotes', () => {
    const changed = cardText({
      ...card,
      changes: [
        {
          dataset: 'HCPCS',
          release: 'April 2026',
          previous: 'January 2026',
          heading: 'Changed in April 2026',
          note: 'HCPCS: what changed for G9901 since the January 2026 release.',
          items: [
            {
              kind: 'added',
              text: 'G9901 was added.',
              lang: 'en',
              citations: [
                {
                  documentId: 8,
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
    });
    const at = changed.indexOf('CHANGED IN APRIL 2026');
    expect(at).toBeGreaterThan(changed.indexOf('AT A GLANCE'));
    expect(at).toBeLessThan(changed.indexOf('DESCRIPTOR'));
    expect(changed[at + 2]).toMatch(/^ {2}• G9901 was added\. \[\d+\]$/);
    expect(changed).toContain(
      `[${changed[at + 2]!.match(/\[(\d+)\]$/)![1]}] HCPCS, April 2026, row 2`,
    );
  });

  test('prints the PTP rows as an aligned table in their section, sources as footnotes', () => {
    const head = lines.findIndex((l) => l.includes('Other code'));
    expect(head).toBeGreaterThan(lines.indexOf('BUNDLING'));
    const rows = lines.slice(head, head + 4);
    expect(rows[1]).toMatch(/^ {2}─+ {2}─+/);
    expect(rows[2]).toContain('99991');
    expect(rows[2]).toContain('1 – allowed with a modifier');
    expect(rows[2]).toContain('59, XS');
    expect(rows[3]).toContain('99992');
    expect(rows[3]).toContain('…');
    // Aligned: every column starts at the same place on each row.
    const at = (line: string, cell: string) => displayWidth(line.slice(0, line.indexOf(cell)));
    expect(at(rows[2]!, '[2]')).toBe(at(rows[3]!, '[3]'));
    expect(at(rows[0]!, 'Source')).toBe(at(rows[2]!, '[2]'));
    expect(text).toContain('[2] SAMPLE PTP, practitioner, v1, row 2');
  });

  test('prints a table whose section the card does not list after the sections', () => {
    expect(text).toContain('Medically unlikely edits (MUE)');
    expect(text).toContain('3 – per day (clinical)');
  });
});

describe('text tables', () => {
  test('count wide characters as two columns', () => {
    const [head, , row] = textTable(['码', 'B'], [['中文', 'x']]);
    expect(head).toBe('码    B');
    expect(row).toBe('中文  x');
  });
});
