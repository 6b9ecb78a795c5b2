import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { buildTestApp } from './test-app.ts';
import { multipart } from './test-multipart.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Sample wording written for this test; not AMA text.
const sampleTable =
  'Code,Long Descriptor,Consumer Friendly Descriptor\n99990,SAMPLE injection wording,SAMPLE a shot\n';

describe('HTTP API', () => {
  let opened: OpenDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    const library = await openTestLibrary();
    opened = library.opened;
    const ctx = library.ctx;
    app = await buildTestApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('an upload reports progress as a job, then the document is listed and its codes answer', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: '/api/library/documents',
      ...multipart([{ name: 'sample-table.csv', content: sampleTable }], { title: 'Sample table' }),
    });
    expect(upload.statusCode).toBe(202);
    const [job] = upload.json<{ jobs: { id: string; status: string }[] }>().jobs;
    let state: {
      status: string;
      progress: { phase: string };
      result?: { rowsStored: number; document: { id: number } };
    };
    do {
      // inject() never leaves the microtask queue; a real poll arrives as I/O on a later turn,
      // which the job needs to read its spooled file.
      await new Promise((resolve) => setImmediate(resolve));
      state = (await app.inject({ url: `/api/library/imports/${job!.id}` })).json();
    } while (state.status === 'queued' || state.status === 'running');
    expect(state.status).toBe('done');
    expect(state.progress.phase).toBe('done');
    expect(state.result?.rowsStored).toBe(1);

    const list = (await app.inject({ url: '/api/library/documents' })).json<{
      documents: { title: string }[];
    }>();
    expect(list.documents.map((d) => d.title)).toContain('Sample table');

    const code = await app.inject({ url: '/api/codes/99990' });
    expect(code.statusCode).toBe(200);
    expect(code.json()).toMatchObject({
      code: '99990',
      description: 'SAMPLE injection wording',
      consumerDescription: 'SAMPLE a shot',
      sources: [
        { documentId: state.result?.document.id, title: 'Sample table', locator: 'line 2' },
      ],
    });
    const search = await app.inject({ url: '/api/codes?q=injection%20wording' });
    expect(search.json<{ results: { code: string }[] }>().results[0]?.code).toBe('99990');

    const card = await app.inject({ url: '/api/cards/cpt/99990?lang=de&setting=practitioner' });
    expect(card.statusCode).toBe(200);
    const body = card.json<{
      code: string;
      lang: string;
      sections: { id: string; title: string }[];
    }>();
    expect(body).toMatchObject({ code: '99990', lang: 'de' });
    expect(body.sections[0]).toMatchObject({ id: 'descriptor', title: 'Leistungsbeschreibung' });
    // Not in the library: the releases searched and the nearest codes (issue 16), in the reply.
    expect((await app.inject({ url: '/api/cards/cpt/99999' })).json()).toMatchObject({
      error: {
        code: 'NOT_FOUND',
        details: {
          kind: 'card-not-found',
          code: '99999',
          searched: [expect.objectContaining({ kind: 'code-table', title: 'Sample table' })],
          nearest: [expect.objectContaining({ code: '99990' })],
        },
      },
    });

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/library/documents/${state.result?.document.id}`,
    });
    expect(removed.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/codes/99990' })).statusCode).toBe(404);
  });

  test('a bad upload answers with the one error shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/library/documents?wait=true',
      ...multipart([
        { name: 'program.pdf', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]) },
      ]),
    });
    expect(response.statusCode).toBe(400);
    const [job] = response.json<{
      jobs: { status: string; error: { code: string; message: string } }[];
    }>().jobs;
    expect(job).toMatchObject({ status: 'failed', error: { code: 'TYPE_MISMATCH' } });
    expect(job!.error.message).toContain('program.pdf');

    const tooBig = await app.inject({
      method: 'POST',
      url: '/api/library/documents',
      ...multipart([{ name: 'big.csv', content: Buffer.alloc(2 * 1024 * 1024, 0x41) }]),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });

    const badDate = await app.inject({ url: '/api/codes/M54.16?dos=2026-13-01' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });

    const badOption = await app.inject({
      method: 'POST',
      url: '/api/library/documents',
      ...multipart([{ name: 'x.csv', content: sampleTable }], { setting: 'moon' }),
    });
    expect(badOption.statusCode).toBe(400);
    expect(badOption.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  test('a claim check answers with findings, or a clear error for a bad claim', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: '/api/library/documents?wait=true',
      ...multipart(
        [
          {
            name: 'ccioph-sample.csv',
            content: 'column_1,column_2,modifier_indicator\n62263,62264,0\n',
          },
        ],
        {
          setting: 'hospital',
        },
      ),
    });
    expect(upload.statusCode).toBe(201);
    const claim = {
      id: 'A',
      setting: 'hospital',
      dateOfService: '2026-11-02',
      lines: [{ code: '62263' }, { code: '62264' }],
    };
    const checked = await app.inject({
      method: 'POST',
      url: '/api/checks?lang=es',
      payload: { claims: [claim] },
    });
    expect(checked.statusCode).toBe(200);
    const body = checked.json<{
      claims: {
        id: string;
        summary: { errors: number };
        findings: { rule: string; message: string }[];
      }[];
    }>();
    // Other rules may add warnings (e.g. no code table loaded); the PTP edit is the one error.
    expect(body.claims[0]).toMatchObject({ id: 'A', summary: { errors: 1 } });
    const ptp = body.claims[0]?.findings.filter((f) => f.rule === 'ptp');
    expect(ptp).toHaveLength(1);
    expect(ptp?.[0]?.message).toContain('no se factura');
    const bad = await app.inject({
      method: 'POST',
      url: '/api/checks',
      payload: { claims: [{ id: 'B', lines: [{ code: '62263' }] }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  test('the OpenAPI document describes the routes', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/library/documents',
        '/api/codes/{code}',
        '/api/library/imports/{id}',
      ]),
    );
  });

  test('every route in the OpenAPI document declares its replies, success and error', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    // The API's routes (the built web app's pages and files, when present, are not the API).
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      );
    expect(operations.length).toBeGreaterThanOrEqual(18);
    for (const { path, method, operation } of operations) {
      const codes = Object.keys(operation.responses ?? {});
      expect(
        codes.some((code) => code.startsWith('2')),
        `${method} ${path}`,
      ).toBe(true);
      expect(codes, `${method} ${path}`).toEqual(expect.arrayContaining(['4XX', '5XX']));
    }
  });
});
