import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { instanceAdminSession } from '../../test/support/instance-admin-session.ts';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { insertOrg } from '../access/orgs.repository.ts';
import type { SyncStatus } from '../contracts/sync.ts';
import { forOrg } from '../library/library-context.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { MirrorTestServer } from '../sync/mirror-test-server.ts';
import { buildTestApp, testApiKey } from './test-app.ts';

const gpci = path.resolve(import.meta.dirname, '../../../shared/data/mpfs-2026/GPCI2026.csv');

describe.each(testDatabaseKinds())('release sync over REST (%s)', (kind) => {
  const server = new MirrorTestServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'codecard-sync-routes-'));
  let library: TestLibrary;
  let app: FastifyInstance;
  let session: string;
  let otherAdmin: string;

  beforeAll(async () => {
    server.serve('/GPCI2026.csv', { bytes: readFileSync(gpci) });
    server.serve('/stalled/GPCI2026.csv', { bytes: readFileSync(gpci), stall: true });
    await server.start();
    const mirror = path.join(dir, 'index.json');
    writeFileSync(
      mirror,
      JSON.stringify({
        entries: [{ dataset: 'gpci', kind: 'gpci', url: server.url('/GPCI2026.csv') }],
      }),
    );
    library = await openTestLibrary(kind);
    app = await buildTestApp(library.ctx, {
      as: null,
      sync: {
        mirror,
        intervalHours: 24,
        limits: { maxBytes: 1024 * 1024, idleTimeoutMs: 5_000, maxResumes: 2 },
      },
    });
    session = await instanceAdminSession(app, library.ctx.db);
    await insertOrg(library.ctx.db, { id: 'other', name: 'Other clinic' });
    otherAdmin = await testApiKey(forOrg(library.ctx, 'other'), 'admin');
  });
  afterAll(async () => {
    await app.close();
    await library.opened.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const status = async () =>
    (
      await app.inject({
        url: '/api/sync/status',
        headers: { authorization: `Bearer ${otherAdmin}` },
      })
    ).json<SyncStatus>();

  test('an instance admin starts a sync; every organization sees the reference status', async () => {
    expect((await status()).datasets).toEqual([
      expect.objectContaining({ dataset: 'gpci', lastChecked: null, newestHeld: null }),
    ]);
    const denied = await app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { authorization: `Bearer ${otherAdmin}` },
    });
    expect(denied.statusCode).toBe(403);
    const started = await app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { cookie: session },
    });
    expect(started.statusCode).toBe(202);
    // The job runs in this process: wait for the check to be recorded.
    let gpciStatus = (await status()).datasets[0]!;
    for (let i = 0; i < 200 && gpciStatus.lastChecked === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      gpciStatus = (await status()).datasets[0]!;
    }
    expect(gpciStatus).toMatchObject({
      dataset: 'gpci',
      kind: 'gpci',
      result: 'imported',
      failedStep: null,
      newestHeld: { sourceUrl: server.url('/GPCI2026.csv') },
    });
  });

  test('closing the server stops a running sync; the library is unchanged', async () => {
    const mirror = path.join(dir, 'stalled.json');
    writeFileSync(
      mirror,
      JSON.stringify({
        entries: [
          { dataset: 'gpci-stalled', kind: 'gpci', url: server.url('/stalled/GPCI2026.csv') },
        ],
      }),
    );
    const other = await buildTestApp(library.ctx, {
      as: null,
      sync: {
        mirror,
        intervalHours: 0,
        // Long enough that only the close can end this download.
        limits: { maxBytes: 1024 * 1024, idleTimeoutMs: 600_000, maxResumes: 0 },
      },
    });
    const documents = async () =>
      (await library.ctx.db.selectFrom('documents').select('id').execute()).length;
    const before = await documents();
    const started = await other.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { cookie: session },
    });
    expect(started.statusCode).toBe(202);
    for (let i = 0; i < 200 && !server.requests.some((r) => r.path.startsWith('/stalled/')); i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await other.close();
    // The download was abandoned by the closing server, not left running.
    const stalled = server.requests.find((r) => r.path.startsWith('/stalled/'))!;
    await vi.waitFor(() => expect(stalled.closed).toBe(true));
    expect(await documents()).toBe(before);
  });
});
