import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/database.ts';
import { ptpTxtHeader } from '../formats/structured-test-fixtures.ts';
import { importFile } from '../import.service.ts';
import { type LibraryContext } from '../library-context.ts';
import { openTestLibrary } from '../../../test/support/test-library.ts';

const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const compact = (iso: string) => iso.replaceAll('-', '');
const optionalDay = fc.option(day, { nil: null });

/** An HCPCS CSV release whose rows carry arbitrary add, action and termination dates. */
const hcpcsFile = fc
  .array(fc.tuple(optionalDay, optionalDay, optionalDay), { minLength: 1, maxLength: 6 })
  .map((rows) =>
    [
      'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD',
      ...rows.map(
        ([add, action, term], i) =>
          `J${String(9000 + i)},0010,3,SAMPLE generated row ${i},Sample,${add ? compact(add) : ''},${action ? compact(action) : ''},${term ? compact(term) : ''},N`,
      ),
    ].join('\n'),
  );

/** A PTP file whose edits carry arbitrary effective and deletion dates. */
const ptpFile = fc
  .array(fc.tuple(day, optionalDay), { minLength: 1, maxLength: 6 })
  .map((rows) =>
    [
      ...ptpTxtHeader,
      ...rows.map(
        ([from, to], i) =>
          `${String(62300 + i)}\t77003\t\t${compact(from)}\t${to ? compact(to) : '*'}\t1\tSample rationale`,
      ),
      '',
    ].join('\r\n'),
  );

describe('stored periods', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
  });
  afterAll(async () => opened.close());

  it('never end before they start, whatever dates the imported files state', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        hcpcsFile,
        ptpFile,
        fc.array(fc.option(day, { nil: undefined }), { minLength: 1, maxLength: 3 }),
        async (hcpcs, ptp, effectives) => {
          run++;
          // Several versions of each dataset, some on the same effective date.
          for (const [i, effective] of effectives.entries()) {
            const options = effective ? { effective } : {};
            // A row of its own per version, so no import is a no-op on the same bytes.
            const version = String(10_000 + run * 4 + i);
            const hcpcsVersion = `${hcpcs}\nJ0001,0010,3,SAMPLE version ${version},Sample,,,,N\n`;
            const ptpVersion = `${ptp}${version}\t77003\t\t20200101\t*\t1\tSample rationale\r\n`;
            const imported = [
              await importFile(
                ctx,
                { fileName: `HCPC2026_OCT_ANWEB-${version}.csv`, bytes: Buffer.from(hcpcsVersion) },
                { kind: 'hcpcs', ...options },
              ),
              await importFile(
                ctx,
                { fileName: `ccipra-v322r0-${version}.txt`, bytes: Buffer.from(ptpVersion) },
                { kind: 'ncci-ptp', setting: 'practitioner', ...options },
              ),
            ];
            expect(imported.map((r) => r.status)).toEqual(['imported', 'imported']);
          }
          const { rows } = await sql<{ table: string; n: number }>`
            select 'code_descriptors' as table, count(*)::int as n from code_descriptors
              where effective_to < effective_from
            union all select 'ptp_edits', count(*)::int from ptp_edits
              where deletion_date < effective_from
            union all select 'documents', count(*)::int from documents
              where effective_to < effective_from`.execute(ctx.db);
          expect(rows).toEqual([
            { table: 'code_descriptors', n: 0 },
            { table: 'ptp_edits', n: 0 },
            { table: 'documents', n: 0 },
          ]);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
