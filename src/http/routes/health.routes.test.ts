import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/schema.ts';
import type { Ready } from '../../contracts/health.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { StarterLibraryProgress } from '../../library/starter-progress.ts';
import { buildTestApp } from '../test-app.ts';
import { openTestLibrary, type TestLibrary } from '../../../test/support/test-library.ts';

describe('health probes', () => {
  let library: TestLibrary;
  let app: FastifyInstance;
  let down: FastifyInstance;
  let deadPool: pg.Pool;

  beforeAll(async () => {
    library = await openTestLibrary();
    app = await buildTestApp(library.ctx, { as: null });
    // A PostgreSQL server that is not there: nothing listens on port 1, so connects are refused.
    deadPool = new pg.Pool({ connectionString: 'postgres://codecard@127.0.0.1:1/none', max: 1 });
    deadPool.on('error', () => {});
    const deadCtx: LibraryContext = {
      ...library.ctx,
      engine: 'postgres',
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: deadPool }) }),
    };
    down = await buildTestApp(deadCtx, { as: null });
  });
  afterAll(async () => {
    await app.close();
    await down.close().catch(() => {});
    await library.opened.close();
  });

  test('ready: the database answered, with the import and check queues', async () => {
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      database: 'ok',
      imports: { running: 0, queued: 0 },
      checks: { running: 0, queued: 0 },
      starterLibrary: { state: 'idle', done: 0, total: 0 },
    });
  });

  test('ready reports the starter library loading in the background, then done', async () => {
    const starterLibrary = new StarterLibraryProgress();
    const probed = await buildTestApp(library.ctx, { as: null, starterLibrary });
    const status = async () =>
      (await probed.inject({ url: '/health/ready' })).json<Ready>().starterLibrary;
    try {
      starterLibrary.advance(3, 12);
      expect(await status()).toEqual({ state: 'loading', done: 3, total: 12 });
      starterLibrary.advance(12, 12);
      starterLibrary.finish();
      expect(await status()).toEqual({ state: 'done', done: 12, total: 12 });
    } finally {
      await probed.close();
    }
  });

  test('live answers from the process alone, even with the database gone and a key sent', async () => {
    const response = await down.inject({
      url: '/health/live',
      headers: { authorization: 'Bearer not-looked-up' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'live', version: 'test' });
  });

  test('probes answer whatever host an orchestrator uses; the API does not', async () => {
    const host = { host: 'codecard-7f9c.cluster.internal:3000' };
    expect((await app.inject({ url: '/health/live', headers: host })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health/ready', headers: host })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/health', headers: host })).statusCode).toBe(421);
  });

  test('ready says the database is down: 503 with Retry-After', async () => {
    const response = await down.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.json()).toMatchObject({ status: 'unavailable', database: 'down' });
  });

  test('an API request while the database cannot be reached: DATABASE_UNAVAILABLE 503, Retry-After', async () => {
    for (const url of ['/api/codes?q=62264', '/api/auth/status']) {
      const response = await down.inject({
        url,
        headers: { authorization: 'Bearer some-key' },
      });
      expect(response.statusCode, url).toBe(503);
      expect(Number(response.headers['retry-after']), url).toBeGreaterThan(0);
      expect(response.json(), url).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    }
  });

  test('the old /api/health still answers', async () => {
    const response = await down.inject({ url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', version: 'test' });
  });
});
