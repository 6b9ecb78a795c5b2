// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { LocaleProvider, type Translate } from '../i18n/locale-context.tsx';
import { Footnotes, formatLocator, sourceHref } from './citations.ts';
import { FootnoteRefs, footnoteGroups } from './Footnotes.tsx';

afterEach(cleanup);

const t: Translate = (key, values) => `${key}:${JSON.stringify(values)}`;

describe('citations', () => {
  test('the source viewer address carries the encoded locator', () => {
    expect(sourceHref({ documentId: 9, locator: 'Guide > Bundling, characters 10-80' })).toBe(
      '/sources/9?locator=Guide%20%3E%20Bundling%2C%20characters%2010-80',
    );
  });

  test('locators read as words: lines, pages, sheet rows, heading paths', () => {
    expect(formatLocator('line 1234567', t)).toBe('citation.line:{"line":"1234567"}');
    expect(formatLocator('page 2, characters 1217-1269', t)).toBe('citation.page:{"page":"2"}');
    expect(formatLocator('Sheet1 row 12', t)).toBe(
      'citation.sheetRow:{"sheet":"Sheet1","row":"12"}',
    );
    expect(formatLocator('Guide > Modifiers > XS, characters 5-9', t)).toBe(
      'Guide › Modifiers › XS',
    );
    expect(formatLocator('Guide > Modifiers, characters 5-9', t, 'Guide')).toBe('Modifiers');
    expect(formatLocator('Guide, characters 5-9', t, 'Guide')).toBe('Guide');
  });

  test('the same source keeps its first number', () => {
    const notes = new Footnotes();
    const a = { documentId: 1, title: 'A', version: null, locator: 'line 1' };
    const b = { documentId: 2, title: 'B', version: null, locator: 'line 1' };
    expect(notes.addAll([a, b, a])).toEqual([1, 2]);
    expect(notes.add({ ...b })).toBe(2);
    expect(notes.list.map((n) => n.citation.title)).toEqual(['A', 'B']);
  });

  test('three or more consecutive footnotes show as a range', () => {
    expect(footnoteGroups([7, 5, 6, 8, 10, 12, 11, 14, 15])).toEqual([
      [5, 6, 7, 8],
      [10, 11, 12],
      [14],
      [15],
    ]);
    localStorage.setItem('codecard.locale', 'en');
    render(
      <LocaleProvider>
        <FootnoteRefs numbers={[5, 6, 7, 8, 10]} prefix="x" />
      </LocaleProvider>,
    );
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Source 5',
      'Sources 5 to 8',
      'Source 10',
    ]);
    expect(screen.getByRole('link', { name: 'Source 10' }).getAttribute('href')).toBe('#x-note-10');
  });
});
