import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocx } from './docx.parser.ts';
import { parseError, parseOrCodecardError } from './parser-test-helpers.ts';
import {
  applyMutations,
  makeDocumentXml,
  makeDocx,
  makeLyingSizeDocx,
  makeManyEntriesDocx,
  makeZip,
  makeZipBombDocx,
  mutationsArbitrary,
} from './test-fixtures.ts';

describe('parseDocx', () => {
  it('turns Word headings into heading paths and paragraphs into passages', async () => {
    const parsed = await parseDocx({ fileName: 'policy.docx', bytes: makeDocx() });
    expect(parsed.title).toBe('Sample Injection Policy');
    expect(parsed.passages).toEqual([
      expect.objectContaining({
        text: 'This sample paragraph was written for tests. Code 62321 is reported once.',
        headingPath: ['Sample Injection Policy'],
        page: null,
      }),
      expect.objectContaining({
        text: 'Sample coverage text: the payer covers the sample service when documented.',
        headingPath: ['Sample Injection Policy', 'Coverage'],
      }),
    ]);
  });

  it.each([
    ['bomb.docx', makeZipBombDocx, /zip bomb/],
    ['lies.docx', makeLyingSizeDocx, /does not inflate to its declared size: it inflates past it/],
    ['many.docx', () => makeManyEntriesDocx(5_001), /more than 5000 entries, over the limit/],
  ])('refuses %s with ZIP_LIMIT before mammoth runs', async (name, make, detail) => {
    const error = await parseError(parseDocx, name, make());
    expect(error.code).toBe('ZIP_LIMIT');
    expect(error.message).toMatch(detail);
  });

  it('refuses a zip without word/document.xml', async () => {
    const error = await parseError(
      parseDocx,
      'sheet.docx',
      makeZip([{ name: 'xl/workbook.xml', data: '<w/>' }]),
    );
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('word/document.xml is missing');
  });

  it('does not expand entities declared in the document (no billion laughs, no XXE)', async () => {
    const ents = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const laughs = makeDocumentXml([{ text: 'x' }])
      .replace('<w:document', `<!DOCTYPE w:document [${ents.join('')}]><w:document`)
      .replace('>x<', '>&lol9;<');
    const xxe = makeDocumentXml([{ text: 'x' }])
      .replace(
        '<w:document',
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document',
      )
      .replace('>x<', '>&xxe;<');
    for (const xml of [laughs, xxe]) {
      const bytes = makeZip([{ name: 'word/document.xml', data: xml }]);
      const outcome = await parseOrCodecardError(parseDocx, 'entities.docx', bytes);
      if ('passages' in outcome) {
        const text = outcome.passages.map((p) => p.text).join(' ');
        expect(text).not.toContain('lollol');
        expect(text).not.toContain('root:');
      }
    }
  });

  it('throws only CodecardError on mutations of a valid DOCX', async () => {
    const base = makeDocx();
    await fc.assert(
      fc.asyncProperty(mutationsArbitrary, async (mutations) => {
        await parseOrCodecardError(parseDocx, 'mutant.docx', applyMutations(base, mutations));
      }),
      { numRuns: 150 },
    );
  });

  it('throws only CodecardError on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        await parseOrCodecardError(parseDocx, 'noise.docx', Buffer.from(bytes));
      }),
      { numRuns: 100 },
    );
  });
});
