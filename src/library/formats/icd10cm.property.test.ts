import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { StructuredParser } from '../import-kind.ts';
import { readXml } from '../intake/safe-xml.ts';
import { detectIcd10cmKind } from './icd10cm-detect.ts';
import { parseIcd10cmOrder } from './icd10cm-order.ts';
import { parseIcd10cmTabular } from './icd10cm-tabular.ts';
import { orderLine, sampleOrderText, sampleTabularXml } from './icd10cm-test-fixtures.ts';

const numRuns = 500;

/** Parses and drains the records; the only acceptable failure is a CodecardError. */
async function parsesOrRefuses(parser: StructuredParser, bytes: Uint8Array): Promise<void> {
  try {
    const parsed = await parser({ fileName: 'fuzz.txt', bytes: Buffer.from(bytes) }, {});
    for (const record of parsed.records) {
      expect(typeof record.locator).toBe('string');
      if (record.kind === 'descriptor') {
        expect(record.code).toMatch(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
        expect(record.longDescription).not.toBe('');
      }
    }
  } catch (error) {
    if (!(error instanceof CodecardError)) throw error;
  }
}

const splice = (bytes: Uint8Array, at: number, insert: Uint8Array, remove = 0) => {
  const i = Math.min(at, bytes.length);
  return Buffer.concat([
    bytes.subarray(0, i),
    insert,
    bytes.subarray(Math.min(i + remove, bytes.length)),
  ]);
};

/** Random damage to a valid file: truncation, byte flips, inserted fragments. */
function mutations(valid: string, fragments: string[]): fc.Arbitrary<Uint8Array> {
  const bytes = Buffer.from(valid, 'utf8');
  const position = fc.nat({ max: bytes.length });
  const truncate = position.map((n) => bytes.subarray(0, n));
  const flips = fc
    .array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
    .map((changes) => {
      const copy = Buffer.from(bytes);
      for (const [at, value] of changes) if (at < copy.length) copy[at] = value;
      return copy;
    });
  const fragment = fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 20 }));
  const inserts = fc
    .array(fc.tuple(position, fragment), { minLength: 1, maxLength: 4 })
    .map((edits) =>
      edits.reduce<Uint8Array>((acc, [at, text]) => splice(acc, at, Buffer.from(text)), bytes),
    );
  const deletes = fc
    .tuple(position, fc.nat({ max: 200 }))
    .map(([at, length]) => splice(bytes, at, new Uint8Array(0), length));
  return fc.oneof(truncate, flips, inserts, deletes);
}

const xmlFragments = [
  '<diag>',
  '</diag>',
  '<name>',
  '</note>',
  '<note>',
  '<sevenChrDef>',
  '<extension char="Z">',
  '<!DOCTYPE x [<!ENTITY e "x">]>',
  '&e;',
  '&amp;',
  '&#0;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '<?pi ?>',
  '<ICD10CM.tabular>',
  '\u0000',
  '\uFFFE',
];
const orderFragments = ['\r\n', '\n', '0', '1', '2', ' ', '\u0000', '\t', 'é', '00001 A00     1 '];

describe('ICD-10-CM parsers never fail with anything but a CodecardError', () => {
  it('order parser: random bytes and random text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ maxLength: 400 }).map((s) => Buffer.from(s, 'utf8')),
        ),
        (bytes) => parsesOrRefuses(parseIcd10cmOrder, bytes),
      ),
      { numRuns },
    );
  });

  it('order parser: mutations of a valid file', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(sampleOrderText, orderFragments), (bytes) =>
        parsesOrRefuses(parseIcd10cmOrder, bytes),
      ),
      { numRuns },
    );
  });

  it('tabular parser: random bytes and random text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ maxLength: 400 }).map((s) => Buffer.from(s, 'utf8')),
          fc
            .array(fc.constantFrom(...xmlFragments, 'M54', 'text'), { maxLength: 40 })
            .map((parts) => Buffer.from(parts.join(''), 'utf8')),
        ),
        (bytes) => parsesOrRefuses(parseIcd10cmTabular, bytes),
      ),
      { numRuns },
    );
  });

  it('tabular parser: mutations of a valid document', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(sampleTabularXml, xmlFragments), (bytes) =>
        parsesOrRefuses(parseIcd10cmTabular, bytes),
      ),
      { numRuns },
    );
  });

  it('safe XML reader and detection: random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        try {
          readXml(text, 'fuzz.xml', { openTag: () => undefined, text: () => undefined });
        } catch (error) {
          if (!(error instanceof CodecardError)) throw error;
        }
        const kind = detectIcd10cmKind('fuzz.txt', text);
        expect([null, 'icd10cm-order', 'icd10cm-tabular']).toContain(kind);
      }),
      { numRuns },
    );
  });
});

describe('order parser round trip', () => {
  const codeArb = fc
    .tuple(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      fc.constantFrom(...'0123456789'),
      fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTVWXYZ'), {
        minLength: 1,
        maxLength: 5,
      }),
    )
    .map(([a, b, rest]) => `${a}${b}${rest.join('')}`);
  const textArb = fc
    .string({ minLength: 1, maxLength: 60 })
    .map((s) => s.replace(/[\r\n]/g, ' ').trim())
    .filter((s) => s !== '');

  it('every well-formed line comes back as the descriptor it was written from', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(codeArb, fc.boolean(), textArb, textArb), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, eol) => {
          const text = rows
            .map(([code, billable, short, long], i) =>
              orderLine(i + 1, code, billable ? '1' : '0', short, long),
            )
            .join(eol);
          const parsed = await parseIcd10cmOrder(
            { fileName: 'icd10cm_order_2026.txt', bytes: Buffer.from(text, 'utf8') },
            {},
          );
          const records = [...parsed.records];
          expect(records).toHaveLength(rows.length);
          records.forEach((record, i) => {
            const [code, billable, short, long] = rows[i]!;
            expect(record).toMatchObject({
              kind: 'descriptor',
              code: code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code,
              billable,
              shortDescription: short,
              longDescription: long,
              locator: `line ${i + 1}`,
            });
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
