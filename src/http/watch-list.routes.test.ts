import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertOrg } from '../access/orgs.repository.ts';
import type { WatchListView } from '../contracts/watch-list.ts';
import type { OpenDatabase } from '../db/database.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { buildTestApp, testApiKey } from './test-app.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

describe('/api/watch-list', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let app: FastifyInstance;
  const keys: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${keys[who]}` });
  const list = async (who: string, query = '') =>
    (await app.inject({ url: `/api/watch-list${query}`, headers: as(who) })).json<WatchListView>();
  const auditActions = async () =>
    (
      await ctx.db
        .selectFrom('audit_log')
        .select(['action', 'target_id', 'outcome'])
        .where('action', 'like', 'watch-list.%')
        .orderBy('id')
        .execute()
    ).map((e) => `${e.action} ${e.target_id} ${e.outcome}`);

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
    app = await buildTestApp(ctx, { as: null });
    keys.admin = await testApiKey(ctx, 'admin');
    keys.coder = await testApiKey(ctx, 'coder');
    keys.viewer = await testApiKey(ctx, 'viewer');
    await insertOrg(ctx.db, { id: 'org-b', name: 'Organization B' });
    keys.otherAdmin = await testApiKey(forOrg(ctx, 'org-b'), 'admin');
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('an admin adds and removes codes; each change is audited', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/watch-list/codes/m54.50',
      headers: as('admin'),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ code: 'M54.50', system: 'icd10cm', changed: true });
    const again = await app.inject({
      method: 'PUT',
      url: '/api/watch-list/codes/M54.50',
      headers: as('admin'),
    });
    expect(again.json()).toMatchObject({ changed: false });
    await app.inject({ method: 'PUT', url: '/api/watch-list/codes/64483', headers: as('admin') });
    expect((await list('admin')).codes).toEqual([
      expect.objectContaining({ code: '64483', system: 'cpt', sources: ['chosen'] }),
      expect.objectContaining({ code: 'M54.50', system: 'icd10cm', sources: ['chosen'] }),
    ]);
    const removed = await app.inject({
      method: 'DELETE',
      url: '/api/watch-list/codes/64483',
      headers: as('admin'),
    });
    expect(removed.json()).toEqual({ code: '64483', system: 'cpt', changed: true });
    const missing = await app.inject({
      method: 'DELETE',
      url: '/api/watch-list/codes/64483',
      headers: as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    expect(await auditActions()).toEqual([
      'watch-list.add M54.50 ok',
      'watch-list.add M54.50 ok',
      'watch-list.add 64483 ok',
      'watch-list.remove 64483 ok',
    ]);
  });

  test('a code of no watched shape is refused by the contract', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/watch-list/codes/not-a-code',
      headers: as('admin'),
    });
    expect(bad.statusCode).toBe(400);
  });

  test('a coder reads the list and the codes its checks saw, but cannot edit it; a viewer cannot read it', async () => {
    const checked = await app.inject({
      method: 'POST',
      url: '/api/checks',
      headers: as('coder'),
      payload: {
        claims: [
          {
            id: 'PATIENT-ROUTE-1',
            dateOfService: '2026-03-02',
            diagnoses: ['Z99.89'],
            lines: [{ code: '62264' }, { code: '77003' }],
          },
        ],
      },
    });
    expect(checked.statusCode).toBe(200);
    const codes = (await list('coder')).codes;
    expect(codes.map((c) => [c.code, c.sources])).toEqual([
      ['62264', ['checks']],
      ['77003', ['checks']],
      ['M54.50', ['chosen']],
    ]);
    expect(JSON.stringify(codes)).not.toMatch(/PATIENT|Z99/);
    for (const method of ['PUT', 'DELETE'] as const) {
      const refused = await app.inject({
        method,
        url: '/api/watch-list/codes/M54.50',
        headers: as('coder'),
      });
      expect(refused.statusCode, method).toBe(403);
    }
    expect((await list('coder')).codes.map((c) => c.code)).toContain('M54.50');
    const viewer = await app.inject({ url: '/api/watch-list', headers: as('viewer') });
    expect(viewer.statusCode).toBe(403);
  });

  test('another organization’s admin sees none of it and cannot remove it', async () => {
    expect((await list('otherAdmin')).codes).toEqual([]);
    const foreign = await app.inject({
      method: 'DELETE',
      url: '/api/watch-list/codes/M54.50',
      headers: as('otherAdmin'),
    });
    expect(foreign.statusCode).toBe(404);
    expect((await list('admin')).codes.map((c) => c.code)).toContain('M54.50');
  });
});
