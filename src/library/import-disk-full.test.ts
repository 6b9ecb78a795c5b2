import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { importFile } from './import.service.ts';
import type { LibraryContext } from './library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

/**
 * A full disk cannot be made here (no root mounts), so the database is wrapped: once armed, the
 * second insert fails the way PostgreSQL reports a full disk (SQLSTATE 53100), after earlier
 * statements of the import's transaction were written.
 */
function diskFillsUp(failOnInsert: number): KyselyPlugin & { armed: boolean } {
  const inserts = new WeakSet<object>();
  let seen = 0;
  return {
    armed: false,
    transformQuery(args) {
      if (args.node.kind === 'InsertQueryNode') inserts.add(args.queryId);
      return args.node;
    },
    transformResult(args) {
      if (this.armed && inserts.has(args.queryId) && ++seen === failOnInsert)
        return Promise.reject(
          Object.assign(
            new Error('could not extend file "base/5/16410": No space left on device'),
            { code: '53100' },
          ),
        );
      return Promise.resolve(args.result);
    },
  };
}

describe('an import that runs out of disk', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite'));
  });
  afterAll(async () => opened.close());

  const counts = async () =>
    (
      await sql<{ documents: number; passages: number }>`
        select (select count(*)::int from documents) as documents,
               (select count(*)::int from passages) as passages`.execute(ctx.db)
    ).rows[0];

  test('rolls back and reports DISK_FULL naming the file, then imports when space is back', async () => {
    const fault = diskFillsUp(2);
    const faulty: LibraryContext = { ...ctx, db: ctx.db.withPlugin(fault) };
    const file = {
      fileName: 'guidance.txt',
      bytes: Buffer.from('Report 62264 once per session.\n\nCPT 20610 is an injection.\n'),
    };
    const before = await counts();
    fault.armed = true;
    const failure = await importFile(faulty, file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CodecardError);
    expect(failure).toMatchObject({ code: 'DISK_FULL', status: 507 });
    expect((failure as Error).message).toMatch(/^guidance\.txt: no space left on the device/);
    expect(await counts()).toEqual(before);
    fault.armed = false;
    const retried = await importFile(faulty, file);
    expect(retried.status).toBe('imported');
  });
});
