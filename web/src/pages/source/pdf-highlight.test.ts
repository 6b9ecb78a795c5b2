import { describe, expect, test } from 'vitest';
import { itemRect, matchQuote, multiply } from './pdf-highlight.ts';

const items = (...strs: string[]) => strs.map((str) => ({ str }));

describe('matchQuote', () => {
  test('finds a quote spread over text items, ignoring spacing and case', () => {
    const page = items(
      'Bundling',
      'Do not report 72275 or ',
      '77003 with',
      ' 62264 for the same',
      'procedure.',
    );
    expect(matchQuote(page, 'do not report 72275 or 77003 with 62264')).toEqual([
      { index: 1, from: 0, to: 22 / 23 },
      { index: 2, from: 0, to: 1 },
      { index: 3, from: 1 / 19, to: 6 / 19 },
    ]);
  });

  test('words split by a line-end hyphen still match', () => {
    const page = items('release of epidural adhe-', 'sions through the skin');
    const spans = matchQuote(page, 'epidural adhesions through')!;
    expect(spans.map((s) => s.index)).toEqual([0, 1]);
  });

  test('curly and straight quotes are the same; a missing quote is null', () => {
    expect(matchQuote(items('the patient’s record'), "patient's record")).not.toBeNull();
    expect(matchQuote(items('something else entirely'), 'not on this page')).toBeNull();
    expect(matchQuote(items('ab'), 'a')).toBeNull();
  });
});

describe('itemRect', () => {
  test('places a text item from its baseline up by the font height, scaled', () => {
    // A page 792 high at scale 2: viewport transform [2,0,0,-2,0,1584].
    const viewport = { transform: [2, 0, 0, -2, 0, 1584], scale: 2 };
    const item = { transform: [10, 0, 0, 10, 72, 700], width: 100 };
    const rect = itemRect(item, { from: 0.5, to: 1 }, viewport);
    expect(rect.left).toBe(144 + 100);
    expect(rect.width).toBe(100);
    expect(rect.top).toBe(1584 - 1400 - 20);
    expect(rect.height).toBeCloseTo(24);
    expect(multiply([1, 0, 0, 1, 5, 5], [2, 0, 0, 2, 1, 1])).toEqual([2, 0, 0, 2, 6, 6]);
  });
});
