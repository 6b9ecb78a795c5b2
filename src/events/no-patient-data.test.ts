import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { runCheck } from '../cli/check.command.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { buildTestApp } from '../http/test-app.ts';
import { multipart } from '../http/test-multipart.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

/** Recognizable claim values: none may reach the events table, in any form. */
const secrets = ['PATIENT-ZZ-0001', 'Z99.89', 'Z9989', 'M54.16', 'M5416', 'DR-SECRET-77', 'KX'];

// A PTP pair, an MUE excess, an unknown modifier and a diagnosis the coverage list lacks, so
// the findings name codes, modifiers and diagnoses.
const claims = [
  {
    id: 'PATIENT-ZZ-0001',
    dateOfService: '2026-03-02',
    diagnoses: ['Z99.89', 'M54.16'],
    provider: 'DR-SECRET-77',
    lines: [{ code: '62264', modifiers: ['KX'] }, { code: '77003' }, { code: '62323', units: 2 }],
  },
  {
    id: 'PATIENT-ZZ-0001-B',
    dateOfService: '2026-03-02',
    diagnoses: ['Z99.89'],
    provider: 'DR-SECRET-77',
    lines: [{ code: '62323', modifiers: ['KX'] }],
  },
];

describe.each(testDatabaseKinds())('usage events hold no patient data (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind, { starter: true }));
    app = await buildTestApp(ctx);
    dir = await mkdtemp(join(tmpdir(), 'codecard-no-patient-data-'));
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await opened.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('checks through the API, a batch job and the CLI (whole and streamed) leave no claim values in events', async () => {
    const sync = await app.inject({ method: 'POST', url: '/api/checks', payload: { claims } });
    expect(sync.statusCode).toBe(200);

    const ndjson = claims.map((c) => JSON.stringify(c)).join('\n');
    const batch = await app.inject({
      method: 'POST',
      url: '/api/checks/batch',
      ...multipart([{ name: 'claims.ndjson', content: ndjson }], {}, 'file'),
    });
    expect(batch.statusCode).toBe(202);
    await vi.waitFor(async () => {
      const job = await app.inject({ url: `/api/checks/batch/${batch.json<{ id: string }>().id}` });
      expect(job.json<{ status: string }>().status).toBe('done');
    });

    await writeFile(join(dir, 'claims.json'), JSON.stringify({ claims }));
    await writeFile(join(dir, 'claims.ndjson'), ndjson);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      for (const file of ['claims.json', 'claims.ndjson'])
        expect(await runCheck(ctx, join(dir, file), { format: 'ndjson', json: false })).toBe(2);
    } finally {
      stdout.mockRestore();
    }
    await ctx.events.flush();

    // The whole row as text: every column, the jsonb included.
    const { rows } = await sql<{ row: string; type: string; claims: number | null }>`
      select e::text as row, e.type, (e.data ->> 'claims')::int as claims
      from events e`.execute(ctx.db);
    const checks = rows.filter((r) => r.type === 'check');
    // Four checks of the same two claims: the events are there, and they say something.
    expect(checks).toHaveLength(4);
    for (const check of checks) {
      expect(check.claims).toBe(2);
      expect(check.row).toContain('62264|77003');
    }
    for (const { row } of rows) for (const secret of secrets) expect(row).not.toContain(secret);
  });
});
