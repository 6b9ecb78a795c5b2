import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { SourceFile, StructuredParser } from '../import-kind.ts';
import { detectStructuredKind, detectStructuredKindFromRows } from './detect-structured.ts';
import { structuredParsers } from './index.ts';
import {
  sampleAddOnCsv,
  sampleCodeTableCsv,
  sampleCoverageCsv,
  sampleGpciCsv,
  sampleHcpcsTxt,
  sampleMcdIndexCsv,
  sampleMueCsv,
  samplePtpTxt,
  sampleRvuCsv,
  workbookFile,
} from './structured-test-fixtures.ts';

/**
 * Whatever bytes arrive, a parser either returns records that iterate to the end, each with a
 * locator, or throws a CodecardError: never a TypeError, RangeError or a hang.
 */
async function parsesOrRefuses(parser: StructuredParser, file: SourceFile): Promise<void> {
  try {
    const parsed = await parser(file, {});
    expect(Number.isFinite(parsed.estimatedRecords)).toBe(true);
    for (const record of parsed.records) {
      expect(typeof record.locator).toBe('string');
      expect(record.locator).not.toBe('');
    }
  } catch (error) {
    if (!(error instanceof CodecardError)) throw error;
  }
}

const samples: Record<keyof typeof structuredParsers, string> = {
  'ncci-ptp': samplePtpTxt,
  'ncci-mue': sampleMueCsv,
  hcpcs: sampleHcpcsTxt,
  'code-table': sampleCodeTableCsv,
  'mpfs-rvu': sampleRvuCsv,
  'add-on': sampleAddOnCsv,
  coverage: sampleCoverageCsv,
  gpci: sampleGpciCsv,
  'mcd-index': sampleMcdIndexCsv,
};
const kinds = Object.keys(structuredParsers) as (keyof typeof structuredParsers)[];
const fileNames = ['x.csv', 'x.txt', 'x.tsv', 'ccipra-v322r0-f1.txt', 'MUE_Eff_07-01-2026.csv'];

/** Cells that steer parsers down their interesting paths. */
const cell = fc.oneof(
  fc.constantFrom(
    '62323',
    '0591T',
    'J1040',
    'M54.16',
    'M54.10-M54.18',
    '*',
    '0',
    '1',
    '9',
    '20260701',
    '2026-13-45',
    '"',
    '""',
    '"a\nb"',
    '=HYPERLINK("http://x","y")',
    'Column 1',
    'Column 2',
    'Modifier',
    'HCPCS',
    'MUE Values',
    'RECID',
    'LONG DESCRIPTION',
    'GLOB DAYS',
    'Add-on Code',
    'Primary Code',
    'LCD',
    'ICD-10-CM Code',
    'CPT Code',
    'Locality Name',
    '2026 PE GPCI',
    'document_display_id',
    'title',
    'L39242',
    'Description',
    '2 Date of Service Edit: Policy',
    '',
  ),
  fc.string({ maxLength: 12 }),
);
const tableText = fc
  .tuple(
    fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }),
    fc.constantFrom(',', '\t', ';'),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([rows, delimiter, lineEnd]) => rows.map((row) => row.join(delimiter)).join(lineEnd));

/** Random edits (delete, insert, replace, truncate) applied to a valid sample. */
const edits = fc.array(
  fc.tuple(
    fc.nat(),
    fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
    fc.constantFrom('"', '\t', ',', '\r', '\n', '\u00ae', ' ', '*', '9', 'X', '-', '\u00ff'),
  ),
  { minLength: 1, maxLength: 8 },
);
function mutate(text: string, changes: [number, string, string][]): string {
  let out = text;
  for (const [at, op, char] of changes) {
    const i = out.length === 0 ? 0 : at % out.length;
    if (op === 'delete') out = out.slice(0, i) + out.slice(i + 1);
    else if (op === 'insert') out = out.slice(0, i) + char + out.slice(i);
    else if (op === 'replace') out = out.slice(0, i) + char + out.slice(i + 1);
    else out = out.slice(0, i);
  }
  return out;
}

const runs = { numRuns: 60 };

describe.each(kinds)('%s parser on hostile input', (kind) => {
  const parser = structuredParsers[kind];

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom(...fileNames),
        async (bytes, fileName) => parsesOrRefuses(parser, { fileName, bytes: Buffer.from(bytes) }),
      ),
      runs,
    );
  });

  it('random tables', async () => {
    await fc.assert(
      fc.asyncProperty(tableText, fc.constantFrom(...fileNames), async (text, fileName) =>
        parsesOrRefuses(parser, { fileName, bytes: Buffer.from(text, 'latin1') }),
      ),
      runs,
    );
  });

  it('mutations of every valid sample', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...kinds), edits, async (sampleKind, changes) =>
        parsesOrRefuses(parser, {
          fileName: `sample-${sampleKind}.csv`,
          bytes: Buffer.from(mutate(samples[sampleKind], changes), 'latin1'),
        }),
      ),
      runs,
    );
  });
});

describe('XLSX input', () => {
  const rows = [
    ['CPT Code', 'Long Descriptor', 'Column 1', 'Column 2', 'Modifier'],
    ['62323', 'SAMPLE wording', '62323', '77003', 1],
  ];
  let workbook: Buffer;
  let stored: Buffer;
  beforeAll(async () => {
    workbook = (await workbookFile('codes.xlsx', rows)).bytes;
    stored = (await workbookFile('codes.xlsx', rows, { store: true })).bytes;
  });

  it('damaged workbooks are refused with catalog errors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.option(fc.nat(), { nil: undefined }),
        async (kind, flips, cut) => {
          const bytes = Buffer.from(workbook);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const damaged =
            cut === undefined ? bytes : bytes.subarray(0, Math.max(4, cut % bytes.length));
          await parsesOrRefuses(structuredParsers[kind], {
            fileName: 'codes.xlsx',
            bytes: damaged,
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('damaged XML inside a workbook that passes the zip guard', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(60, 62, 34, 47, 38, 0, 32, 65)), {
          minLength: 1,
          maxLength: 6,
        }),
        async (kind, flips) => {
          const bytes = Buffer.from(stored);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          await parsesOrRefuses(structuredParsers[kind], { fileName: 'codes.xlsx', bytes });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('detection on hostile input', () => {
  it('never throws and returns a kind or null', () => {
    fc.assert(
      fc.property(
        fc.oneof(tableText, fc.string({ maxLength: 300 })),
        fc.constantFrom(...fileNames),
        (text, name) => {
          const kind = detectStructuredKind(name, text);
          expect(kind === null || typeof kind === 'string').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), (rows) => {
        const kind = detectStructuredKindFromRows('x.xlsx', rows);
        expect(kind === null || typeof kind === 'string').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
