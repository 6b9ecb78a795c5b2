import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { composeCard } from '../cards/compose-card.ts';
import { lookupCode } from '../codes/code-lookup.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { importFile } from './import.service.ts';
import { importTable } from './import-table.ts';
import type { LibraryContext } from './library-context.ts';
import { listLibrary } from './library.service.ts';
import { findDocumentByHash, insertDocument } from './store/document.repository.ts';
import { discardUnfinishedImports } from './unfinished-imports.ts';

const CODE = '64483';
const LEFTOVER_HASH = 'left-by-a-killed-import';
const TITLE = 'Big staged release';
const ROWS = 30_000;
const CHUNK = 500;
const card = (ctx: LibraryContext) =>
  composeCard(ctx, { code: CODE, dos: '2026-01-15', setting: 'practitioner', lang: 'en' });

/** Citations of the big release anywhere on the card. */
async function bigReleaseCitations(ctx: LibraryContext): Promise<number> {
  const sections = (await card(ctx)).sections;
  return sections
    .flatMap((s) => s.items.flatMap((i) => i.citations))
    .filter((c) => c.title === TITLE).length;
}

/** A PTP table where CODE is column 1 every 1,000th row (so the card has rows from it). */
function bigPtp(): { fileName: string; bytes: Buffer } {
  const lines = ['column_1,column_2,modifier_indicator'];
  for (let i = 0; i < ROWS; i++) {
    const column1 = i % 1000 === 0 ? CODE : String(10000 + (i % 50000));
    lines.push(`${column1},${20000 + (i % 997)},1`);
  }
  return { fileName: 'ccipra-big.csv', bytes: Buffer.from(lines.join('\n')) };
}

async function counts(ctx: LibraryContext) {
  const { rows } = await sql<{ documents: number; edits: number }>`
    select (select count(*)::int from documents) as documents,
           (select count(*)::int from ptp_edits) as edits`.execute(ctx.db);
  return rows[0]!;
}

const stage = (ctx: LibraryContext, onProgress: () => void = () => {}) =>
  importTable(ctx, bigPtp(), 'ncci-ptp', { title: TITLE }, 'big-hash', onProgress, CHUNK);

describe('a staged import on the embedded store', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite'));
    await importFile(ctx, {
      fileName: 'codes.csv',
      bytes: Buffer.from(`code,description\n${CODE},"Transforaminal epidural injection"\n`),
    });
    await importFile(ctx, {
      fileName: 'ccipra-small.csv',
      bytes: Buffer.from(`column_1,column_2,modifier_indicator\n${CODE},64484,1\n`),
    });
  });
  afterAll(async () => opened.close());

  test('that fails midway leaves no rows and no document behind', async () => {
    const before = await counts(ctx);
    let reports = 0;
    const failing = stage(ctx, () => {
      // Progress comes every 10,000 rows: by the third report 40 chunks are committed.
      if (++reports === 3) throw new Error('injected failure');
    });
    await expect(failing).rejects.toThrow('injected failure');
    expect(reports).toBe(3);
    expect(await counts(ctx)).toEqual(before);
    expect(await bigReleaseCitations(ctx)).toBe(0);
  });

  test('left unfinished by a killed process is invisible, and deleted when the store opens', async () => {
    const before = await counts(ctx);
    // What a process killed mid-import leaves: a version still marked, with some of its rows.
    const id = await insertDocument(ctx.db, {
      org_id: ctx.orgId,
      partial: false,
      dataset_key: 'ncci-ptp:practitioner',
      kind: 'ncci-ptp',
      title: TITLE,
      publisher: null,
      setting: 'practitioner',
      system: null,
      language: null,
      release: null,
      file_name: 'ccipra-big.csv',
      file_hash: LEFTOVER_HASH,
      file_size: 1,
      effective_from: null,
      importing: true,
    });
    await sql`
      insert into ptp_edits (org_id, document_id, column1, column2, prior_1996,
        modifier_indicator, locator)
      select ${ctx.orgId}, ${id}, ${CODE}, (20000 + n)::text, false, 1, 'line ' || n
      from generate_series(1, 500) n`.execute(ctx.db);
    expect(await bigReleaseCitations(ctx)).toBe(0);
    expect((await listLibrary(ctx)).map((d) => d.title)).not.toContain(TITLE);

    // The same bytes were never imported: an import of them is not "unchanged".
    expect(await findDocumentByHash(ctx.db, ctx.orgId, LEFTOVER_HASH)).toBeUndefined();

    expect(await discardUnfinishedImports(ctx)).toBe(1);
    expect(await counts(ctx)).toEqual(before);
  });
  test('lets reads run between its chunks, and they see the library as it was until it commits', async () => {
    const before = await counts(ctx);
    let finished = false;
    const importing = stage(ctx).then((stored) => {
      finished = true;
      return stored;
    });
    // Wait until some chunks are in the store, reading all along (each read waits one chunk).
    while ((await counts(ctx)).edits === before.edits) expect(finished).toBe(false);
    expect(await bigReleaseCitations(ctx)).toBe(0);
    expect((await lookupCode(ctx, CODE, { dos: '2026-01-15' })).code).toBe(CODE);
    expect((await listLibrary(ctx)).map((d) => d.title)).not.toContain(TITLE);
    expect(finished).toBe(false);

    const stored = await importing;
    expect(stored.rowsStored).toBe(ROWS);
    expect(await bigReleaseCitations(ctx)).toBeGreaterThan(0);
    expect((await listLibrary(ctx)).map((d) => d.title)).toContain(TITLE);
    expect(await counts(ctx)).toEqual({
      documents: before.documents + 1,
      edits: before.edits + ROWS,
    });
  });
});
