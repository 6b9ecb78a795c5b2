import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { handleError } from './error-handler.ts';
import { callerRateLimit, registerRateLimits } from './rate-limits.ts';
import { buildTestApp, testApiKey } from './test-app.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { multipart } from './test-multipart.ts';
import { testContext } from '../../test/support/test-context.ts';

const limit = 3;
const claim = {
  id: 'A',
  setting: 'hospital',
  dateOfService: '2026-11-02',
  lines: [{ code: '62263' }, { code: '62264' }],
};
const ask: InjectOptions = { method: 'POST', url: '/api/threads', payload: {} };

describe('rate limits', () => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let ctx: LibraryContext;
  let nextCaller = 1;
  /** A caller of its own: a new user's API key, from an address of its own. */
  const caller = async () => {
    const n = nextCaller++;
    const key = await testApiKey(ctx, 'coder', `caller-${n}@example.org`);
    return (request: InjectOptions) =>
      app.inject({
        ...request,
        remoteAddress: `10.0.0.${n}`,
        headers: { authorization: `Bearer ${key}`, ...request.headers },
      });
  };
  const statuses = async (send: () => Promise<{ statusCode: number }>, times: number) => {
    const codes: number[] = [];
    for (let i = 0; i < times; i++) codes.push((await send()).statusCode);
    return codes;
  };

  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite-memory' });
    ctx = testContext(opened);
    app = await buildTestApp(ctx, { rateLimitPerMinute: limit, as: null });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('the fourth ask in a minute answers 429 with Retry-After and the JSON error', async () => {
    const send = await caller();
    expect(await statuses(() => send(ask), limit)).toEqual([201, 201, 201]);
    const refused = await send(ask);
    expect(refused.statusCode).toBe(429);
    const seconds = Number(refused.headers['retry-after']);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
    expect(refused.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: `too many requests; try again in ${seconds} seconds`,
      },
    });
  });

  test('follow-up questions, search, single and batch checks are limited the same way', async () => {
    const thread = (await (await caller())(ask)).json<{ threadId: string }>().threadId;
    const limited: [InjectOptions, number][] = [
      [{ method: 'POST', url: `/api/threads/${thread}/messages`, payload: { question: 'x' } }, 201],
      [{ url: '/api/codes?q=knee' }, 200],
      [{ method: 'POST', url: '/api/checks', payload: { claims: [claim] } }, 200],
      [
        {
          method: 'POST',
          url: '/api/checks/batch',
          ...multipart([{ name: 'c.ndjson', content: JSON.stringify(claim) }], {}, 'file'),
        },
        202,
      ],
    ];
    for (const [request, ok] of limited) {
      const send = await caller();
      expect(await statuses(() => send(request), limit + 1), JSON.stringify(request.url)).toEqual([
        ok,
        ok,
        ok,
        429,
      ]);
    }
  });

  test('another caller is not limited by the first one', async () => {
    const first = await caller();
    await statuses(() => first(ask), limit);
    expect((await first(ask)).statusCode).toBe(429);
    expect((await (await caller())(ask)).statusCode).toBe(201);
  });

  test('signed-in callers count by their API key, not by their address', async () => {
    const key = await testApiKey(ctx, 'coder', 'roaming@example.org');
    const from =
      (remoteAddress: string, bearer = key) =>
      () =>
        app.inject({ ...ask, remoteAddress, headers: { authorization: `Bearer ${bearer}` } });
    expect(await statuses(from('10.1.0.1'), limit)).toEqual([201, 201, 201]);
    // A new address does not reset the count of the same key.
    expect((await from('10.1.0.2')()).statusCode).toBe(429);
    // Another key at the same address has a bucket of its own.
    const other = await testApiKey(ctx, 'coder', 'neighbour@example.org');
    expect(await statuses(from('10.1.0.1', other), limit)).toEqual([201, 201, 201]);
  });

  test('health, cards and pages have no limit', async () => {
    const send = await caller();
    for (const url of ['/api/health', '/api/cards/cpt/62264', '/codes/cpt/62264']) {
      const codes = await statuses(() => send({ url }), limit * 3);
      expect(codes, url).not.toContain(429);
      expect(new Set(codes).size, url).toBe(1);
    }
  });

  test('a request its route schema refuses does not use the budget', async () => {
    const send = await caller();
    const malformed = { ...ask, payload: { question: 42 } };
    expect(await statuses(() => send(malformed), limit * 2)).toEqual(Array(limit * 2).fill(400));
    expect(await statuses(() => send(ask), limit)).toEqual([201, 201, 201]);
  });

  test('a route can set a stricter limit of its own (as sign-in will)', async () => {
    const bare = Fastify();
    bare.setErrorHandler(handleError);
    await registerRateLimits(bare, { rateLimitPerMinute: limit });
    bare.post('/sign-in', { config: callerRateLimit({ max: 1 }) }, () => ({ ok: true }));
    bare.get('/search', { config: callerRateLimit() }, () => ({ ok: true }));
    const post = () => bare.inject({ method: 'POST', url: '/sign-in' });
    const get = () => bare.inject({ url: '/search' });
    expect(await statuses(post, 2)).toEqual([200, 429]);
    expect(await statuses(get, limit + 1)).toEqual([200, 200, 200, 429]);
    await bare.close();
  });

  test('CODECARD_RATE_LIMIT_PER_MINUTE sets the limit, 120 by default', () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(120);
    expect(loadConfig({ CODECARD_RATE_LIMIT_PER_MINUTE: '30' }).rateLimitPerMinute).toBe(30);
    expect(() => loadConfig({ CODECARD_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/at least 1/);
  });
});
