import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createCardCache } from '../../src/cards/card-cache.ts';
import { composeCard, type CardRequest } from '../../src/cards/compose-card.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { createTestPostgresDatabase, openTestDatabase } from '../../src/db/test-databases.ts';
import { importFile } from '../../src/library/import.service.ts';
import { forOrg, replicaOf, type LibraryContext } from '../../src/library/library-context.ts';
import { readingContext } from '../../src/rules/library-version-reader.ts';
import { loadStarterLibraryIfEmpty } from '../../src/library/starter-library.ts';
import { searchCodes } from '../../src/codes/code-search.ts';
import { checkAllClaims } from '../../src/check/check-claims.ts';
import { askQuestion } from '../../src/ask/ask.service.ts';
import { testContext } from '../support/test-context.ts';
import { buildTestApp, testApiKey } from '../../src/http/test-app.ts';
import { insertOrg } from '../../src/access/orgs.repository.ts';

// SAMPLE wording written for these tests, not AMA descriptor text.
const codeTable = (name: string, wording: string) => ({
  fileName: name,
  bytes: Buffer.from(`Code,Long Descriptor\n62264,SAMPLE WORDING (not AMA text): ${wording}\n`),
});
const first = codeTable('sample-codes.csv', 'a sample procedure');
const second = codeTable('sample-other.csv', 'a second table words it otherwise');
const request: CardRequest = {
  code: '62264',
  dos: '2026-11-27',
  setting: 'practitioner',
  lang: 'en',
};
const hasConflict = (card: { conflicts: { section: string }[] }) =>
  card.conflicts.some((c) => c.section === 'descriptor');

/** A context wired as serve wires it: the primary, its fence, and the replica. */
function replicaContext(opened: OpenDatabase): LibraryContext {
  return { ...testContext(opened), ...replicaOf(opened) };
}

describe.runIf(process.env.TEST_DATABASE_URL)('the read replica (PostgreSQL)', () => {
  describe('the same server as primary and replica', () => {
    let opened: OpenDatabase;
    let ctx: LibraryContext;

    beforeAll(async () => {
      opened = await openTestDatabase('postgres', { readUrl: (own) => own });
      ctx = replicaContext(opened);
      await importFile(ctx, first);
    });
    afterAll(async () => opened.close());

    test('reference reads go to the replica, and the card is the one the primary composes', async () => {
      expect(opened.read).toBeDefined();
      const reading = await readingContext(ctx);
      expect(reading.db).toBe(opened.read!.db);
      const cache = createCardCache({ entries: 10 });
      const card = await cache.card(ctx, request);
      expect(card).toEqual(await composeCard(ctx, request));
      expect(await cache.card(ctx, request)).toBe(card);
    });

    test('replica sessions are read-only: a write sent there fails', async () => {
      await expect(
        sql`insert into reference_opt_outs (org_id, dataset_key) values ('x', 'y')`.execute(
          opened.read!.db,
        ),
      ).rejects.toMatchObject({ code: '25006' });
    });

    test('the replica is fenced per organization like the primary', async () => {
      const count = async (db: LibraryContext['db']) =>
        Number(
          (await sql<{ n: number }>`select count(*)::int as n from documents`.execute(db)).rows[0]
            ?.n,
        );
      const own = forOrg(ctx, 'default');
      const other = forOrg(ctx, 'other');
      expect(own.readDb).not.toBe(opened.read!.db);
      expect(await count(own.readDb!)).toBe(1);
      expect(await count(other.readDb!)).toBe(0);
      expect((await readingContext(other)).db).toBe(other.readDb);
    });
  });

  test('cards, search, ask and single checks all run on a read-only replica (starter library)', async () => {
    const opened = await openTestDatabase('postgres', { readUrl: (own) => own });
    try {
      const ctx = replicaContext(opened);
      await loadStarterLibraryIfEmpty(ctx);
      // Each reads through the replica (whose sessions refuse writes), as its route does.
      const reading = await readingContext(ctx);
      expect(reading.db).toBe(ctx.readDb);
      const card = await createCardCache({ entries: 10 }).card(ctx, request);
      expect(card.sections.length).toBeGreaterThan(3);
      const hits = await searchCodes(reading, '6226', { dos: request.dos });
      expect(hits.map((h) => h.code)).toContain('62264');
      const line = {
        modifiers: [],
        units: 1,
        dateOfService: request.dos,
        diagnoses: [],
        provider: null,
      };
      const [result] = await checkAllClaims(
        reading,
        [
          {
            id: 'c1',
            setting: 'practitioner',
            lines: [
              { ...line, code: '62264', source: 'line 1' },
              { ...line, code: '62263', source: 'line 2' },
            ],
          },
        ],
        'en',
      );
      expect(result?.findings.some((f) => f.rule === 'ptp')).toBe(true);
      // Ask reads the library from the replica and writes its thread to the primary.
      const asked = await askQuestion(ctx, { question: 'can I bill 62264 with 62263?' });
      expect(asked.threadId).toBeTruthy();
      expect(asked.answer.citations?.length ?? 0).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });

  test('over HTTP: fenced per organization on the replica, and an import shows on the next card', async () => {
    const opened = await openTestDatabase('postgres', { readUrl: (own) => own });
    try {
      const ctx = replicaContext(opened);
      await importFile(ctx, first);
      await insertOrg(ctx.db, { id: 'other', name: 'Other clinic' });
      const app = await buildTestApp(ctx, { as: null });
      const own = { authorization: `Bearer ${await testApiKey(forOrg(ctx, 'default'), 'viewer')}` };
      const other = { authorization: `Bearer ${await testApiKey(forOrg(ctx, 'other'), 'viewer')}` };
      const url = '/api/cards/cpt/62264?dos=2026-11-27';
      const card = await app.inject({ url, headers: own });
      expect(card.statusCode).toBe(200);
      expect(hasConflict(card.json())).toBe(false);
      // A hit (the same frozen card) goes through the reply contract and serializer unchanged.
      expect((await app.inject({ url, headers: own })).json()).toEqual(card.json());
      // The other organization's request reads the same replica, fenced: not its document.
      expect((await app.inject({ url, headers: other })).statusCode).toBe(404);
      const search = await app.inject({ url: '/api/codes?q=6226', headers: own });
      expect(search.json<{ results: { code: string }[] }>().results[0]?.code).toBe('62264');
      expect((await app.inject({ url: '/api/codes?q=6226', headers: other })).json()).toEqual({
        results: [],
      });
      await importFile(ctx, second);
      expect(hasConflict((await app.inject({ url, headers: own })).json())).toBe(true);
      await app.close();
    } finally {
      await opened.close();
    }
  });

  describe('a replica that lags', () => {
    let replica: OpenDatabase;
    let primary: OpenDatabase;
    let dropReplica: () => Promise<void>;
    let ctx: LibraryContext;

    beforeAll(async () => {
      // The "replica" is a second database that replays the primary's imports by hand, late.
      const created = await createTestPostgresDatabase();
      dropReplica = () => created.drop();
      replica = await openDatabase({ kind: 'postgres', url: created.url });
      primary = await openTestDatabase('postgres', { readUrl: () => created.url });
      ctx = replicaContext(primary);
      await importFile(ctx, first);
      await importFile(testContext(replica), first);
    });
    afterAll(async () => {
      await primary.close();
      await replica.close();
      await dropReplica();
    });

    test('never shows an older library: an import it lacks sends the request to the primary', async () => {
      const cache = createCardCache({ entries: 10 });
      expect((await readingContext(ctx)).db).toBe(ctx.readDb);
      const before = await cache.card(ctx, request);
      expect(hasConflict(before)).toBe(false);
      await importFile(ctx, second); // committed on the primary, not yet on the replica
      const reading = await readingContext(ctx);
      expect(reading.db).toBe(ctx.db);
      const after = await cache.card(ctx, request);
      expect(hasConflict(after)).toBe(true);
      expect(after.libraryVersion).not.toBe(before.libraryVersion);
      // The replica catches up: reads go back to it, and the card is the same library's.
      await importFile(testContext(replica), second);
      expect((await readingContext(ctx)).db).toBe(ctx.readDb);
      const caughtUp = await createCardCache({ entries: 10 }).card(ctx, request);
      expect(caughtUp).toEqual(after);
    });
  });

  test('a replica that does not answer is skipped: reads go to the primary', async () => {
    const opened = await openTestDatabase('postgres', {
      readUrl: (own) => own.replace(/\/codecard_t_\w+$/, '/codecard_no_such_database'),
    });
    try {
      const ctx = replicaContext(opened);
      await importFile(ctx, first);
      expect((await readingContext(ctx)).db).toBe(ctx.db);
      expect((await createCardCache({ entries: 10 }).card(ctx, request)).code).toBe('62264');
    } finally {
      await opened.close();
    }
  });

  test('two instances on one database: an import on one makes the other one’s next card new', async () => {
    const created = await createTestPostgresDatabase();
    const a = await openDatabase({ kind: 'postgres', url: created.url });
    const b = await openDatabase({ kind: 'postgres', url: created.url, readUrl: created.url });
    try {
      const onA = testContext(a);
      const onB = replicaContext(b);
      await importFile(onA, first);
      const cacheB = createCardCache({ entries: 10 });
      const before = await cacheB.card(onB, request);
      expect(await cacheB.card(onB, request)).toBe(before);
      await importFile(onA, second);
      const after = await cacheB.card(onB, request);
      expect(after).not.toBe(before);
      expect(hasConflict(after)).toBe(true);
    } finally {
      await a.close();
      await b.close();
      await created.drop();
    }
  });
});
