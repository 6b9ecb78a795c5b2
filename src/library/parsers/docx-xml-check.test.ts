import { describe, expect, it } from 'vitest';
import { parseDocx } from './docx.parser.ts';
import { parseError } from './parser-test-helpers.ts';
import { makeDocumentXml, makeDocx, makeZip, sampleDocxParagraphs } from './test-fixtures.ts';

const documentXml = makeDocumentXml(sampleDocxParagraphs);

const rootRelsTo = (target: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/>` +
  '</Relationships>';

const docxWith = (xml: string) => makeZip([{ name: 'word/document.xml', data: xml }]);

describe('parseDocx: XML parts are checked before mammoth reads them', () => {
  it('refuses a truncated document.xml, naming the part and the line', async () => {
    const truncated = documentXml.replace('<w:body>', '\n<w:body>\n').slice(0, -40);
    const error = await parseError(parseDocx, 'cut.docx', docxWith(truncated));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(/^cut\.docx word\/document\.xml line 3: not well-formed XML/);
  });

  it('refuses a mismatched closing tag', async () => {
    const mismatched = documentXml.replace('</w:t>', '</w:x>');
    const error = await parseError(parseDocx, 'tags.docx', docxWith(mismatched));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('word/document.xml line 1: not well-formed XML');
  });

  it('refuses malformed XML in styles.xml too', async () => {
    const bytes = makeZip([
      { name: 'word/document.xml', data: documentXml },
      { name: 'word/styles.xml', data: '<w:styles><w:style></w:styles>' },
    ]);
    const error = await parseError(parseDocx, 'styles.docx', bytes);
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('word/styles.xml line 1');
  });

  it('follows the package relationship to a main document not named .xml', async () => {
    // word/document.xml must exist too, but mammoth reads the part the relationship names.
    const mainXml = makeDocumentXml([{ text: 'Read from main.bin' }]);
    const withMain = (main: string, target: string) =>
      makeZip([
        { name: '_rels/.rels', data: rootRelsTo(target) },
        { name: 'word/document.xml', data: documentXml },
        { name: 'word/main.bin', data: main },
      ]);
    const parsed = await parseDocx({
      fileName: 'main.docx',
      bytes: withMain(mainXml, 'word/main.bin'),
    });
    expect(parsed.passages.map((p) => p.text)).toEqual(['Read from main.bin']);
    const error = await parseError(
      parseDocx,
      'main.docx',
      withMain(mainXml.slice(0, -12), '/word/main.bin'),
    );
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('word/main.bin line 1');
  });

  it('still refuses a DOCTYPE with XML_FORBIDDEN', async () => {
    const withDtd = documentXml.replace('<w:document', '<!DOCTYPE w:document []><w:document');
    const error = await parseError(parseDocx, 'dtd.docx', docxWith(withDtd));
    expect(error.code).toBe('XML_FORBIDDEN');
    expect(error.message).toContain('word/document.xml line 1');
  });

  it('refuses elements nested deeper than the limit as DOCUMENT_TOO_COMPLEX', async () => {
    const deep = documentXml.replace(
      '<w:body>',
      `<w:body>${'<w:tbl><w:tr><w:tc>'.repeat(70)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(70)}`,
    );
    const error = await parseError(parseDocx, 'deep.docx', docxWith(deep));
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(error.message).toContain('nested deeper than 200 levels');
  });

  it('still reads a good file: siblings do not add depth, a byte order mark is allowed', async () => {
    const siblings = sampleDocxParagraphs.concat(
      Array.from({ length: 300 }, (_, i) => ({ text: `Line ${i}` })),
    );
    const parsed = await parseDocx({ fileName: 'good.docx', bytes: makeDocx(siblings) });
    expect(parsed.passages.length).toBeGreaterThan(2);
    const bom = await parseDocx({ fileName: 'bom.docx', bytes: docxWith(`\ufeff${documentXml}`) });
    expect(bom.passages.map((p) => p.text).join(' ')).toContain('Sample coverage text');
  });
});
