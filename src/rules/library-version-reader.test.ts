import { createServer, type Server, type Socket } from 'node:net';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Database } from '../db/schema.ts';
import { openTestDatabase } from '../db/test-databases.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testContext } from '../../test/support/test-context.ts';
import { readingContext } from './library-version-reader.ts';

describe('a read replica that accepts connections and never answers', () => {
  let opened: OpenDatabase;
  let server: Server;
  const sockets: Socket[] = [];
  let replica: Kysely<Database>;

  beforeAll(async () => {
    opened = await openTestDatabase('pglite');
    server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    replica = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${port}/x`, max: 4 }),
      }),
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
    await opened.close();
  });

  test('is skipped after a short wait, then left alone: requests read the primary', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const ctx = { ...testContext(opened), readDb: replica };
      expect((await readingContext(ctx)).db).toBe(ctx.db);
      expect(sockets).toHaveLength(1);
      // Paused: the next requests do not wait on it again (no new connection is tried).
      for (let i = 0; i < 3; i++) expect((await readingContext(ctx)).db).toBe(ctx.db);
      expect(sockets).toHaveLength(1);
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(/read replica did not answer/);
    } finally {
      stderr.mockRestore();
    }
  });
});
