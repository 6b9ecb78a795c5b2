import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db, OpenDatabase } from '../db/database.ts';
import { openTestDatabase } from '../db/test-databases.ts';
import { EventRecorder } from './event-recorder.ts';
import type { AppEvent } from '../domain/app-event.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Long enough that only a full batch, flush() or the test itself starts a write. */
const NEVER = 60 * 60 * 1000;

/** Counts queries and inserts; with `fail`, refuses inserts as a broken database would. */
function insertWatcher(fail = false): KyselyPlugin & { inserts: number; queries: number } {
  return {
    inserts: 0,
    queries: 0,
    transformQuery({ node }): RootOperationNode {
      this.queries++;
      if (node.kind === 'InsertQueryNode') {
        this.inserts++;
        if (fail) throw Object.assign(new Error('insert refused: PATIENT-LIKE'), { code: '08006' });
      }
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
}

const question = (code: string): AppEvent => ({
  type: 'question',
  data: { intent: 'card', codes: [code], answered: true, latencyMs: 3, lang: 'en' },
});

describe('EventRecorder', () => {
  let opened: OpenDatabase;
  let db: Db;

  beforeAll(async () => {
    opened = await openTestDatabase('pglite');
    db = opened.db;
  });
  afterAll(async () => opened.close());
  beforeEach(async () => {
    await db.deleteFrom('events').execute();
  });

  const count = async () =>
    Number(
      (await db.selectFrom('events').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    );

  test('many events go to the database in one insert, and record() waits for none of it', async () => {
    const watcher = insertWatcher();
    const recorder = new EventRecorder(db.withPlugin(watcher), { flushIntervalMs: NEVER });
    for (let i = 0; i < 120; i++) recorder.record('org-a', question(String(62000 + i)));
    expect(watcher.inserts).toBe(0);
    expect(await count()).toBe(0);
    await recorder.flush();
    expect(watcher.inserts).toBe(1);
    expect(await count()).toBe(120);
    const row = await db.selectFrom('events').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: 'org-a', type: 'question', data: question('62000').data });
  });

  test('flush() writes everything, in batches of at most maxBatch rows', async () => {
    const watcher = insertWatcher();
    const recorder = new EventRecorder(db.withPlugin(watcher), {
      flushIntervalMs: NEVER,
      maxBatch: 500,
    });
    for (let i = 0; i < 1_234; i++) recorder.record('org-a', question('62264'));
    await recorder.flush();
    expect(await count()).toBe(1_234);
    expect(watcher.inserts).toBe(3);
  });

  test('a full batch is written without waiting for the timer or a flush', async () => {
    const recorder = new EventRecorder(db, { flushIntervalMs: NEVER, maxBatch: 10 });
    for (let i = 0; i < 10; i++) recorder.record('org-a', question('62264'));
    await vi.waitFor(async () => expect(await count()).toBe(10));
  });

  test('the timer writes what is queued', async () => {
    const recorder = new EventRecorder(db, { flushIntervalMs: 5 });
    recorder.record('org-a', question('62264'));
    await vi.waitFor(async () => expect(await count()).toBe(1));
  });

  test('a failing write never reaches the caller and is logged without event content', async () => {
    const log = vi.fn<(message: string) => void>();
    const recorder = new EventRecorder(db.withPlugin(insertWatcher(true)), {
      flushIntervalMs: NEVER,
      log,
    });
    expect(() => recorder.record('org-a', question('SECRET'))).not.toThrow();
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith('could not write 1 usage events: database error 08006');
    for (const [message] of log.mock.calls) expect(message).not.toMatch(/SECRET|PATIENT/);
    // The recorder keeps working once the database does.
    const healthy = new EventRecorder(db, { flushIntervalMs: NEVER, log });
    healthy.record('org-a', question('62264'));
    await healthy.flush();
    expect(await count()).toBe(1);
  });

  test('events beyond maxQueued are dropped and counted, not held', async () => {
    const log = vi.fn<(message: string) => void>();
    const recorder = new EventRecorder(db, {
      flushIntervalMs: NEVER,
      maxBatch: 1_000,
      maxQueued: 5,
      log,
    });
    for (let i = 0; i < 8; i++) recorder.record('org-a', question('62264'));
    await recorder.flush();
    expect(await count()).toBe(5);
    expect(log).toHaveBeenCalledWith('3 usage events were dropped: too many waiting to be written');
  });

  test('retention deletes events older than the setting, at most once an hour', async () => {
    let now = Date.parse('2026-11-27T12:00:00Z');
    const recorder = new EventRecorder(db, {
      flushIntervalMs: NEVER,
      retentionDays: 400,
      now: () => new Date(now),
    });
    const insertAt = (daysAgo: number) =>
      sql`insert into events (org_id, type, at, data)
        values ('org-a', 'question', ${new Date(now - daysAgo * DAY_MS).toISOString()}::timestamptz, '{}')`.execute(
        db,
      );
    await insertAt(401);
    await insertAt(399);
    recorder.record('org-a', question('62264'));
    await recorder.flush();
    expect(await count()).toBe(2);

    // Within the hour: a new old row stays until the next pruning.
    await insertAt(500);
    now += 30 * 60 * 1000;
    recorder.record('org-a', question('62264'));
    await recorder.flush();
    expect(await count()).toBe(4);
    now += 31 * 60 * 1000;
    recorder.record('org-a', question('62264'));
    await recorder.flush();
    expect(await count()).toBe(4);
    const expired = await sql<{ n: number }>`
      select count(*) as n from events
      where at < ${new Date(now - 400 * DAY_MS).toISOString()}::timestamptz`.execute(db);
    expect(Number(expired.rows[0]!.n)).toBe(0);
  });

  test('an idle flush sends no query', async () => {
    const watcher = insertWatcher();
    const recorder = new EventRecorder(db.withPlugin(watcher), { flushIntervalMs: NEVER });
    await recorder.flush();
    expect(watcher.queries).toBe(0);
  });
});
