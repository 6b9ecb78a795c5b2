import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../library/parsers/markdown.parser.ts';
import { parseText } from '../library/parsers/text.parser.ts';
import { splitSentences } from '../library/text/sentence-splitter.ts';
import { isTableRowText } from './table-row-text.ts';

const sentencesOf = async (parsed: ReturnType<typeof parseMarkdown>) =>
  (await parsed).passages.flatMap((p) => splitSentences(p.text).map((s) => s.text));

describe('isTableRowText', () => {
  it('knows header, separator and data rows, raw or as the parsers write them', () => {
    for (const row of [
      '| Code | Units | Rationale |',
      '|---|---|---|',
      '| :--- | ---: |',
      '---|---',
      'Procedure codes | ICD-10-CM codes',
      '62264 | 1 | once per day',
    ])
      expect(isTableRowText(row), row).toBe(true);
  });

  it('leaves prose alone, pipes in words included', () => {
    for (const text of [
      'Report 62264 once per day.',
      'Use modifier 59 or XS when the sites differ.',
      'A value of 1|2 is not a table.',
      'The MUE — one unit — applies per day.',
    ])
      expect(isTableRowText(text), text).toBe(false);
  });

  it('separates every row of a Markdown table from the prose around it', async () => {
    const md =
      '# Guide\n\nReport 62264 once per day.\n\n| Code | Units |\n|---|---|\n| 62264 | 1 |\n\nThe note must show the level.\n';
    const sentences = await sentencesOf(
      parseMarkdown({ fileName: 'guide.md', bytes: Buffer.from(md) }),
    );
    expect(sentences.filter((s) => !isTableRowText(s))).toEqual([
      'Report 62264 once per day.',
      'The note must show the level.',
    ]);
    expect(sentences.filter(isTableRowText)).toEqual(['Code | Units', '62264 | 1']);
  });

  it('separates raw pipe rows in a text file, separator included', async () => {
    const text =
      'Report 62264 once per day.\n\n| Code | Units |\n|---|---|\n| 62264 | 1 |\n\nThe note must show the level.\n';
    const sentences = await sentencesOf(
      parseText({ fileName: 'guide.txt', bytes: Buffer.from(text) }),
    );
    expect(sentences.filter((s) => !isTableRowText(s))).toEqual([
      'Report 62264 once per day.',
      'The note must show the level.',
    ]);
  });
});
