import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { insertOrg } from '../access/orgs.repository.ts';
import type { RouteAccess } from '../domain/principal.ts';
import { ROLES, roleIncludes, type Role } from '../domain/role.ts';
import { importFile } from '../library/import.service.ts';
import { forOrg } from '../library/library-context.ts';
import { starterLibraryDir } from '../library/starter-library.ts';
import { buildTestApp, testApiKey } from './test-app.ts';
import { multipart } from './test-multipart.ts';

/**
 * The access specification: who may call each route. The test fails when a route in the
 * OpenAPI document is missing here, so a new route gets a decision, not a default.
 */
const spec: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /api/auth/status': 'public',
  'POST /api/auth/sign-in': 'public',
  'GET /api/auth/invites': 'public',
  'POST /api/auth/invites': 'public',
  'POST /api/auth/sign-out': 'viewer',
  'POST /api/auth/sign-out-everywhere': 'viewer',
  'GET /api/auth/me': 'viewer',
  'GET /api/codes': 'viewer',
  'GET /api/codes/{code}': 'viewer',
  'GET /api/fees': 'viewer',
  'GET /api/cards/{system}/{code}': 'viewer',
  'POST /api/threads': 'viewer',
  'POST /api/threads/{id}/messages': 'viewer',
  'GET /api/threads/{id}': 'viewer',
  'POST /api/answers/{id}/feedback': 'viewer',
  'GET /api/sources/{id}': 'viewer',
  'GET /api/library/documents': 'viewer',
  'GET /api/library/documents/{id}': 'viewer',
  'GET /api/library/documents/{id}/passages': 'viewer',
  'GET /api/library/documents/{id}/file': 'viewer',
  'POST /api/library/documents': 'librarian',
  'DELETE /api/library/documents/{id}': 'librarian',
  'GET /api/library/imports/{id}': 'librarian',
  'DELETE /api/library/imports/{id}': 'librarian',
  'POST /api/checks': 'coder',
  'POST /api/checks/batch': 'coder',
  'GET /api/checks/batch/{id}': 'coder',
  'DELETE /api/checks/batch/{id}': 'coder',
  'POST /api/checks/batch/{id}/resume': 'coder',
  'GET /api/checks/batch/{id}/results': 'coder',
  'GET /api/performance': 'admin',
  'GET /api/changes': 'viewer',
  'GET /api/changes/releases': 'viewer',
  'GET /api/performance.csv': 'admin',
  'GET /api/watch-list': 'coder',
  'GET /api/watch-list/changes': 'coder',
  'PUT /api/watch-list/codes/{code}': 'admin',
  'DELETE /api/watch-list/codes/{code}': 'admin',
  'GET /api/admin/members': 'admin',
  'POST /api/admin/invites': 'admin',
  'PUT /api/admin/members/{id}/role': 'admin',
  'DELETE /api/admin/members/{id}': 'admin',
  'GET /api/admin/api-keys': 'admin',
  'POST /api/admin/api-keys': 'admin',
  'DELETE /api/admin/api-keys/{id}': 'admin',
  'GET /api/admin/audit': 'admin',
  'GET /api/admin/audit.csv': 'admin',
  'GET /api/admin/reference-datasets': 'admin',
  'PUT /api/admin/reference-datasets/{key}': 'admin',
  'GET /api/instance/orgs': 'instance-admin',
  'POST /api/instance/orgs': 'instance-admin',
  'GET /api/sync/status': 'admin',
  'POST /api/sync': 'instance-admin',
  'GET /cds-services': 'public',
  'POST /cds-services/codecard-order-sign': 'coder',
  'POST /cds-services/codecard-order-select': 'coder',
  'GET /api/ehr/connection': 'admin',
  'PUT /api/ehr/connection': 'admin',
  'GET /api/ehr/status': 'viewer',
  'POST /api/ehr/access-requests': 'viewer',
  'GET /api/ehr/access-requests': 'admin',
  'GET /api/ehr/case': 'viewer',
  'GET /api/ehr/case/codes/{system}/{code}': 'viewer',
};

/** Tables whose rows a refused or foreign request must leave exactly as they were. */
const tables = [
  'documents',
  'passages',
  'threads',
  'thread_messages',
  'answer_feedback',
  'library_gaps',
  'users',
  'memberships',
  'sessions',
  'api_keys',
  'invites',
  'orgs',
  'check_jobs',
] as const;

interface Route {
  method: string;
  path: string;
}

describe.each(testDatabaseKinds())(
  'every route × every role × a second organization (%s)',
  (kind) => {
    let library: TestLibrary;
    let app: FastifyInstance;
    let routes: Route[];
    const keys = {} as Record<Role, string>;
    let outsider: string;
    /** Ids of the default organization's own things, by path parameter meaning. */
    const ids: Record<string, string> = {};

    const call = (route: Route, key: string, params: Record<string, string>) =>
      app.inject({
        method: route.method as 'GET',
        url: route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'x'),
        headers: { authorization: `Bearer ${key}` },
        ...(route.method === 'POST' || route.method === 'PUT' ? { payload: bodyFor(route) } : {}),
      });

    async function snapshot(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(
          table,
        )}`.execute(library.ctx.db);
        counts[table] = rows[0]!.n;
      }
      return counts;
    }

    async function auditActionsSince(id: number): Promise<string[]> {
      const { rows } = await sql<{ action: string }>`
      select action from audit_log where id > ${id}`.execute(library.ctx.db);
      return rows.map((r) => r.action);
    }

    async function lastAuditId(): Promise<number> {
      const { rows } = await sql<{ id: number | null }>`
      select max(id) as id from audit_log`.execute(library.ctx.db);
      return Number(rows[0]?.id ?? 0);
    }

    beforeAll(async () => {
      library = await openTestLibrary(kind);
      const name = 'sample-ccipra-v320r0-ptp.txt';
      const bytes = await readFile(join(starterLibraryDir, name));
      const imported = await importFile(library.ctx, { fileName: name, bytes });
      ids.document = String(imported.document.id);
      app = await buildTestApp(library.ctx, { as: null });
      for (const role of ROLES) keys[role] = await testApiKey(library.ctx, role);
      await insertOrg(library.ctx.db, { id: 'other', name: 'Another organization' });
      outsider = await testApiKey(forOrg(library.ctx, 'other'), 'admin');

      const asked = await app.inject({
        method: 'POST',
        url: '/api/threads',
        headers: { authorization: `Bearer ${keys.viewer}` },
        payload: { question: 'Can 62263 and 62264 be billed together?' },
      });
      const thread = asked.json<{ threadId: string; answer: { id: string } }>();
      ids.thread = thread.threadId;
      ids.answer = thread.answer.id;
      const upload = multipart([{ name: name.replace('.txt', '-again.txt'), content: bytes }]);
      const job = await app.inject({
        method: 'POST',
        url: '/api/library/documents?wait=true',
        headers: { ...upload.headers, authorization: `Bearer ${keys.librarian}` },
        payload: upload.payload,
      });
      ids.import = job.json<{ jobs: { id: string }[] }>().jobs[0]!.id;
      const claims = multipart([
        {
          name: 'c.ndjson',
          content: '{"id":"A","dateOfService":"2026-03-02","lines":[{"code":"62264"}]}',
        },
      ]);
      const batch = await app.inject({
        method: 'POST',
        url: '/api/checks/batch',
        headers: { ...claims.headers, authorization: `Bearer ${keys.coder}` },
        payload: claims.payload,
      });
      ids.batch = batch.json<{ id: string }>().id;
      const members = await app.inject({
        url: '/api/admin/members',
        headers: { authorization: `Bearer ${keys.admin}` },
      });
      ids.member = members
        .json<{ members: { id: string; role: string }[] }>()
        .members.find((m) => m.role === 'viewer')!.id;
      const apiKeys = await app.inject({
        url: '/api/admin/api-keys',
        headers: { authorization: `Bearer ${keys.admin}` },
      });
      ids.apiKey = apiKeys.json<{ keys: { id: string }[] }>().keys[0]!.id;
      const openapi = (await app.inject({ url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, unknown>>;
      }>();
      routes = Object.entries(openapi.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
      );
    });
    afterAll(async () => {
      await app.close();
      await library.opened.close();
    });

    test('every route in the OpenAPI document has a decision in the access specification', () => {
      const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
      expect(documented).toEqual(Object.keys(spec).sort());
    });

    test('a role below a route’s level gets 403, changes nothing, and leaves only the denial in the audit log', async () => {
      const before = await snapshot();
      const auditFrom = await lastAuditId();
      let denials = 0;
      for (const route of routes) {
        const needed = spec[`${route.method} ${route.path}`]!;
        for (const role of ROLES) {
          if (needed === 'public' || (needed !== 'instance-admin' && roleIncludes(role, needed)))
            continue;
          const response = await call(route, keys[role], paramsFor(route, ids));
          expect(response.statusCode, `${role} ${route.method} ${route.path}`).toBe(403);
          expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
          denials++;
        }
      }
      expect(denials).toBeGreaterThan(40);
      expect(await snapshot()).toEqual(before);
      const logged = await auditActionsSince(auditFrom);
      expect(logged).toHaveLength(denials);
      expect(new Set(logged)).toEqual(new Set(['access.denied']));
    });

    test('a role at or above a route’s level is let through', async () => {
      for (const route of routes) {
        const needed = spec[`${route.method} ${route.path}`]!;
        if (needed === 'public' || needed === 'instance-admin') continue;
        for (const role of ROLES.filter((r) => roleIncludes(r, needed))) {
          // Ids that exist nowhere: the request passes the guard and stops at the lookup, so
          // nothing is changed by walking the routes.
          const response = await call(route, keys[role], paramsFor(route, missingIds));
          // A route's own 401/403 (the EHR case without a connection or case token) is past
          // the guard; the guard's refusals are SIGN_IN_REQUIRED and FORBIDDEN.
          const refusedBy = [401, 403].includes(response.statusCode)
            ? response.json<{ error: { code: string } }>().error.code
            : null;
          expect(
            ['SIGN_IN_REQUIRED', 'FORBIDDEN'],
            `${role} ${route.method} ${route.path}`,
          ).not.toContain(refusedBy);
        }
      }
    });

    test('another organization’s admin gets 404 for this organization’s ids, and nothing changes', async () => {
      const before = await snapshot();
      const auditFrom = await lastAuditId();
      let checked = 0;
      for (const route of routes) {
        const needed = spec[`${route.method} ${route.path}`]!;
        if (needed === 'public' || needed === 'instance-admin' || !ownedIdRoute(route)) continue;
        const response = await call(route, outsider, paramsFor(route, ids));
        expect(response.statusCode, `${route.method} ${route.path}`).toBe(404);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(15);
      expect(await snapshot()).toEqual(before);
      expect(await auditActionsSince(auditFrom)).toEqual([]);
      // Lists show only the caller's own organization.
      const listed = await app.inject({
        url: '/api/library/documents',
        headers: { authorization: `Bearer ${outsider}` },
      });
      expect(listed.json()).toEqual({ documents: [] });
    });
  },
);

const missingIds: Record<string, string> = {
  document: '987654',
  thread: '00000000-0000-4000-8000-000000000000',
  answer: '00000000-0000-4000-8000-000000000001',
  import: '00000000-0000-4000-8000-000000000002',
  batch: '00000000-0000-4000-8000-000000000003',
  member: 'nobody',
  apiKey: 'nothing',
};

/** Routes whose path names something one organization owns. */
function ownedIdRoute(route: Route): boolean {
  return route.path.includes('{id}') && !route.path.startsWith('/api/sources/');
}

function paramsFor(route: Route, known: Record<string, string>): Record<string, string> {
  const p = route.path;
  const id = p.startsWith('/api/library/documents/')
    ? known.document
    : p.startsWith('/api/library/imports/')
      ? known.import
      : p.startsWith('/api/threads/')
        ? known.thread
        : p.startsWith('/api/answers/')
          ? known.answer
          : p.startsWith('/api/checks/batch/')
            ? known.batch
            : p.startsWith('/api/admin/members/')
              ? known.member
              : p.startsWith('/api/admin/api-keys/')
                ? known.apiKey
                : '1';
  return { id: id!, system: 'cpt', code: '62264', key: 'no-such-dataset' };
}

function bodyFor(route: Route): object {
  if (route.path.endsWith('/messages')) return { question: 'and 20610?' };
  if (route.path.endsWith('/feedback')) return { vote: 'up' };
  if (route.path.endsWith('/role')) return { role: 'coder' };
  if (route.path.startsWith('/api/admin/reference-datasets/')) return { use: false };
  if (route.path === '/api/checks') return { claims: [] };
  if (route.path === '/api/admin/api-keys') return { name: 'matrix', role: 'viewer' };
  if (route.path === '/api/admin/invites') return { role: 'viewer' };
  if (route.path === '/api/instance/orgs') return { id: 'matrix-org', name: 'Matrix' };
  return {};
}
