import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type * as BulkInsertModule from '../db/bulk-insert.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { importFile } from './import.service.ts';
import { type LibraryContext } from './library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Fault injection: the batch loader fails on its Nth batch, after earlier batches were written.
const fault = vi.hoisted(() => ({ failOnCall: 0, calls: 0 }));
const strike = vi.hoisted(() => () => {
  fault.calls++;
  if (fault.calls === fault.failOnCall) throw new Error('injected failure: disk full');
});
vi.mock('../db/bulk-insert.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof BulkInsertModule>();
  return {
    ...actual,
    copyCsv: async (...args: Parameters<typeof actual.copyCsv>) => {
      strike();
      return actual.copyCsv(...args);
    },
    insertUnnest: async (...args: Parameters<typeof actual.insertUnnest>) => {
      strike();
      return actual.insertUnnest(...args);
    },
  };
});

/** 120,000 PTP rows: several batches, so a failure can strike mid-import. */
function bigPtpCsv(): string {
  const lines = ['column_1,column_2,modifier_indicator'];
  for (let i = 0; i < 120_000; i++) lines.push(`${10000 + (i % 80000)},${20000 + (i % 997)},1`);
  return lines.join('\n');
}

describe.each(testDatabaseKinds())('an import that fails midway on %s', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind));
    await importFile(ctx, {
      fileName: 'ccioph-small.csv',
      bytes: Buffer.from('column_1,column_2,modifier_indicator\n62323,77003,1\n'),
    });
  });
  afterAll(async () => opened.close());

  test('leaves the library exactly as it was, then succeeds when retried', async () => {
    const snapshot = async () =>
      (
        await sql<{ documents: number; edits: number }>`
          select (select count(*)::int from documents) as documents,
                 (select count(*)::int from ptp_edits) as edits`.execute(ctx.db)
      ).rows[0];
    const before = await snapshot();
    const bytes = Buffer.from(bigPtpCsv());
    fault.calls = 0;
    fault.failOnCall = 3;
    await expect(importFile(ctx, { fileName: 'ccioph-big.csv', bytes })).rejects.toThrow(
      /injected failure/,
    );
    expect(fault.calls).toBe(3);
    expect(await snapshot()).toEqual(before);

    fault.failOnCall = 0;
    const retried = await importFile(ctx, { fileName: 'ccioph-big.csv', bytes });
    expect(retried.status).toBe('imported');
    expect(retried.rowsStored).toBe(120_000);
    expect(await snapshot()).toEqual({
      documents: before!.documents + 1,
      edits: before!.edits + 120_000,
    });
  });
});
