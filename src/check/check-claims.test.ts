import { afterAll, beforeAll, expect, test } from 'vitest';
import { readClaims } from '../claims/claim-input.ts';
import type { OpenDatabase } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { checkClaims } from './check-claims.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

let opened: OpenDatabase;
let ctx: LibraryContext;
const claims = readClaims(
  Buffer.from(
    Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({ id: `C${i}`, dateOfService: '2026-03-02', lines: [{ code: '62264' }] }),
    ).join('\n'),
  ),
  'c.ndjson',
);

beforeAll(async () => {
  ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
}, 120_000);
afterAll(async () => opened.close());

/** How many times the event loop got a turn while the claims were checked. */
async function turnsDuring(yieldAfterMs: number | undefined): Promise<number> {
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const options = { lang: 'en' as const, ...(yieldAfterMs === undefined ? {} : { yieldAfterMs }) };
  // Counted from the first verdict on: before it, the checker loads its indexes (queries).
  let first = -1;
  let results = 0;
  for await (const result of checkClaims(ctx, claims, options)) {
    if (first < 0) first = turns;
    results += result ? 1 : 0;
  }
  ticking = false;
  expect(results).toBe(claims.length);
  return turns - first;
}

test('a batch gives the event loop a turn once its time slice is used, and never without one', async () => {
  expect(await turnsDuring(undefined)).toBe(0);
  // A 0 ms slice: a turn after every claim.
  expect(await turnsDuring(0)).toBeGreaterThanOrEqual(claims.length - 1);
});
