import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { type LibraryContext } from './library-context.ts';
import { documentKinds } from './import-kind.ts';
import { loadStarterLibraryIfEmpty, starterLibraryFiles } from './starter-library.ts';
import { listDocuments } from './store/document.repository.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

describe('the starter library', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
  });
  afterAll(async () => opened.close());

  test('loads into an empty library once, tables before documents', async () => {
    const loaded = await loadStarterLibraryIfEmpty(ctx);
    const kinds = loaded.map((r) => r.document.kind);
    const firstDocument = kinds.findIndex((k) => isDocumentKind(k));
    expect(firstDocument).toBeGreaterThan(0);
    expect(kinds.slice(firstDocument).every(isDocumentKind)).toBe(true);
    expect(new Set(kinds)).toEqual(
      new Set([
        'add-on',
        'coverage',
        'ncci-mue',
        'code-table',
        'mpfs-rvu',
        'ncci-ptp',
        'pdf',
        'docx',
        'html',
        'markdown',
      ]),
    );
    expect(loaded.every((r) => r.rowsStored > 0 && r.rowsSkipped === 0)).toBe(true);
    expect(await loadStarterLibraryIfEmpty(ctx)).toEqual([]);
    // "62321-62327" in the guide expands to the sample codes the tables define in that range.
    const { rows } = await sql<{ code: string }>`
      select distinct code from code_mentions where via = 'range' order by code`.execute(ctx.db);
    expect(rows.map((r) => r.code)).toEqual(
      expect.arrayContaining(['62321', '62322', '62323', '62327']),
    );
  });
});

describe('the starter library loaded in the background', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
  });
  afterAll(async () => opened.close());

  test('reports each document; a load cut short is finished by the next start', async () => {
    const total = (await starterLibraryFiles()).length;
    const seen: string[] = [];
    const first = await loadStarterLibraryIfEmpty(ctx, {
      onProgress: (done, of) => seen.push(`${done}/${of}`),
      stopped: () => seen.length > 3,
    });
    expect(first).toHaveLength(3);
    expect(seen).toEqual([`0/${total}`, `1/${total}`, `2/${total}`, `3/${total}`]);
    expect(await listDocuments(ctx.db, ctx.orgId)).toHaveLength(3);

    const rest = await loadStarterLibraryIfEmpty(ctx);
    expect(rest).toHaveLength(total);
    expect(rest.filter((r) => r.rowsStored > 0 || r.rowsRead > 0).length).toBeGreaterThan(0);
    expect(await listDocuments(ctx.db, ctx.orgId)).toHaveLength(total);
    expect(await loadStarterLibraryIfEmpty(ctx)).toEqual([]);
  });
});

function isDocumentKind(kind: string): boolean {
  return (documentKinds as readonly string[]).includes(kind);
}
