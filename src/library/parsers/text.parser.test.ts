import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlainText, parseText } from './text.parser.ts';
import { parseOrCodecardError } from './parser-test-helpers.ts';

describe('parseText', () => {
  it('splits at blank lines, with offsets into the decoded text', () => {
    const text = 'Sample notes\r\n\r\nFirst paragraph\r\nwraps here.\r\n\r\n\r\nSecond one.\n';
    const parsed = parsePlainText(text);
    expect(parsed.title).toBe('Sample notes');
    expect(parsed.passages.map((p) => p.text)).toEqual([
      'Sample notes\r\n\r\nFirst paragraph\r\nwraps here.\r\n\r\n\r\nSecond one.',
    ]);
    const long = ['Alpha paragraph. '.repeat(14).trim(), 'Beta paragraph. '.repeat(14).trim()].join(
      '\n\n',
    );
    const passages = parsePlainText(long).passages;
    expect(passages).toHaveLength(2);
    for (const p of passages) expect(long.slice(p.startOffset, p.endOffset)).toBe(p.text);
  });

  it('recognizes the documented heading lines', () => {
    const text = [
      'INTRODUCTION',
      'The intro text follows the capitals directly.',
      '',
      '1. Scope',
      '',
      'Scope text.',
      '',
      '1.2 Details',
      '',
      'Detail text.',
      '',
      'Documentation requirements:',
      '',
      'The level and the drug.',
      '',
      'BILLING',
      '',
      'Bill once.',
    ].join('\n');
    const parsed = parsePlainText(text);
    expect(parsed.passages.map((p) => [p.text, p.headingPath])).toEqual([
      ['The intro text follows the capitals directly.', ['INTRODUCTION']],
      ['Scope text.', ['INTRODUCTION', '1. Scope']],
      ['Detail text.', ['INTRODUCTION', '1. Scope', '1.2 Details']],
      [
        'The level and the drug.',
        ['INTRODUCTION', '1. Scope', '1.2 Details', 'Documentation requirements'],
      ],
      ['Bill once.', ['BILLING']],
    ]);
  });

  it('does not take sentences, list steps or notes inside paragraphs for headings', () => {
    const text =
      '1. Inject the drug.\n\nNote: the sample text continues\nhere.\n\nCPT and ICD-10 are used.';
    expect(parsePlainText(text).passages.every((p) => p.headingPath.length === 0)).toBe(true);
  });

  it('decodes Windows-1252 (é preserved) and UTF-16 with a BOM', async () => {
    const latin = await parseText({
      fileName: 'cms.txt',
      bytes: Buffer.from('Caf\xe9 r\xe9sum\xe9 \xae note', 'latin1'),
    });
    expect(latin.passages[0]?.text).toBe('Café résumé ® note');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Texte été', 'utf16le')]);
    expect((await parseText({ fileName: 'u.txt', bytes: utf16 })).passages[0]?.text).toBe(
      'Texte été',
    );
  });

  it('throws only CodecardError on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), async (bytes) => {
        await parseOrCodecardError(parseText, 'fuzz.txt', Buffer.from(bytes));
      }),
      { numRuns: 300 },
    );
  });
});
