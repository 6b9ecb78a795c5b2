import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Kysely } from 'kysely';
import type { OpenDatabase } from '../db/database.ts';
import { up } from '../db/migrations/20261205010000-drop-feedback-comments-from-events.ts';
import { openTestDatabase, testDatabaseKinds } from '../db/test-databases.ts';
import { insertEvents } from './event.repository.ts';

/** Comments written into feedback events before they held the vote only are removed. */
describe.each(testDatabaseKinds())('the feedback-comments migration (%s)', (kind) => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase(kind);
  }, 60_000);
  afterAll(async () => opened.close());

  test('takes the comment out of feedback events and leaves the vote and other events', async () => {
    const at = new Date().toISOString();
    await insertEvents(opened.db, [
      { org_id: 'o', type: 'feedback', at, data: '{"vote":"down","comment":"MRN 4821"}' },
      { org_id: 'o', type: 'feedback', at, data: '{"vote":"up"}' },
      { org_id: 'o', type: 'import', at, data: '{"kind":"pdf","comment":"kept"}' },
    ]);
    await up(opened.db as unknown as Kysely<unknown>);
    const rows = await opened.db
      .selectFrom('events')
      .select(['type', 'data'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { type: 'feedback', data: { vote: 'down' } },
      { type: 'feedback', data: { vote: 'up' } },
      { type: 'import', data: { kind: 'pdf', comment: 'kept' } },
    ]);
  });
});
