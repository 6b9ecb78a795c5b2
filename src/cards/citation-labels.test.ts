import { describe, expect, test } from 'vitest';
import { labelCitation, placeName, readableTitle } from './citation-labels.ts';
import type { CitedDocument } from './card-fact-rows.ts';

const doc = (over: Partial<CitedDocument>): CitedDocument => ({
  id: 1,
  kind: 'pdf',
  title: 'Acme policy.pdf',
  setting: null,
  release: null,
  file_name: 'Acme policy.pdf',
  effective_from: null,
  ...over,
});

describe('citation labels', () => {
  test('places: rows of text files and sheets, pages, the last heading', () => {
    expect(placeName('line 10', 'en')).toBe('row 10');
    expect(placeName('Sheet1 row 2', 'en')).toBe('row 2');
    expect(placeName('page 3, characters 120-180', 'en')).toBe('page 3');
    expect(placeName('Guide > Modifiers > Modifier 59, characters 5-9', 'en')).toBe('Modifier 59');
    expect(placeName('line 10', 'de')).toBe('Zeile 10');
  });

  test('a table is named by dataset, setting and release; prose by its title', () => {
    const ptp = doc({ kind: 'ncci-ptp', setting: 'practitioner', release: 'v32.2' });
    const cite = { documentId: 1, title: 'ccipra.txt', version: 'v32.2', locator: 'line 10' };
    expect(labelCitation(cite, new Map([[1, ptp]]), 'en').label).toBe(
      'NCCI PTP, practitioner, v32.2, row 10',
    );
    const policy = { ...cite, title: 'Acme policy.pdf', locator: 'page 3, characters 1-9' };
    expect(labelCitation(policy, new Map([[1, doc({})]]), 'en').label).toBe(
      'Acme policy.pdf, page 3',
    );
  });

  test('never a path, even when a title is one', () => {
    expect(readableTitle('/srv/uploads/2026/Acme policy.pdf')).toBe('Acme policy.pdf');
    expect(readableTitle('C:\\docs\\guide.docx')).toBe('guide.docx');
    const cite = { documentId: 9, title: 'a/b/guide.md', version: null, locator: 'text' };
    expect(labelCitation(cite, new Map(), 'en').label).toBe('guide.md');
  });
});
