import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passageLimits, splitIntoPassages, type TextBlock } from './passage-splitter.ts';

const block = (text: string, part: string, headingPath: string[] = []): TextBlock => {
  const start = text.indexOf(part);
  return { start, end: start + part.length, headingPath };
};

describe('splitIntoPassages', () => {
  it('keeps one passage per paragraph with exact offsets', () => {
    const a = 'First paragraph. '.repeat(15).trim();
    const b = 'Second paragraph. '.repeat(15).trim();
    const text = `${a}\n\n${b}`;
    const passages = splitIntoPassages(text, [block(text, a, ['H']), block(text, b, ['H'])], 3);
    expect(passages).toHaveLength(2);
    for (const p of passages) {
      expect(text.slice(p.startOffset, p.endOffset)).toBe(p.text);
      expect(p.page).toBe(3);
      expect(p.headingPath).toEqual(['H']);
    }
  });

  it('trims whitespace off the span and skips empty blocks', () => {
    const text = '   padded text  \n\n   \n';
    const passages = splitIntoPassages(
      text,
      [
        { start: 0, end: 16, headingPath: [] },
        { start: 16, end: text.length, headingPath: [] },
      ],
      null,
    );
    expect(passages).toEqual([
      { text: 'padded text', page: null, headingPath: [], startOffset: 3, endOffset: 14 },
    ]);
  });

  it('merges short blocks under the same heading, not across headings', () => {
    const text = 'Note:\n\nItem one.\n\nItem two.\n\nOther.';
    const passages = splitIntoPassages(
      text,
      [
        block(text, 'Note:', ['A']),
        block(text, 'Item one.', ['A']),
        block(text, 'Item two.', ['A']),
        block(text, 'Other.', ['B']),
      ],
      null,
    );
    expect(passages.map((p) => p.text)).toEqual(['Note:\n\nItem one.\n\nItem two.', 'Other.']);
    expect(passages.map((p) => p.headingPath)).toEqual([['A'], ['B']]);
  });

  it('splits a long paragraph at sentence ends, each piece within the limit', () => {
    const sentence = (i: number) => `Sentence number ${i} says something about the sample service.`;
    const paragraph = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const passages = splitIntoPassages(
      paragraph,
      [{ start: 0, end: paragraph.length, headingPath: [] }],
      null,
    );
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(passageLimits.maxChars);
      expect(p.text).toMatch(/^Sentence number \d+/);
      expect(p.text).toMatch(/service\.$/);
      expect(paragraph.slice(p.startOffset, p.endOffset)).toBe(p.text);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(paragraph);
  });

  it('falls back to word and then hard cuts, never splitting a surrogate pair', () => {
    const words = 'word '.repeat(600).trim();
    for (const p of splitIntoPassages(
      words,
      [{ start: 0, end: words.length, headingPath: [] }],
      null,
    )) {
      expect(p.text.length).toBeLessThanOrEqual(passageLimits.maxChars);
      expect(p.text).toMatch(/^word( word)*$/);
    }
    const emoji = '😀'.repeat(1000);
    const pieces = splitIntoPassages(
      emoji,
      [{ start: 0, end: emoji.length, headingPath: [] }],
      null,
      {
        maxChars: 101,
        minChars: 0,
      },
    );
    expect(pieces.map((p) => p.text).join('')).toBe(emoji);
    for (const p of pieces) expect(p.text).toMatch(/^(😀)+$/u);
  });

  it('holds its invariants on arbitrary text and blocks', () => {
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 3000,
          unit: fc.constantFrom('a', 'b', ' ', '.', '\n', '😀', 'é', '!', 'X'),
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
        (text, cuts) => {
          const points = [...new Set(cuts.flat().map((n) => n % (text.length + 1)))].sort(
            (a, b) => a - b,
          );
          const blocks: TextBlock[] = [];
          for (let i = 0; i + 1 < points.length; i += 2) {
            blocks.push({
              start: points[i] ?? 0,
              end: points[i + 1] ?? 0,
              headingPath: [String(i % 4 === 0)],
            });
          }
          const limits = { maxChars: 300, minChars: 50 };
          let last = -1;
          for (const p of splitIntoPassages(text, blocks, null, limits)) {
            expect(text.slice(p.startOffset, p.endOffset)).toBe(p.text);
            expect(p.text.length).toBeGreaterThan(0);
            expect(p.text.length).toBeLessThanOrEqual(limits.maxChars);
            expect(p.text.trim()).toBe(p.text);
            expect(p.startOffset).toBeGreaterThanOrEqual(last);
            last = p.endOffset;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
