import { readFile } from 'node:fs/promises';
import path, { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { csvColumns } from '../domain/check-report-csv.ts';
import { importFile } from '../library/import.service.ts';
import { starterLibraryDir } from '../library/starter-library.ts';
import { buildTestApp } from './test-app.ts';
import { multipart } from './test-multipart.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// TEST FIXTURE RVU rows (invented values) and a GPCI table in the Addendum E layout with
// invented indices; the starter library's sample PTP file gives the claims their findings.
const fixture = path.resolve(
  import.meta.dirname,
  '../fees/fixtures/PPRRVU2026_Jul_TEST_FIXTURE.csv',
);
const sampleGpci = [
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2026 PW GPCI,2026 PE GPCI,2026 MP GPCI',
  '99901,ZZ,01,SAMPLE CITY,1.100,1.200,0.900',
].join('\n');

describe('batch results CSV with Medicare fee columns', () => {
  let opened: OpenDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    const library = await openTestLibrary();
    opened = library.opened;
    const ptp = 'sample-ccipra-v320r0-ptp.txt';
    await importFile(library.ctx, {
      fileName: ptp,
      bytes: await readFile(join(starterLibraryDir, ptp)),
    });
    await importFile(library.ctx, {
      fileName: path.basename(fixture),
      bytes: await readFile(fixture),
    });
    await importFile(library.ctx, {
      fileName: 'GPCI2026-sample.csv',
      bytes: Buffer.from(sampleGpci),
    });
    app = await buildTestApp(library.ctx);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('?fee-locality= adds each row’s fees in codes order; other formats refuse it', async () => {
    const claim = {
      id: 'C1',
      dateOfService: '2026-08-01',
      lines: [{ code: '20610' }, { code: '99213' }],
    };
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/checks/batch',
      ...multipart([{ name: 'claims.ndjson', content: JSON.stringify(claim) }], {}, 'file'),
    });
    expect(submitted.statusCode).toBe(202);
    const { id } = submitted.json<{ id: string }>();
    for (;;) {
      const job = (await app.inject({ url: `/api/checks/batch/${id}` })).json<{ status: string }>();
      if (job.status !== 'queued' && job.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const url = `/api/checks/batch/${id}/results?format=csv&fee-locality=Sample%20City&fee-date=2026-08-01`;
    const csv = (await app.inject({ url })).body.trim().split('\n');
    expect(csv[0]).toBe(
      [...csvColumns, 'fee_locality', 'non_facility_fee', 'facility_fee'].join(','),
    );
    const pairRow = csv.slice(1).find((line) => line.includes(',20610 99213,'));
    // 20610: (0.79 × 1.100 + 0.93 × 1.200 + 0.08 × 0.900) × 33.4009 = 68.7056513 → 68.71 (non-facility)
    //        (0.79 × 1.100 + 0.39 × 1.200 + 0.08 × 0.900) × 33.4009 = 47.0618681 → 47.06 (facility)
    // 99213: 94.96 non-facility, 71.71 facility (medicare-fee.service.test.ts)
    expect(pairRow?.endsWith(',SAMPLE CITY (ZZ 01),68.71 94.96,47.06 71.71')).toBe(true);
    const json = await app.inject({ url: `/api/checks/batch/${id}/results?fee-locality=ZZ%2001` });
    expect(json.statusCode).toBe(400);
  });
});
