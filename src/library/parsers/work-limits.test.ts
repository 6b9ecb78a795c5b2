import { describe, expect, it } from 'vitest';
import type { DocumentParser } from '../import-kind.ts';
import { documentLimits, type DocumentLimits } from '../intake/limits.ts';
import { parseDocx } from './docx.parser.ts';
import { parseHtml } from './html.parser.ts';
import { parseMarkdown } from './markdown.parser.ts';
import { parseError } from './parser-test-helpers.ts';
import { parseText } from './text.parser.ts';
import { makeDocx } from './test-fixtures.ts';
import { checkLineLengths, checkMarkdownDepth } from './work-limits.ts';

const limits = (overrides: Partial<DocumentLimits>): DocumentLimits => ({
  ...documentLimits,
  ...overrides,
});

async function refusal(
  parser: DocumentParser,
  fileName: string,
  text: string | Buffer,
  overrides: Partial<DocumentLimits>,
): Promise<string> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const error = await parseError((file) => parser(file, limits(overrides)), fileName, bytes);
  expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
  return error.message;
}

const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');

describe('work limits', () => {
  it('refuses a text or Markdown line over the longest-line limit, naming it', async () => {
    const text = `Short line.\n${'x'.repeat(101)}\nShort again.`;
    expect(await refusal(parseText, 'long.txt', text, { maxLineBytes: 100 })).toBe(
      'long.txt: line 2 is longer than 100 bytes (limit maxLineBytes)',
    );
    expect(await refusal(parseMarkdown, 'long.md', text, { maxLineBytes: 100 })).toBe(
      'long.md: line 2 is longer than 100 bytes (limit maxLineBytes)',
    );
    const ok = await parseText({ fileName: 'ok.txt', bytes: Buffer.from(text) }, limits({}));
    expect(ok.passages).toHaveLength(1);
  });

  it('measures lines ended by CR, LF or CRLF, and UTF-16 by code units', () => {
    const line = 'y'.repeat(50);
    for (const end of ['\n', '\r', '\r\n']) {
      expect(() => checkLineLengths(Buffer.from([line, line, line].join(end)), 50)).not.toThrow();
      expect(() => checkLineLengths(Buffer.from(`${line}${end}${line}z`), 50)).toThrow(/line 2/);
    }
    const utf16 = (s: string) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    expect(() => checkLineLengths(utf16(`${line}\n${line}`), 100)).not.toThrow();
    // U+0A0A holds the byte 0x0A but ends no line.
    expect(() => checkLineLengths(utf16('\u0a0a'.repeat(60)), 100)).toThrow(/line 1/);
  });

  it('refuses Markdown nested deeper than the limit before lexing it', async () => {
    expect(
      await refusal(parseMarkdown, 'deep.md', nestedList(30), { maxNestingDepth: 20 }),
    ).toMatch(/^deep\.md: nesting deeper than 20 levels at line \d+ \(limit maxNestingDepth\)$/);
    const quotes = `${'>'.repeat(30)} quoted`;
    expect(await refusal(parseMarkdown, 'quotes.md', quotes, { maxNestingDepth: 20 })).toMatch(
      /nesting deeper than 20 levels at line 1/,
    );
    const inline = `${'- '.repeat(30)}item`;
    expect(await refusal(parseMarkdown, 'inline.md', inline, { maxNestingDepth: 20 })).toMatch(
      /at line 1/,
    );
  });

  it('accepts ordinary Markdown nesting, blank indented lines and code', () => {
    const text = [
      '# Title',
      nestedList(5),
      ' '.repeat(400),
      '> > quoted twice',
      '    code block line',
      '1. one',
      '   2) nested ordered',
    ].join('\n');
    expect(() => checkMarkdownDepth(text, 10)).not.toThrow();
  });

  it('refuses HTML elements nested deeper than the limit, naming it', async () => {
    const html = `${'<div>'.repeat(30)}deep${'</div>'.repeat(30)}`;
    expect(await refusal(parseHtml, 'deep.html', html, { maxNestingDepth: 20 })).toBe(
      'deep.html: elements nested deeper than 20 levels (limit maxNestingDepth)',
    );
    const markdown = `Intro.\n\n<div>${'<span>'.repeat(30)}deep</div>\n`;
    expect(await refusal(parseMarkdown, 'html.md', markdown, { maxNestingDepth: 20 })).toMatch(
      /elements nested deeper than 20 levels/,
    );
  });

  it('counts open elements only: siblings, void and implicitly closed elements do not nest', async () => {
    const html = `<body>${'<div>x</div><br><img src=a>'.repeat(50)}${'<p>para'.repeat(50)}</body>`;
    const parsed = await parseHtml(
      { fileName: 'flat.html', bytes: Buffer.from(html) },
      limits({ maxNestingDepth: 10 }),
    );
    expect(parsed.passages.length).toBeGreaterThan(0);
  });

  it('refuses a DOCX whose XML inflates past the limit, counted by the zip guard', async () => {
    const docx = makeDocx();
    expect(await refusal(parseDocx, 'big.docx', docx, { maxDocxXmlBytes: 1_000 })).toMatch(
      /^big\.docx: its XML inflates to \d+ bytes, over 1000 \(limit maxDocxXmlBytes\)$/,
    );
    expect(
      (await parseDocx({ fileName: 'ok.docx', bytes: docx }, limits({}))).passages,
    ).toHaveLength(2);
  });
});
