import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type OpenDatabase } from '../db/database.ts';
import { buildTestApp } from './test-app.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

interface Source {
  document: { id: number; title: string; kind: string; hasFile: boolean };
  rows?: { table: string; columns: { name: string; value: string | null }[] }[];
  passage?: { text: string; page: number | null; highlightStart: number; highlightEnd: number };
}

/** Citations lead somewhere: every citation of an answer resolves to its row or passage. */
describe('sources over HTTP (starter library)', () => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const get = async <T>(url: string) => {
    const response = await app.inject({ url });
    return { status: response.statusCode, body: response.json<T>(), response };
  };

  beforeAll(async () => {
    const library = await openTestLibrary('pglite', { starter: true });
    opened = library.opened;
    const ctx = library.ctx;
    app = await buildTestApp(ctx);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('a PTP citation resolves to its row with columns; a quoted citation to its span', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: '/api/threads',
      payload: { question: 'can I bill 62264 with 77003?', dos: '2026-03-02' },
    });
    const edit = asked.json<{ answer: { citations: { documentId: number; locator: string }[] } }>()
      .answer.citations[0]!;
    const row = await get<Source>(
      `/api/sources/${edit.documentId}?locator=${encodeURIComponent(edit.locator)}`,
    );
    expect(row.status).toBe(200);
    expect(row.body.rows?.[0]?.table).toBe('ptp_edits');
    const columns = Object.fromEntries(row.body.rows![0]!.columns.map((c) => [c.name, c.value]));
    expect(columns).toMatchObject({ column1: '62264', column2: '77003', modifier_indicator: '1' });
    expect(row.body.document.hasFile).toBe(false);

    const open = await app.inject({
      method: 'POST',
      url: '/api/threads',
      payload: { question: 'what does modifier XS mean?', dos: '2026-03-02' },
    });
    const quotes = open.json<{
      answer: { citations: { documentId: number; locator: string; quote: string }[] };
    }>().answer.citations;
    expect(quotes.length).toBeGreaterThan(0);
    for (const citation of quotes) {
      const source = await get<Source>(
        `/api/sources/${citation.documentId}?locator=${encodeURIComponent(citation.locator)}`,
      );
      expect(source.status).toBe(200);
      const { text, highlightStart, highlightEnd } = source.body.passage!;
      expect(text.slice(highlightStart, highlightEnd).trim()).toBe(citation.quote);
    }
  });

  test('a PDF document keeps its file, served as a sandboxed download; passages list codes', async () => {
    const documents = (
      await get<{ documents: { id: number; kind: string }[] }>('/api/library/documents')
    ).body.documents;
    const pdf = documents.find((d) => d.kind === 'pdf')!;
    const file = await app.inject({ url: `/api/library/documents/${pdf.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // 'none' quoted: unquoted, `none` is a host name and the policy would allow it.
    expect(file.headers['content-security-policy']).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'none'",
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const html = documents.find((d) => d.kind === 'html')!;
    const htmlFile = await app.inject({ url: `/api/library/documents/${html.id}/file` });
    expect(htmlFile.headers['content-type']).toMatch(/^text\/plain/);

    const passages = await get<{ total: number; passages: { codes: { code: string }[] }[] }>(
      `/api/library/documents/${pdf.id}/passages?limit=5`,
    );
    expect(passages.body.total).toBeGreaterThan(0);
    expect(passages.body.passages.length).toBeLessThanOrEqual(5);
    expect(passages.body.passages.some((p) => p.codes.length > 0)).toBe(true);

    const table = documents.find((d) => d.kind === 'ncci-ptp')!;
    expect((await app.inject({ url: `/api/library/documents/${table.id}/file` })).statusCode).toBe(
      404,
    );
    expect((await get(`/api/sources/${table.id}?locator=line%2099999`)).status).toBe(404);
  });
});
