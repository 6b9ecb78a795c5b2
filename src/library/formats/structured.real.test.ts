import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceFile, StructuredParser } from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import { detectStructuredKind } from './detect-structured.ts';
import type { ParsedRecord } from './fact-record.ts';
import { parseHcpcs } from './hcpcs.ts';
import { parseMpfsRvu } from './mpfs-rvu.ts';
import { parseNcciMue } from './ncci-mue.ts';
import { parseNcciPtp } from './ncci-ptp.ts';
import { factsOf } from './structured-test-fixtures.ts';

// The shared CMS files are read where they are, never copied into the project.
const dataDir = path.resolve(import.meta.dirname, '../../../../shared/data');

function source(relative: string): SourceFile {
  return { fileName: path.basename(relative), bytes: readFileSync(path.join(dataDir, relative)) };
}

async function parse(parser: StructuredParser, relative: string) {
  const parsed = await parser(source(relative), {});
  return { meta: parsed.meta, records: [...parsed.records] as ParsedRecord[] };
}

const ptpTxt = 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt';
const ptpCsv = 'ncci-ptp/ccipra-v322r0-f1.excerpt.csv';
const ptpHospital = 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv';
const muePractitioner = 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv';
const mueHospital = 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv';
const hcpcsTxt = 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt';
const hcpcsCsv = 'hcpcs-level2/2020/hcpcs_2020_level2.csv';
const hcpcsOct = 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv';
const rvu = 'mpfs-2026/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv';

describe('NCCI PTP (real CMS rows)', () => {
  it('reads the practitioner TXT and its CSV copy to the same 154 edits', async () => {
    const txt = await parse(parseNcciPtp, ptpTxt);
    const csv = await parse(parseNcciPtp, ptpCsv);
    for (const { meta, records } of [txt, csv]) {
      expect(meta).toMatchObject({ setting: 'practitioner', release: 'v32.2' });
      const facts = factsOf(records, 'ptp');
      expect(facts).toHaveLength(154);
      expect(records).toHaveLength(154);
      expect(facts.every((f) => f.effectiveFrom !== null && f.rationale !== null)).toBe(true);
      expect(new Set(facts.map((f) => f.modifierIndicator))).toEqual(new Set([0, 1, 9]));
      expect(facts.some((f) => f.deletionDate !== null)).toBe(true);
      expect(facts.some((f) => f.deletionDate === null)).toBe(true);
    }
    const withoutLocator = (records: ParsedRecord[]) => records.map((r) => ({ ...r, locator: '' }));
    expect(withoutLocator(csv.records)).toEqual(withoutLocator(txt.records));
    expect(txt.records[0]).toEqual({
      kind: 'ptp',
      column1: '0001A',
      column2: '0591T',
      prior1996: false,
      effectiveFrom: '2022-01-01',
      deletionDate: '2023-12-31',
      modifierIndicator: 1,
      rationale: 'CPT Manual or CMS manual coding instruction',
      locator: 'line 7',
    });
    expect(txt.meta.title).toBe('Column1/Column2 Edits');
  });

  it('reads the outpatient-hospital spine subset: 2,812 active edits', async () => {
    const { meta, records } = await parse(parseNcciPtp, ptpHospital);
    expect(meta).toMatchObject({ setting: 'hospital', release: 'v32.3' });
    const facts = factsOf(records, 'ptp');
    expect(facts).toHaveLength(2812);
    expect(records).toHaveLength(2812);
    const pair = (a: string, b: string) => facts.find((f) => f.column1 === a && f.column2 === b);
    expect(pair('62323', '77003')?.modifierIndicator).toBe(1);
    expect(pair('62323', '62284')?.modifierIndicator).toBe(0);
    expect(pair('62263', '62264')?.modifierIndicator).toBe(0);
    expect(pair('64483', '77003')?.modifierIndicator).toBe(1);
    expect(pair('64479', '69990')?.modifierIndicator).toBe(0);
  });
});

describe('NCCI MUE (real CMS rows)', () => {
  it('reads the practitioner table: 44 values effective 2026-07-01', async () => {
    const { meta, records } = await parse(parseNcciMue, muePractitioner);
    expect(meta).toMatchObject({ setting: 'practitioner', effectiveFrom: '2026-07-01' });
    const facts = factsOf(records, 'mue');
    expect(facts).toHaveLength(44);
    expect(records).toHaveLength(44);
    expect(facts[0]).toEqual({
      kind: 'mue',
      code: '0001U',
      value: 1,
      adjudication: 2,
      rationale: 'Code Descriptor / CPT Instruction',
      locator: 'line 10',
    });
    expect(facts.every((f) => f.adjudication !== null)).toBe(true);
  });

  it('reads the outpatient-hospital subset: 108 values', async () => {
    const { meta, records } = await parse(parseNcciMue, mueHospital);
    expect(meta).toMatchObject({ setting: 'hospital', effectiveFrom: '2026-10-01' });
    const facts = factsOf(records, 'mue');
    expect(facts).toHaveLength(108);
    const byCode = new Map(facts.map((f) => [f.code, f]));
    expect(byCode.get('62323')).toMatchObject({
      value: 1,
      adjudication: 3,
      rationale: 'Clinical: Data',
    });
    expect(byCode.get('64483')).toMatchObject({
      value: 1,
      adjudication: 2,
      rationale: 'CMS Policy',
    });
    expect(byCode.get('64484')).toMatchObject({ value: 4, adjudication: 3 });
    expect(byCode.get('77003')).toMatchObject({ value: 1, adjudication: 3 });
  });
});

describe('HCPCS Level II (real CMS files)', () => {
  it('reads the 2020 fixed-width TXT: 7,079 records', async () => {
    const { meta, records } = await parse(parseHcpcs, hcpcsTxt);
    expect(meta).toMatchObject({ release: '2020', effectiveFrom: '2020-01-01', publisher: 'CMS' });
    const facts = factsOf(records, 'descriptor');
    expect(records).toHaveLength(7079);
    expect(facts.filter((f) => f.system === 'hcpcs')).toHaveLength(6710);
    expect(facts.filter((f) => f.system === 'modifier')).toHaveLength(369);
    const j1040 = facts.find((f) => f.code === 'J1040');
    expect(j1040?.longDescription.toLowerCase()).toContain('methylprednisolone');
    // A code is in force from its add date; the action effective date (1997) is when its last
    // change took effect, kept as an attribute.
    expect(j1040).toMatchObject({
      effectiveFrom: '1982-01-01',
      attributes: { betos: 'O1E', actionEffectiveDate: '1997-01-01' },
    });
    expect(facts.find((f) => f.code === 'A1')?.system).toBe('modifier');
  });

  it('reads the 2020 CSV conversion to the same 7,079 descriptors', async () => {
    const csv = factsOf((await parse(parseHcpcs, hcpcsCsv)).records, 'descriptor');
    expect(csv).toHaveLength(7079);
    const txt = factsOf((await parse(parseHcpcs, hcpcsTxt)).records, 'descriptor');
    const key = (f: { system: string; code: string }) => `${f.system}:${f.code}`;
    const txtByKey = new Map(txt.map((f) => [key(f), f]));
    for (const fact of csv) {
      const other = txtByKey.get(key(fact));
      expect(other?.longDescription).toBe(fact.longDescription);
      expect(other?.effectiveTo).toBe(fact.effectiveTo);
    }
  });

  it('reads the October 2026 CSV excerpt: 35 modifiers', async () => {
    const { meta, records } = await parse(parseHcpcs, hcpcsOct);
    expect(meta).toMatchObject({ release: 'October 2026', effectiveFrom: '2026-10-01' });
    const facts = factsOf(records, 'descriptor');
    expect(records).toHaveLength(35);
    expect(facts.every((f) => f.system === 'modifier')).toBe(true);
    expect(facts.filter((f) => f.effectiveTo !== null)).toHaveLength(5);
  });
});

describe('MPFS RVU (real CMS excerpt)', () => {
  it('reads 61 rows of indicators through the stacked header', async () => {
    const { meta, records } = await parse(parseMpfsRvu, rvu);
    expect(meta).toMatchObject({ effectiveFrom: '2026-07-01', publisher: 'CMS' });
    const facts = factsOf(records, 'rvu');
    expect(facts).toHaveLength(61);
    expect(records).toHaveLength(61);
    expect(facts[0]).toMatchObject({
      code: '0001F',
      statusCode: 'I',
      globalDays: 'XXX',
      multipleProcedure: '9',
    });
  });
});

describe('detection on the real files', () => {
  it.each([
    [ptpTxt, 'ncci-ptp'],
    [ptpCsv, 'ncci-ptp'],
    [ptpHospital, 'ncci-ptp'],
    [muePractitioner, 'ncci-mue'],
    [mueHospital, 'ncci-mue'],
    [hcpcsTxt, 'hcpcs'],
    [hcpcsCsv, 'hcpcs'],
    [hcpcsOct, 'hcpcs'],
    [rvu, 'mpfs-rvu'],
    ['mpfs-2026/GPCI2026.csv', 'gpci'],
    ['mcd-coverage-index/documents_latest.csv', 'mcd-index'],
    ['hcpcs-level2/2020/HCPC2020_README.txt', null],
    ['hcpcs-level2/2020/HCPCS2019_recordlayout.txt', null],
    ['ncci-mue/SOURCE.md', null],
    ['README.md', null],
  ])('%s -> %s', (relative, kind) => {
    const { fileName, bytes } = source(relative);
    const head = decodeText(bytes.subarray(0, 64 * 1024), fileName).text;
    expect(detectStructuredKind(fileName, head)).toBe(kind);
  });
});
