import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { buildTestApp } from './test-app.ts';

describe('request logs', () => {
  let library: TestLibrary;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    library = await openTestLibrary();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await buildTestApp(library.ctx, { logLevel: 'info', logStream: stream });
  });
  afterAll(async () => {
    await app.close();
    await library.opened.close();
  });

  test('name the route, never the query a user typed or the headers sent', async () => {
    // Planted values: a name, an SSN-like number and a bearer key, in the URL and headers.
    await app.inject({
      url: '/api/codes?q=Jane%20Plantedname%20123-45-6789&dos=2026-11-02',
      headers: {
        host: 'localhost',
        authorization: 'Bearer planted-secret-key',
        cookie: 'sid=planted-cookie',
      },
    });
    const all = lines.join('\n');
    expect(all).toContain('/api/codes');
    for (const planted of ['Plantedname', '123-45-6789', 'planted-secret-key', 'planted-cookie'])
      expect(all).not.toContain(planted);
  });
});
