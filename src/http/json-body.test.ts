import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { buildTestApp } from './test-app.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

describe('hostile JSON request bodies', () => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    const library = await openTestLibrary();
    opened = library.opened;
    app = await buildTestApp(library.ctx, { as: 'coder' });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const check = (payload: string) =>
    app.inject({
      method: 'POST',
      url: '/api/checks',
      headers: { 'content-type': 'application/json' },
      payload,
    });

  test.each([65, 10_000, 500_000])('nested %i deep: 400 BAD_INPUT, not a 500', async (levels) => {
    const response = await check(`{"claims":${'['.repeat(levels)}${']'.repeat(levels)}}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'BAD_INPUT', message: 'request body: JSON nested deeper than 64 levels' },
    });
  });

  test('1e400 units are refused naming the field, not checked as 1 unit', async () => {
    const response = await check(
      '{"claims":[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"99213","units":1e400}]}]}',
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/units .* got Infinity/);
  });

  test.each(['NaN', '-Infinity', '+2', '007'])(
    'units written as %s (not JSON) are refused naming the field',
    async (value) => {
      const response = await check(
        `{"claims":[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"99213","units":${value}}]}]}`,
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'BAD_INPUT',
          message: `request body: "units" is ${value}, which is not a JSON number (write a finite decimal number such as 1)`,
        },
      });
    },
  );

  test('ordinary bodies still parse, and proto poisoning is still refused', async () => {
    const ok = await check(
      '{"claims":[{"id":"A","dateOfService":"2024-01-01","lines":[{"code":"99213","units":2}]}]}',
    );
    expect(ok.statusCode).toBe(200);
    const poisoned = await check('{"__proto__":{"x":1},"claims":[]}');
    expect(poisoned.statusCode).toBe(400);
  });
});
