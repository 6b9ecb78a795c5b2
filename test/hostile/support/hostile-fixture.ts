import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { HostileServer } from './hostile-server.ts';

/**
 * A test file's server (over a copy of the template store) and a scratch directory for its
 * generated inputs, both removed after the file. `env` adds to the server's environment.
 */
export function hostileFixture(env: Record<string, string> = {}): {
  server: () => HostileServer;
  dir: () => string;
} {
  let server: HostileServer | undefined;
  let dir = '';
  beforeAll(async () => {
    server = await HostileServer.fromTemplate(inject('hostileTemplate'), env);
    dir = await mkdtemp(join(tmpdir(), 'codecard-hostile-inputs-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    server: () => {
      if (!server) throw new Error('the server has not started');
      return server;
    },
    dir: () => dir,
  };
}
