import { describe, expect, it } from 'vitest';
import type { ImportOptions } from '../import-kind.ts';
import type { DescriptorFact, NoteFact, ParsedRecord } from './fact-record.ts';
import { parseIcd10cmTabular } from './icd10cm-tabular.ts';
import { sampleTabularXml } from './icd10cm-test-fixtures.ts';
import { codecardFailure } from '../../../test/support/codecard-failure.ts';

async function parse(
  xml: string,
  fileName = 'icd10cm_tabular_2021.xml',
  options: ImportOptions = {},
) {
  const parsed = await parseIcd10cmTabular({ fileName, bytes: Buffer.from(xml, 'utf8') }, options);
  return { meta: parsed.meta, records: [...parsed.records] };
}

const descriptors = (records: ParsedRecord[]) =>
  records.filter((r): r is DescriptorFact => r.kind === 'descriptor');
const notes = (records: ParsedRecord[], code?: string) =>
  records.filter(
    (r): r is NoteFact => r.kind === 'note' && (code === undefined || r.code === code),
  );

/** A minimal tabular document around some diag markup. */
const wrap = (inner: string) =>
  `<ICD10CM.tabular><version>2021</version><chapter><name>1</name><desc>Chapter (A00-B99)</desc><section id="A00-A09"><desc>S</desc>${inner}</section></chapter></ICD10CM.tabular>`;

describe('parseIcd10cmTabular', () => {
  it('emits a descriptor for every diag, nested ones included, in document order', async () => {
    const { records } = await parse(sampleTabularXml);
    expect(descriptors(records).map((d) => d.code)).toEqual([
      'M54',
      'M54.1',
      'M54.16',
      'M54.5',
      'S52',
      'S52.5X',
      'S52.5X1',
    ]);
    expect(descriptors(records).find((d) => d.code === 'M54.16')).toEqual({
      kind: 'descriptor',
      system: 'icd10cm',
      code: 'M54.16',
      longDescription: 'Radiculopathy, lumbar region',
      billable: null,
      attributes: { chapter: '13', section: 'M50-M54', parent: 'M54.1' },
      locator: 'diag M54.16 (line 43)',
    });
    expect(descriptors(records).find((d) => d.code === 'S52.5X')?.attributes).toEqual({
      chapter: '19',
      section: 'S50-S59',
      parent: 'S52',
      placeholder: 'true',
    });
  });

  it('emits a note per <note> with the parent element as the note type', async () => {
    const { records } = await parse(sampleTabularXml);
    expect(notes(records, 'M54')).toEqual([
      {
        kind: 'note',
        system: 'icd10cm',
        code: 'M54',
        noteType: 'excludes1',
        text: 'psychogenic dorsalgia (F45.41)',
        locator: 'diag M54 excludes1 (line 31)',
      },
    ]);
    expect(notes(records, 'M54.1').map((n) => [n.noteType, n.text])).toEqual([
      ['inclusionTerm', 'Brachial neuritis or radiculitis NOS'],
      ['inclusionTerm', 'Lumbar neuritis or radiculitis NOS'],
      ['excludes2', 'radiculopathy with lumbar disc disorder (M51.1-)'],
    ]);
    expect(notes(records, 'M54.5').map((n) => [n.noteType, n.text])).toEqual([
      ['includes', 'Loin pain'],
      ['codeFirst', 'pain due to a condition, if known'],
      ['useAdditionalCode', 'external cause code'],
      ['codeAlso', 'any associated condition'],
      ['notes', 'A note & a <bracket>'],
    ]);
  });

  it('writes 7th-character definitions as "char: meaning", notes among them under their character', async () => {
    const { records } = await parse(sampleTabularXml);
    expect(notes(records, 'S52').map((n) => [n.noteType, n.text])).toEqual([
      [
        'sevenChrNote',
        'The appropriate 7th character is to be added to all codes from category S52',
      ],
      ['sevenChrDef', 'A: initial encounter for closed fracture'],
      ['sevenChrDef', 'B: initial encounter for open fracture type I or II'],
      ['sevenChrDef', 'B: initial encounter for open fracture NOS'],
      ['sevenChrDef', 'D: subsequent encounter for closed fracture with routine healing'],
    ]);
  });

  it('attaches section notes to the section id and chapter notes to the chapter range', async () => {
    const { records } = await parse(sampleTabularXml);
    expect(notes(records, 'M50-M54')).toEqual([
      expect.objectContaining({
        noteType: 'excludes1',
        text: 'current injury - see injury of spine by body region',
        locator: 'section M50-M54 excludes1 (line 25)',
      }),
    ]);
    expect(notes(records, 'M00-M99')).toEqual([
      expect.objectContaining({
        noteType: 'excludes2',
        locator: 'chapter 13 excludes2 (line 17)',
      }),
    ]);
  });

  it('leaves the introduction out and reads version and title into meta', async () => {
    const { meta, records } = await parse(sampleTabularXml);
    expect(records.some((r) => r.kind === 'note' && r.text.startsWith('An introduction'))).toBe(
      false,
    );
    expect(records.filter((r) => r.kind === 'skip')).toEqual([]);
    expect(meta).toEqual({
      system: 'icd10cm',
      publisher: 'CDC/NCHS and CMS',
      title: 'ICD-10-CM TABULAR LIST of DISEASES and INJURIES',
      release: 'FY2021',
      effectiveFrom: '2020-10-01',
    });
  });

  it('takes an April update from the file name when the year agrees, and options.effective over all', async () => {
    const april = await parse(
      sampleTabularXml.replace('2021</version>', '2026</version>'),
      'icd10cm_tabular_april_2026.xml',
    );
    expect(april.meta).toMatchObject({
      release: 'FY2026 April update',
      effectiveFrom: '2026-04-01',
    });
    const forced = await parse(sampleTabularXml, 'x.xml', { effective: '2021-03-01' });
    expect(forced.meta).toMatchObject({ release: 'FY2021', effectiveFrom: '2021-03-01' });
  });

  it('reads CRLF documents with a BOM', async () => {
    const crlf = `\uFEFF${sampleTabularXml.replaceAll('\n', '\r\n')}`;
    const { records } = await parse(crlf);
    expect(descriptors(records)).toHaveLength(7);
    expect(descriptors(records).find((d) => d.code === 'M54.16')?.longDescription).toBe(
      'Radiculopathy, lumbar region',
    );
  });

  it('skips a diag without a usable name, and its notes, with reasons', async () => {
    const { records } = await parse(
      wrap(
        '<diag><name>A00</name><desc>Cholera</desc></diag>' +
          '<diag><name>not a code</name><desc>Bad</desc><excludes1><note>x</note></excludes1></diag>' +
          '<diag><desc>No name</desc></diag>' +
          '<diag><name>A01</name></diag>',
      ),
    );
    expect(descriptors(records).map((d) => d.code)).toEqual(['A00']);
    expect(
      records.filter((r) => r.kind === 'skip').map((r) => r.kind === 'skip' && r.reason),
    ).toEqual([
      'diag name "not a code" is not an ICD-10-CM code',
      'diag name "not a code" is not an ICD-10-CM code',
      'diag has no <name>',
      'diag A01 has no <desc>',
    ]);
  });

  it('skips notes of a section whose id is not a code range', async () => {
    const xml = wrap('<diag><name>A00</name><desc>Cholera</desc></diag>').replace(
      '<section id="A00-A09"><desc>S</desc>',
      '<section id="nonsense"><desc>S</desc><excludes1><note>x</note></excludes1>',
    );
    const { records } = await parse(xml);
    expect(records.filter((r) => r.kind === 'skip')).toEqual([
      {
        kind: 'skip',
        reason: 'section id "nonsense" is not a code or code range',
        locator: 'section nonsense excludes1 (line 1)',
      },
    ]);
    expect(descriptors(records)[0]?.attributes).toEqual({ chapter: '1' });
  });

  it('refuses a document whose root is not ICD10CM.tabular', async () => {
    const error = await codecardFailure(parse('<?xml version="1.0"?>\n<root><diag/></root>'));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toBe(
      'icd10cm_tabular_2021.xml line 2: the root element is <root>, not <ICD10CM.tabular>: this is not an ICD-10-CM Tabular List',
    );
  });

  it('refuses a tabular document without any diag', async () => {
    const error = await codecardFailure(
      parse('<ICD10CM.tabular><version>2021</version></ICD10CM.tabular>'),
    );
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toContain('no <diag> element');
  });

  describe('hostile input', () => {
    it('XXE: refused at the DOCTYPE', async () => {
      const xml = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n${wrap('<diag><name>A00</name><desc>&e;</desc></diag>')}`;
      const error = await codecardFailure(parse(xml));
      expect(error.code).toBe('XML_FORBIDDEN');
      expect(error.message).toBe(
        'icd10cm_tabular_2021.xml line 2: XML with a DTD/DOCTYPE is refused: entity declarations are not allowed',
      );
    });

    it('billion laughs: refused at the DOCTYPE without expanding anything', async () => {
      const decl = Array.from({ length: 10 }, (_, i) =>
        i === 0 ? '<!ENTITY a0 "ha">' : `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`,
      ).join('');
      const xml = `<!DOCTYPE ICD10CM.tabular [${decl}]>${wrap('<diag><name>A00</name><desc>&a9;</desc></diag>')}`;
      const started = performance.now();
      expect((await codecardFailure(parse(xml))).code).toBe('XML_FORBIDDEN');
      expect(performance.now() - started).toBeLessThan(1000);
    });

    it('undefined entity: a parse failure naming the line', async () => {
      const error = await codecardFailure(
        parse(`<ICD10CM.tabular>\n<version>&v;</version></ICD10CM.tabular>`),
      );
      expect(error.code).toBe('PARSE_FAILED');
      expect(error.message).toMatch(/line 2: undefined entity reference/);
    });

    it('truncated XML: a parse failure, not a partial import', async () => {
      const cut = sampleTabularXml.slice(0, Math.floor(sampleTabularXml.length / 2));
      const error = await codecardFailure(parse(cut));
      expect(error.code).toBe('PARSE_FAILED');
      expect(error.message).toMatch(/not well-formed XML \(unclosed tag/);
    });

    it('non-XML: a parse failure', async () => {
      expect((await codecardFailure(parse('00001 A00     0 Cholera'))).code).toBe('PARSE_FAILED');
      expect((await codecardFailure(parse(''))).code).toBe('EMPTY_FILE');
      const binary = parseIcd10cmTabular(
        { fileName: 'x', bytes: Buffer.from([0x3c, 0, 0x3e]) },
        {},
      );
      expect((await codecardFailure(binary)).code).toBe('BAD_ENCODING');
    });
  });
});

describe('parseIcd10cmTabular on deep nesting', () => {
  it('stays linear: 20,000 nested diags parse in well under a second', async () => {
    const depth = 20_000;
    const open = Array.from(
      { length: depth },
      (_, i) =>
        `<diag><name>A${String(i % 100).padStart(2, '0')}.${i % 10}</name><desc>d${i}</desc>`,
    ).join('');
    const xml = `<ICD10CM.tabular>${open}${'</diag>'.repeat(depth)}</ICD10CM.tabular>`;
    const started = performance.now();
    const { records } = await parse(xml);
    expect(records.filter((r) => r.kind === 'descriptor')).toHaveLength(depth);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
