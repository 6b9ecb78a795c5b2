import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReleaseDiffInfo } from '../contracts/changes.ts';
import type { OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { buildTestApp } from './test-app.ts';

// Sample HCPCS rows written for this test (not CMS content).
const header =
  'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,PRICE1,COV,ADD DT,ACT EFF DT,TERM DT,ACTION CD';
const january = [
  header,
  'G9901,0010,3,Sample service one,Sample one,11,C,20200101,20200101,,N',
  'G9902,0010,3,Sample service two,Sample two,11,C,20200101,20200101,,N',
];
const april = [
  header,
  'G9901,0010,3,Sample service one,Sample one,11,C,20200101,20200101,20260331,D',
  'G9902,0010,3,=HYPERLINK("http://example.test"),Sample two,11,C,20200101,20260401,,C',
];

describe('GET /api/changes', () => {
  let opened: OpenDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    const library = await openTestLibrary('pglite');
    opened = library.opened;
    for (const [fileName, rows] of [
      ['HCPC2026_JAN_ANWEB.csv', january],
      ['HCPC2026_APR_ANWEB.csv', april],
    ] as const) {
      await importFile(library.ctx, { fileName, bytes: Buffer.from(rows.join('\n')) }, {});
    }
    app = await buildTestApp(library.ctx);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('lists the releases and diffs two of them by label, narrowed to codes', async () => {
    const listed = await app.inject({ url: '/api/changes/releases' });
    expect(listed.statusCode).toBe(200);
    expect(
      listed.json<{ releases: { release: string }[] }>().releases.map((r) => r.release),
    ).toEqual(['January 2026', 'April 2026']);
    const response = await app.inject({
      url: '/api/changes?from=January%202026&to=April%202026&codes=g9901',
    });
    expect(response.statusCode).toBe(200);
    const diff = response.json<ReleaseDiffInfo>();
    expect(diff.changes.map((c) => [c.kind, c.key, c.after])).toEqual([
      ['terminated', 'G9901', '2026-03-31'],
    ]);
    expect(diff.changes[0]!.citations.map((c) => c.locator)).toEqual(['line 2', 'line 2']);
  });

  test('CSV export: a download whose file text cannot run as a formula', async () => {
    const response = await app.inject({
      url: '/api/changes?from=2026-01-01&to=2026-04-01&format=csv',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="codecard-changes-/,
    );
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe('dataset,from,to,change,key,codes,field,before,after,fromRow,toRow');
    expect(lines).toContain(
      `hcpcs,January 2026,April 2026,descriptor-changed,G9902,G9902,longDescription,Sample service two,"'=HYPERLINK(""http://example.test"")",line 3,line 3`,
    );
  });

  test('unknown or missing releases are 4xx answers that say why', async () => {
    const unknown = await app.inject({ url: '/api/changes?from=nope&to=April%202026' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('RELEASE_UNKNOWN');
    expect((await app.inject({ url: '/api/changes?from=January%202026' })).statusCode).toBe(400);
  });
});
