import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { type LibraryContext } from '../library/library-context.ts';
import type { PerformanceReport } from '../performance/performance-types.ts';
import { buildTestApp } from './test-app.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

const injection = '=HYPERLINK("http://example.test","x") capital of France?';

describe('GET /api/performance', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
    app = await buildTestApp(ctx);
    const asked = await app.inject({
      method: 'POST',
      url: '/api/threads',
      payload: { question: '62264 with 77003?' },
    });
    const answerId = asked.json<{ answer: { id: string } }>().answer.id;
    await app.inject({
      method: 'POST',
      url: `/api/answers/${answerId}/feedback`,
      payload: { vote: 'up' },
    });
    await app.inject({ method: 'POST', url: '/api/threads', payload: { question: injection } });
    expect((await app.inject({ url: '/api/cards/cpt/62264' })).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('the last 30 days by day, counting what was just asked (queued events are written first)', async () => {
    const response = await app.inject({ url: '/api/performance' });
    expect(response.statusCode).toBe(200);
    const report = response.json<PerformanceReport>();
    expect(report.range.granularity).toBe('day');
    expect(report.answers.periods).toHaveLength(30);
    expect(report.answers.totals).toMatchObject({ questions: 2, answered: 1, refused: 1 });
    expect(report.answers.feedback).toEqual({ up: 1, down: 0, score: 1 });
    const cardViews = await ctx.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'card-view')
      .execute();
    expect(cardViews.map((e) => e.data)).toEqual([{ system: 'cpt', code: '62264', lang: 'en' }]);
  });

  test('bad ranges are a 400 that says why', async () => {
    const bad = async (query: string) => {
      const response = await app.inject({ url: `/api/performance?${query}` });
      expect(response.statusCode).toBe(400);
      return response.json<{ error: { code: string; message: string } }>().error;
    };
    expect((await bad('from=2026-03-02&to=2026-03-01')).message).toContain('is after');
    expect((await bad('from=2024-01-01&to=2026-01-02')).message).toContain('longer than 2 years');
    expect((await bad('from=2026-02-30')).code).toBe('BAD_INPUT');
    expect((await bad('granularity=year')).code).toBe('BAD_INPUT');
    const twoYears = await app.inject({ url: '/api/performance?from=2024-01-01&to=2026-01-01' });
    expect(twoYears.statusCode).toBe(200);
    // 2024 is a leap year: 366 + 365 days, and both ends are included.
    expect(twoYears.json<PerformanceReport>().answers.periods).toHaveLength(732);
  });

  test('the CSV download: periods and top lists, typed questions kept as text', async () => {
    const response = await app.inject({ url: '/api/performance.csv?granularity=month' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="codecard-performance-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body.split('\n');
    expect(lines).toContain('period,questions,answered,refused,claims,claimsWithErrors');
    expect(lines).toContain('key,kind,count,lastSeen,example');
    const injected = lines.filter((line) => line.includes('HYPERLINK'));
    expect(injected.length).toBeGreaterThan(0);
    for (const line of injected) expect(line).toContain(`"'=HYPERLINK(`);
    for (const line of lines) expect(line).not.toMatch(/(^|,)[=+@-]/);
  });
});
