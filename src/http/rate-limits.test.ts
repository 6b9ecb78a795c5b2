import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { handleError } from './error-handler.ts';
import { callerRateLimit, registerRateLimits } from './rate-limits.ts';
import { buildTestApp } from './test-app.ts';
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
  // Each test calls from its own address, so one test's counts never reach another's.
  let nextAddress = 1;
  const caller = () => {
    const remoteAddress = `10.0.0.${nextAddress++}`;
    return (request: InjectOptions) => app.inject({ ...request, remoteAddress });
  };
  const statuses = async (send: () => Promise<{ statusCode: number }>, times: number) => {
    const codes: number[] = [];
    for (let i = 0; i < times; i++) codes.push((await send()).statusCode);
    return codes;
  };

  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite-memory' });
    app = await buildTestApp(testContext(opened), { rateLimitPerMinute: limit });
    // Stands in for authentication (issue 14): a test header names the signed-in caller.
    app.addHook('onRequest', (request, _reply, done) => {
      const user = request.headers['x-test-user'];
      const apiKeyId = request.headers['x-test-key'];
      if (typeof user === 'string') {
        Object.assign(request, {
          principal: { userId: user, apiKeyId: typeof apiKeyId === 'string' ? apiKeyId : null },
        });
      }
      done();
    });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('the fourth ask in a minute answers 429 with Retry-After and the JSON error', async () => {
    const send = caller();
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
    const thread = (await caller()(ask)).json<{ threadId: string }>().threadId;
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
      const send = caller();
      expect(await statuses(() => send(request), limit + 1), JSON.stringify(request.url)).toEqual([
        ok,
        ok,
        ok,
        429,
      ]);
    }
  });

  test('another caller is not limited by the first one', async () => {
    const first = caller();
    await statuses(() => first(ask), limit);
    expect((await first(ask)).statusCode).toBe(429);
    expect((await caller()(ask)).statusCode).toBe(201);
  });

  test('signed-in callers count by user or API key, not by their shared address', async () => {
    const send = caller();
    const as = (user: string, key?: string) => () =>
      send({ ...ask, headers: { 'x-test-user': user, ...(key ? { 'x-test-key': key } : {}) } });
    expect(await statuses(as('ana'), limit + 1)).toEqual([201, 201, 201, 429]);
    // Same address, same user through an API key, and another user: buckets of their own.
    expect(await statuses(as('ana', 'key-1'), limit)).toEqual([201, 201, 201]);
    expect(await statuses(as('ben'), limit)).toEqual([201, 201, 201]);
  });

  test('health, cards and pages have no limit', async () => {
    const send = caller();
    for (const url of ['/api/health', '/api/cards/cpt/62264', '/codes/cpt/62264']) {
      const codes = await statuses(() => send({ url }), limit * 3);
      expect(codes, url).not.toContain(429);
      expect(new Set(codes).size, url).toBe(1);
    }
  });

  test('a request its route schema refuses does not use the budget', async () => {
    const send = caller();
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
