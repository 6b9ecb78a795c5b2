import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { instanceAdminSession } from '../../test/support/instance-admin-session.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { insertOrg } from '../access/orgs.repository.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { forOrg } from '../library/library-context.ts';
import { starterLibraryDir } from '../library/starter-library.ts';
import { buildTestApp, testApiKey } from './test-app.ts';
import { multipart } from './test-multipart.ts';

const PTP = 'sample-ccipra-v320r0-ptp.txt';
const claim = {
  id: 'A',
  dateOfService: '2026-03-02',
  lines: [{ code: '62263' }, { code: '62264' }],
};

/** Official data imported once into the reference library is read by every organization. */
describe.each(testDatabaseKinds())('instance-wide reference data (%s)', (kind) => {
  let library: TestLibrary;
  let app: FastifyInstance;
  let instanceAdmin: string;
  let otherAdmin: string;
  let otherLibrarian: string;

  const as = (auth: string) =>
    auth.startsWith('codecard_session=') ? { cookie: auth } : { authorization: `Bearer ${auth}` };
  const upload = async (auth: string) => {
    const body = multipart([{ name: PTP, content: await readFile(join(starterLibraryDir, PTP)) }]);
    return app.inject({
      method: 'POST',
      url: '/api/library/documents?wait=true&library=reference',
      headers: { ...body.headers, ...as(auth) },
      payload: body.payload,
    });
  };
  const card = (auth: string) =>
    app.inject({ url: '/api/cards/cpt/62264?dos=2026-03-02', headers: as(auth) });
  const check = (auth: string) =>
    app.inject({
      method: 'POST',
      url: '/api/checks',
      headers: as(auth),
      payload: { claims: [claim] },
    });

  const ptpSeverities = async (auth: string) =>
    (await check(auth))
      .json<{ claims: { findings: { rule: string; severity: string }[] }[] }>()
      .claims[0]!.findings.filter((f) => f.rule === 'ptp')
      .map((f) => f.severity);

  beforeAll(async () => {
    library = await openTestLibrary(kind);
    app = await buildTestApp(library.ctx, { as: null });
    instanceAdmin = await instanceAdminSession(app, library.ctx.db);
    await insertOrg(library.ctx.db, { id: 'other', name: 'Other clinic' });
    otherAdmin = await testApiKey(forOrg(library.ctx, 'other'), 'admin');
    otherLibrarian = await testApiKey(forOrg(library.ctx, 'other'), 'librarian');
  });
  afterAll(async () => {
    await app.close();
    await library.opened.close();
  });

  test('only an instance admin may import into the reference data', async () => {
    const refused = await upload(otherLibrarian);
    expect(refused.statusCode).toBe(403);
    const listed = await app.inject({ url: '/api/library/documents', headers: as(otherAdmin) });
    expect(listed.json()).toEqual({ documents: [] });
  });

  test('another organization’s cards and checks use it once it is imported', async () => {
    expect(JSON.stringify((await card(otherAdmin)).json())).not.toContain('62263');
    // Without edits the check says the library cannot tell, never that the pair is an error.
    expect(await ptpSeverities(otherAdmin)).not.toContain('error');

    const imported = await upload(instanceAdmin);
    expect(imported.statusCode).toBe(201);
    const job = imported.json<{ jobs: { id: string; result: { document: { id: number } } }[] }>()
      .jobs[0]!;
    // The job belongs to the uploader's organization, not to the reference data.
    const polled = await app.inject({
      url: `/api/library/imports/${job.id}`,
      headers: as(instanceAdmin),
    });
    expect(polled.statusCode).toBe(200);

    expect(JSON.stringify((await card(otherAdmin)).json())).toContain('62263');
    expect(await ptpSeverities(otherAdmin)).toContain('error');

    // Listed for every organization, marked as shared.
    const listed = await app.inject({ url: '/api/library/documents', headers: as(otherAdmin) });
    expect(listed.json<{ documents: { id: number; shared?: boolean }[] }>().documents).toEqual([
      expect.objectContaining({ id: job.result.document.id, shared: true }),
    ]);
    const one = await app.inject({
      url: `/api/library/documents/${job.result.document.id}`,
      headers: as(otherAdmin),
    });
    expect(one.json()).toMatchObject({ shared: true });

    // Read, never changed, by the organizations that use it.
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/library/documents/${job.result.document.id}`,
      headers: as(otherAdmin),
    });
    expect(removed.statusCode).toBe(404);
    expect(JSON.stringify((await card(otherAdmin)).json())).toContain('62263');
  });

  test('an organization may turn a reference dataset off, and back on', async () => {
    const datasets = () =>
      app.inject({ url: '/api/admin/reference-datasets', headers: as(otherAdmin) });
    const [ptp] = (await datasets()).json<{ datasets: { datasetKey: string; used: boolean }[] }>()
      .datasets;
    expect(ptp).toMatchObject({ used: true, setAside: null });
    const choose = (use: boolean) =>
      app.inject({
        method: 'PUT',
        url: `/api/admin/reference-datasets/${encodeURIComponent(ptp!.datasetKey)}`,
        headers: as(otherAdmin),
        payload: { use },
      });
    expect((await choose(false)).json()).toMatchObject({ used: false, setAside: 'turned-off' });
    expect(JSON.stringify((await card(otherAdmin)).json())).not.toContain('62263');
    expect(await ptpSeverities(otherAdmin)).not.toContain('error');
    const listed = await app.inject({ url: '/api/library/documents', headers: as(otherAdmin) });
    expect(listed.json()).toEqual({ documents: [] });
    // Another organization's choice is its own.
    expect(await ptpSeverities(instanceAdmin)).toContain('error');

    expect((await choose(true)).json()).toMatchObject({ used: true, setAside: null });
    expect(await ptpSeverities(otherAdmin)).toContain('error');
  });

  test('an organization’s own release of a dataset sets the reference one aside', async () => {
    const text = (await readFile(join(starterLibraryDir, PTP), 'utf8'))
      .split('\n')
      .filter((line) => !line.includes('62263'))
      .join('\n');
    const body = multipart([{ name: 'own-ccipra-v321r0-ptp.txt', content: text }]);
    const own = await app.inject({
      method: 'POST',
      url: '/api/library/documents?wait=true',
      headers: { ...body.headers, ...as(otherLibrarian) },
      payload: body.payload,
    });
    expect(own.statusCode).toBe(201);
    const datasets = await app.inject({
      url: '/api/admin/reference-datasets',
      headers: as(otherAdmin),
    });
    expect(datasets.json<{ datasets: unknown[] }>().datasets).toEqual([
      expect.objectContaining({ used: false, setAside: 'own-release' }),
    ]);
    // Its own release lacks the pair; the reference release, set aside, does not speak.
    expect(await ptpSeverities(otherAdmin)).not.toContain('error');
    expect(JSON.stringify((await card(otherAdmin)).json())).not.toContain('62263');
    // Every other organization still reads the reference release.
    expect(await ptpSeverities(instanceAdmin)).toContain('error');
  });
});
