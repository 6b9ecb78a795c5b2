import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractMarkdownText, parseMarkdown } from './markdown.parser.ts';
import { parseOrCodecardError } from './parser-test-helpers.ts';

const parse = (md: string) =>
  parseMarkdown({ fileName: 'notes.md', bytes: Buffer.from(md, 'utf8') });

describe('parseMarkdown', () => {
  it('builds heading paths and passages from paragraphs, lists and tables', async () => {
    const md = [
      '# Sample Guide',
      '',
      'Intro with **bold**, _em_, `code <x>` and a [link](http://example.com).',
      '',
      '## Billing',
      '',
      '- First item',
      '- Second item',
      '  - Nested item',
      '',
      '| Code | Note |',
      '|------|------|',
      '| 62321 | sample |',
    ].join('\n');
    const parsed = await parse(md);
    expect(parsed.title).toBe('Sample Guide');
    expect(parsed.passages.map((p) => [p.text, p.headingPath])).toEqual([
      ['Intro with bold, em, code <x> and a link.', ['Sample Guide']],
      [
        'First item\n\nSecond item\n\nNested item\n\nCode | Note\n\n62321 | sample',
        ['Sample Guide', 'Billing'],
      ],
    ]);
  });

  it('decodes entities and drops raw HTML scripts', () => {
    const extracted = extractMarkdownText(
      'AT&amp;T a<b <script>bad()</script> ok\n\n<div>block <script>no()</script>text</div>\n',
    );
    expect(extracted.text).toBe('AT&T a<b ok\n\nblock text');
  });

  it('keeps blockquotes and code blocks as text', () => {
    const extracted = extractMarkdownText('> Quoted note.\n\n```\nline 1\nline 2\n```\n');
    expect(extracted.text).toBe('Quoted note.\n\nline 1 line 2');
  });

  it('throws only CodecardError on arbitrary input, including deep nesting', async () => {
    await parseOrCodecardError(parseMarkdown, 'deep.md', Buffer.from('>'.repeat(20_000) + ' x'));
    await parseOrCodecardError(parseMarkdown, 'deep.md', Buffer.from('- '.repeat(5_000) + 'x'));
    const piece = fc.constantFrom(
      '#',
      '##',
      '- ',
      '1. ',
      '> ',
      '|',
      '---',
      '\n',
      '\n\n',
      '`',
      '```',
      '*',
      '_',
      '[',
      '](',
      ')',
      '<b>',
      '&amp;',
      '<script>',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc
            .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 60 })
            .map((p) => Buffer.from(p.join(''))),
        ),
        async (bytes) => {
          await parseOrCodecardError(parseMarkdown, 'fuzz.md', bytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
