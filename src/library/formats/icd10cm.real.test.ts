import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StructuredParser } from '../import-kind.ts';
import type { DescriptorFact, NoteFact, ParsedRecord } from './fact-record.ts';
import { detectIcd10cmKind } from './icd10cm-detect.ts';
import { parseIcd10cmOrder } from './icd10cm-order.ts';
import { parseIcd10cmTabular } from './icd10cm-tabular.ts';

// The shared CMS/CDC files are read where they are, never copied into the project.
const data = path.resolve(import.meta.dirname, '../../../../shared/data/icd10cm');
const fy2021Order = path.join(data, 'fy2021/icd10cm-order-Jan-2021.txt');
const fy2021Tabular = path.join(data, 'fy2021/icd10cm_tabular_2021.xml');
const fy2026Excerpt = path.join(data, 'fy2026-excerpt/icd10cm_order_2026.excerpt.txt');

async function parseFile(parser: StructuredParser, file: string) {
  const bytes = readFileSync(file);
  const started = performance.now();
  const parsed = await parser({ fileName: path.basename(file), bytes }, {});
  const records = [...parsed.records];
  const ms = Math.round(performance.now() - started);
  console.log(`${path.basename(file)}: ${records.length} records in ${ms} ms`);
  return { meta: parsed.meta, records, ms };
}

const descriptorsOf = (records: ParsedRecord[]) =>
  new Map(
    records
      .filter((r): r is DescriptorFact => r.kind === 'descriptor')
      .map((r) => [r.code, r] as const),
  );
const notesOf = (records: ParsedRecord[], code: string) =>
  records.filter((r): r is NoteFact => r.kind === 'note' && r.code === code);
const head = (file: string) => readFileSync(file).subarray(0, 4096).toString('latin1');

describe('ICD-10-CM FY2021 order file (January 2021 copy)', () => {
  it('gives 95,358 descriptors, 72,621 billable, no skips, quickly', async () => {
    const { meta, records, ms } = await parseFile(parseIcd10cmOrder, fy2021Order);
    expect(records).toHaveLength(95_358);
    expect(records.every((r) => r.kind === 'descriptor')).toBe(true);
    const descriptors = [...descriptorsOf(records).values()];
    expect(descriptors).toHaveLength(95_358);
    expect(descriptors.filter((d) => d.billable === true)).toHaveLength(72_621);
    expect(descriptors.filter((d) => d.billable === false)).toHaveLength(22_737);
    expect(meta).toMatchObject({
      system: 'icd10cm',
      publisher: 'CDC/NCHS and CMS',
      release: 'FY2021 January update',
      effectiveFrom: '2020-10-01',
    });
    expect(ms).toBeLessThan(3000);
  });

  it('has M54.16 billable with its long description, and M54.5 billable', async () => {
    const { records } = await parseFile(parseIcd10cmOrder, fy2021Order);
    const byCode = descriptorsOf(records);
    const m5416 = byCode.get('M54.16');
    expect(m5416).toMatchObject({ billable: true, system: 'icd10cm' });
    expect(m5416?.longDescription).toContain('Radiculopathy');
    expect(m5416?.longDescription).toContain('lumbar');
    expect(byCode.get('M54.5')).toMatchObject({ billable: true, longDescription: 'Low back pain' });
    expect(byCode.get('M54')).toMatchObject({
      billable: false,
      attributes: { order: expect.stringMatching(/^\d{5}$/) as string },
    });
    expect(byCode.get('U07.1')).toMatchObject({ billable: true, longDescription: 'COVID-19' });
    expect(byCode.get('M54.50')).toBeUndefined();
  });

  it('is detected as an order file', () => {
    expect(detectIcd10cmKind('icd10cm-order-Jan-2021.txt', head(fy2021Order))).toBe(
      'icd10cm-order',
    );
  });
});

describe('ICD-10-CM FY2026 April order file, excerpt', () => {
  it('gives 100 descriptors: M54.50 billable, M54.5 now a header', async () => {
    const { meta, records } = await parseFile(parseIcd10cmOrder, fy2026Excerpt);
    expect(records).toHaveLength(100);
    const byCode = descriptorsOf(records);
    expect(byCode.size).toBe(100);
    expect(byCode.get('M54.50')).toMatchObject({ billable: true });
    expect(byCode.get('M54.5')).toMatchObject({ billable: false });
    expect(byCode.get('M54.16')?.billable).toBe(true);
    // The excerpt's name says the year but not the month, so it reads as the FY2026 base release.
    expect(meta).toMatchObject({ release: 'FY2026', effectiveFrom: '2025-10-01' });
    expect(detectIcd10cmKind(path.basename(fy2026Excerpt), head(fy2026Excerpt))).toBe(
      'icd10cm-order',
    );
  });
});

describe('ICD-10-CM FY2021 Tabular List XML', () => {
  it('gives a descriptor for each of the 45,017 diag elements (44,772 plus 245 placeholders)', async () => {
    const { meta, records, ms } = await parseFile(parseIcd10cmTabular, fy2021Tabular);
    const descriptors = records.filter((r): r is DescriptorFact => r.kind === 'descriptor');
    expect(descriptors).toHaveLength(45_017);
    expect(descriptors.filter((d) => d.attributes?.placeholder !== 'true')).toHaveLength(44_772);
    expect(new Set(descriptors.map((d) => d.code)).size).toBe(45_017);
    expect(descriptors.every((d) => d.billable === null)).toBe(true);
    expect(meta).toMatchObject({
      system: 'icd10cm',
      release: 'FY2021',
      effectiveFrom: '2020-10-01',
    });
    // The only record that is neither a descriptor nor a note: H54's visual impairment table.
    expect(records.filter((r) => r.kind === 'skip')).toHaveLength(1);
    expect(ms).toBeLessThan(3000);
  });

  it('carries notes: M54 excludes1, S52 7th characters, section and chapter notes', async () => {
    const { records } = await parseFile(parseIcd10cmTabular, fy2021Tabular);
    const byCode = descriptorsOf(records);
    expect(byCode.get('M54.16')).toMatchObject({
      longDescription: 'Radiculopathy, lumbar region',
      attributes: { chapter: '13', section: 'M50-M54', parent: 'M54.1' },
    });
    expect(notesOf(records, 'M54')).toContainEqual(
      expect.objectContaining({ noteType: 'excludes1', text: 'psychogenic dorsalgia (F45.41)' }),
    );
    const s52 = notesOf(records, 'S52').filter((n) => n.noteType === 'sevenChrDef');
    expect(s52.map((n) => n.text)).toContain('A: initial encounter for closed fracture');
    expect(s52.map((n) => n.text)).toContain('B: initial encounter for open fracture NOS');
    expect(notesOf(records, 'M50-M54').length).toBeGreaterThan(0);
    expect(notesOf(records, 'A00-B99').map((n) => n.noteType)).toContain('excludes1');

    const counts: Record<string, number> = {};
    for (const r of records)
      if (r.kind === 'note') counts[r.noteType] = (counts[r.noteType] ?? 0) + 1;
    console.log('tabular notes by type', counts);
    // Every <note> outside the introduction (23,396 of 23,404) plus the 1,787 7th-character extensions.
    expect(counts).toEqual({
      inclusionTerm: 11_617,
      includes: 1_015,
      excludes1: 5_441,
      excludes2: 2_253,
      codeFirst: 681,
      useAdditionalCode: 1_347,
      codeAlso: 352,
      notes: 176,
      sevenChrNote: 507,
      sevenChrDef: 1_794,
    });
  });

  it('is detected as the Tabular List', () => {
    expect(detectIcd10cmKind('icd10cm_tabular_2021.xml', head(fy2021Tabular))).toBe(
      'icd10cm-tabular',
    );
  });
});
