import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentParsers } from './index.ts';
import { parseError, parseOrCodecardError } from './parser-test-helpers.ts';
import { applyMutations, makePdf, mutationsArbitrary, pseudoRandomBytes } from './test-fixtures.ts';

// Through the parser pool, as imports read PDFs: pdfjs leftovers must stay in the worker thread.
const parsePdf = documentParsers.pdf;

describe('parsePdf', () => {
  it('extracts text per page with page numbers, headings and exact spans', async () => {
    const parsed = await parsePdf({ fileName: 'guide.pdf', bytes: makePdf() });
    expect(parsed.pageCount).toBe(2);
    expect(parsed.title).toBe('Sample Epidural Guide');
    expect(parsed.passages.map((p) => [p.page, p.headingPath])).toEqual([
      [1, ['Sample Epidural Guide']],
      [2, ['Sample Epidural Guide', 'Documentation']],
    ]);
    const [first, second] = parsed.passages;
    expect(first?.text).toContain('Report code 62321 once per session.');
    expect(first?.text).toContain('Imaging guidance is included');
    expect(second?.text).toBe('The sample note must state the level injected and the drug used.');
    for (const p of parsed.passages) expect(p.endOffset - p.startOffset).toBe(p.text.length);
  });

  it('prefers the metadata title', async () => {
    const parsed = await parsePdf({
      fileName: 'a.pdf',
      bytes: makePdf(undefined, { title: 'Sample Policy (2026)' }),
    });
    expect(parsed.title).toBe('Sample Policy (2026)');
  });

  it('joins text items on one line with spaces and keeps lines apart', async () => {
    const bytes = makePdf([
      [
        { text: 'Alpha (beta) \\ gamma' },
        { text: 'delta', sameLineAt: 300 },
        { text: 'Second line here' },
      ],
    ]);
    const parsed = await parsePdf({ fileName: 'a.pdf', bytes });
    expect(parsed.passages.map((p) => p.text)).toEqual([
      'Alpha (beta) \\ gamma delta\n\nSecond line here',
    ]);
  });

  it('refuses a password-protected PDF clearly', async () => {
    const error = await parseError(parsePdf, 'locked.pdf', makePdf(undefined, { encrypted: true }));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('password-protected');
  });

  it('refuses a truncated PDF', async () => {
    const bytes = makePdf();
    for (const cut of [10, 200, 500, bytes.length - 30]) {
      const error = await parseError(parsePdf, 'cut.pdf', bytes.subarray(0, cut));
      expect(error.code).toBe('PARSE_FAILED');
      expect(error.message).toContain('truncated');
    }
  });

  it('names the page of a damaged page', async () => {
    const bytes = makePdf();
    // The xref still points at page 1's content stream, but the object header is gone.
    bytes.write('6 0 xxx', bytes.indexOf('6 0 obj'), 'latin1');
    const error = await parseError(parsePdf, 'damaged.pdf', bytes);
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(/^damaged\.pdf page 1: the page is damaged/);
    expect(error.params.where).toBe(' page 1');
  });

  it('keeps pdfjs leftovers from a damaged page tree off the main thread', async () => {
    // pdfjs prefetches page 2's dictionary while reading page 1 and never handles the failure:
    // in-process this is an unhandled rejection that would end the server (and fail vitest).
    const bytes = makePdf();
    bytes.write('7 0 xxx', bytes.indexOf('7 0 obj'), 'latin1');
    const error = await parseError(parsePdf, 'page-two.pdf', bytes);
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('page 2');
  });

  it("leaves the caller's bytes intact", async () => {
    const bytes = makePdf();
    const copy = Buffer.from(bytes);
    await parsePdf({ fileName: 'a.pdf', bytes });
    expect(bytes.equals(copy)).toBe(true);
  });

  it('refuses a PDF with a broken structure', async () => {
    const bytes = Buffer.from('%PDF-1.4\nnot really a pdf at all\n%%EOF\n', 'latin1');
    const error = await parseError(parsePdf, 'broken.pdf', bytes);
    expect(error.code).toBe('PARSE_FAILED');
  });

  it('says when a PDF has no text layer', async () => {
    const error = await parseError(parsePdf, 'scan.pdf', makePdf([[], []]));
    expect(error.code).toBe('NOTHING_IMPORTED');
    expect(error.message).toContain('OCR');
  });

  it('refuses more pages than the limit before reading any', async () => {
    const pages = Array.from({ length: 5_001 }, () => []);
    const error = await parseError(parsePdf, 'huge.pdf', makePdf(pages));
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(error.message).toBe(
      'huge.pdf: 5001 pages is over the limit of 5000 pages (limit maxPdfPages)',
    );
  });

  it('throws only CodecardError on random bytes', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const noise = Buffer.concat([
        Buffer.from('%PDF-1.7\n'),
        pseudoRandomBytes(2000, seed),
        Buffer.from('\n%%EOF\n'),
      ]);
      await parseOrCodecardError(parsePdf, 'noise.pdf', noise);
    }
  });

  it('throws only CodecardError on mutations of a valid PDF', async () => {
    const base = makePdf();
    await fc.assert(
      fc.asyncProperty(mutationsArbitrary, async (mutations) => {
        await parseOrCodecardError(parsePdf, 'mutant.pdf', applyMutations(base, mutations));
      }),
      { numRuns: 60 },
    );
  });
});
