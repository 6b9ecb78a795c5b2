import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CdsDiscovery, CdsResponse } from '../contracts/cds-hooks.ts';
import type { OpenDatabase } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { cdsHookRequest as hook } from '../../test/support/cds-hook-request.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { buildTestApp, testApiKey } from './test-app.ts';

/** CDS Hooks over HTTP against the starter library. */
describe('CDS Hooks (starter library)', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let app: FastifyInstance;
  const logLines: string[] = [];
  const call = async (payload: object, url = '/cds-services/codecard-order-sign', headers = {}) => {
    const response = await app.inject({ method: 'POST', url, payload, headers });
    return {
      status: response.statusCode,
      body: response.json<CdsResponse & { error?: { code: string; message: string } }>(),
    };
  };

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildTestApp(ctx, { as: 'coder', logLevel: 'info', logStream });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('discovery (open to an EHR JWT) lists order-sign and order-select with prefetch for Patient, Encounter, Conditions', async () => {
    const response = await app.inject({
      url: '/cds-services',
      headers: { authorization: 'Bearer eyJhbGciOiJSUzM4NCJ9.e30.sig' },
    });
    expect(response.statusCode).toBe(200);
    const { services } = response.json<CdsDiscovery>();
    expect(services.map((s) => [s.id, s.hook])).toEqual([
      ['codecard-order-sign', 'order-sign'],
      ['codecard-order-select', 'order-select'],
    ]);
    for (const service of services) {
      expect(service.description.length).toBeGreaterThan(0);
      expect(service.prefetch).toEqual({
        patient: 'Patient/{{context.patientId}}',
        encounter: 'Encounter/{{context.encounterId}}',
        conditions: 'Condition?patient={{context.patientId}}&encounter={{context.encounterId}}',
      });
    }
  });

  test('order-sign with 62264 + 62263: a warning card citing the PTP row, with a SMART link', async () => {
    const { status, body } = await call(hook(['62264', '62263']));
    expect(status).toBe(200);
    const ptp = body.cards.find((c) => c.summary.includes('PTP'))!;
    expect(ptp).toMatchObject({
      indicator: 'warning',
      summary: '62263, 62264: an NCCI PTP edit pairs these procedures',
      source: { label: expect.stringContaining('sample-ccipra-v320r0-ptp.txt') as unknown },
    });
    expect(ptp.summary.length).toBeLessThanOrEqual(140);
    expect(ptp.detail).toContain('62263');
    const source = new URL(ptp.source.url!);
    expect(source.pathname).toMatch(/^\/sources\/\d+$/);
    expect(source.searchParams.get('locator')).toMatch(/^line \d+$/);
    // The cited row is the 62263/62264 edit: the source viewer's API resolves it.
    const row = await app.inject({ url: `/api${source.pathname}${source.search}` });
    expect(row.statusCode).toBe(200);
    const cells = JSON.stringify(row.json<{ rows: unknown[] }>().rows);
    expect(cells).toContain('62263');
    expect(cells).toContain('62264');
    expect(ptp.links).toEqual([
      {
        label: 'Open the case in Codecard',
        url: 'http://localhost:80/smart/launch',
        type: 'smart',
        appContext: JSON.stringify({ patientId: 'sample-pat-9', encounterId: 'sample-enc-9' }),
      },
    ]);
  });

  test('order-select answers the same way, and in the language asked', async () => {
    const { status, body } = await call(
      hook(['62264', '62263'], { hook: 'order-select' }),
      '/cds-services/codecard-order-select?lang=es',
    );
    expect(status).toBe(200);
    expect(body.cards.map((c) => c.summary)).toContain(
      '62263, 62264: una edición PTP del NCCI empareja estos procedimientos',
    );
  });

  test('an order with nothing wrong: no cards', async () => {
    const { status, body } = await call(hook(['64483', '64484']));
    expect(status).toBe(200);
    expect(body.cards).toEqual([]);
  });

  test('a diagnosis the coverage list lacks, an add-on alone: a card each', async () => {
    const payload = hook(['64484']);
    const conditions = payload.prefetch.conditions.entry[0]!.resource.code.coding[0]!;
    conditions.code = 'M54.5';
    const { body } = await call(payload);
    expect(body.cards.map((c) => [c.indicator, c.summary])).toEqual(
      expect.arrayContaining([
        ['warning', '64484: add-on code without its primary procedure'],
        ['warning', '64484, M54.5: the diagnoses on the order are not on the coverage list'],
      ]),
    );
  });

  test('malformed hooks are refused with 400 and say what is wrong', async () => {
    const noOrders = hook(['62264']);
    delete (noOrders.context as Partial<typeof noOrders.context>).draftOrders;
    const missing = await call(noOrders);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'BAD_INPUT' });
    expect(missing.body.error!.message).toContain('draftOrders');

    const notBundle = hook(['62264']);
    (notBundle.context.draftOrders as { resourceType: string }).resourceType = 'ServiceRequest';
    expect((await call(notBundle)).body.error!.message).toContain('must be a FHIR Bundle');

    const wrongHook = await call(hook(['62264'], { hook: 'patient-view' }));
    expect(wrongHook.status).toBe(400);
    expect(wrongHook.body.error!.message).toContain('answers the order-sign hook');

    const notJson = await app.inject({
      method: 'POST',
      url: '/cds-services/codecard-order-sign',
      headers: { 'content-type': 'application/json' },
      payload: '{"hook":',
    });
    expect(notJson.statusCode).toBe(400);
  });

  test('only callers with a key of the organization (coder or above)', async () => {
    const noKey = await call(hook(['62264']), undefined, { authorization: 'Bearer not-a-key' });
    expect(noKey.status).toBe(401);
    const viewer = `Bearer ${await testApiKey(ctx, 'viewer')}`;
    const refused = await call(hook(['62264']), undefined, { authorization: viewer });
    expect(refused.status).toBe(403);
  });

  test('FHIR data and tokens never reach the log', () => {
    const all = logLines.join('');
    expect(all).toContain('/cds-services/codecard-order-sign');
    for (const planted of ['Plantedfamilyname', 'planted-fhir-token', 'M54.16', 'sample-pat-9'])
      expect(all).not.toContain(planted);
  });
});
