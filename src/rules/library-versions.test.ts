import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Db, type OpenDatabase } from '../db/database.ts';
import {
  createTestPostgresDatabase,
  openTestDatabase,
  testDatabaseKinds,
} from '../db/test-databases.ts';
import { REFERENCE_ORG } from '../domain/reference-org.ts';
import { importFile } from '../library/import.service.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { removeDocument } from '../library/library.service.ts';
import { chooseReferenceDataset } from '../library/reference-choice.service.ts';
import { insertDocument } from '../library/store/document.repository.ts';
import { testContext } from '../../test/support/test-context.ts';
import { libraryChangeCount } from './library-version.repository.ts';
import { currentLibraryVersions } from './library-versions.ts';

// SAMPLE wording written for this test, not AMA descriptor text.
const table = (name: string, code: string) => ({
  fileName: name,
  bytes: Buffer.from(`Code,Long Descriptor\n${code},SAMPLE WORDING (not AMA text): a procedure\n`),
});

const aDocument = (orgId: string, hash: string) => ({
  org_id: orgId,
  dataset_key: `test-${hash}`,
  partial: false,
  kind: 'code-descriptors',
  title: 'A document written by the test',
  publisher: null,
  setting: null,
  system: null,
  language: null,
  release: null,
  file_name: 'test.csv',
  file_hash: hash,
  file_size: 1,
  effective_from: null,
  effective_to: null,
});

/** A request's context, as the server makes it (`forOrg` on the server's own context). */
const requestContext = (opened: OpenDatabase, orgId = 'default') =>
  forOrg(testContext(opened), orgId);

describe.each(testDatabaseKinds())('library versions on %s', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    opened = await openTestDatabase(kind);
    ctx = requestContext(opened);
    await importFile(ctx, table('first.csv', '62264'));
  });
  afterAll(async () => opened.close());

  test('are reused while no change commits: a document that slips past the count is not seen', async () => {
    const before = await currentLibraryVersions(ctx);
    expect(await currentLibraryVersions(ctx)).toEqual(before);
    // Without its trigger, an insert does not move the count: the versions stay as computed,
    // which shows they were reused, not read again.
    await sql`alter table documents disable trigger documents_count_change`.execute(opened.db);
    try {
      await insertDocument(opened.db, aDocument('default', 'slipped-past'));
    } finally {
      await sql`alter table documents enable trigger documents_count_change`.execute(opened.db);
    }
    expect(await currentLibraryVersions(ctx)).toEqual(before);
    // A context that computes them every time sees it.
    expect(await currentLibraryVersions(testContext(opened))).not.toEqual(before);
  });

  test('move on with every import, removal and reference opt-out that commits', async () => {
    let last = await currentLibraryVersions(ctx);
    // Each change gives new versions, equal to what a fresh computation gives.
    const changed = async () => {
      const now = await currentLibraryVersions(ctx);
      expect(now).not.toEqual(last);
      expect(now).toEqual(await currentLibraryVersions(testContext(opened)));
      last = now;
      return now;
    };
    const imported = await importFile(ctx, table('second.csv', '62263'));
    await changed();
    await removeDocument(ctx, imported.document.id);
    const withoutShared = await changed();
    const shared = (await importFile(forOrg(ctx, REFERENCE_ORG), table('shared.csv', '62281')))
      .document;
    const withShared = await changed();
    await chooseReferenceDataset(ctx, shared.dataset_key, false);
    expect(await changed()).toEqual(withoutShared);
    await chooseReferenceDataset(ctx, shared.dataset_key, true);
    expect(await changed()).toEqual(withShared);
  });

  test('a transaction reads its own documents, and nothing it read is kept', async () => {
    const before = await currentLibraryVersions(ctx);
    const count = await libraryChangeCount(opened.db);
    await expect(
      opened.db.transaction().execute(async (trx) => {
        await insertDocument(trx, aDocument('default', 'never-committed'));
        const inside = await currentLibraryVersions({ ...ctx, db: trx });
        expect(inside).not.toEqual(before);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await libraryChangeCount(opened.db)).toBe(count);
    expect(await currentLibraryVersions(ctx)).toEqual(before);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('library versions on two instances', () => {
  let created: Awaited<ReturnType<typeof createTestPostgresDatabase>>;
  let a: OpenDatabase;
  let b: OpenDatabase;

  beforeAll(async () => {
    created = await createTestPostgresDatabase();
    a = await openDatabase({ kind: 'postgres', url: created.url });
    b = await openDatabase({ kind: 'postgres', url: created.url });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await created.drop();
  });

  test('the count moves when a change commits, not before; the other instance sees it at once', async () => {
    const onA = requestContext(a);
    const onB = requestContext(b);
    const before = await currentLibraryVersions(onB);
    const count = await libraryChangeCount(b.db);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = a.db.transaction().execute(async (trx: Db) => {
      await insertDocument(trx, aDocument('default', 'committed-later'));
      inserted();
      await held;
    });
    await insertedYet;
    // Not committed: B's count and versions are as before.
    expect(await libraryChangeCount(b.db)).toBe(count);
    expect(await currentLibraryVersions(onB)).toEqual(before);
    release();
    await transaction;
    expect(await libraryChangeCount(b.db)).toBeGreaterThan(count);
    const after = await currentLibraryVersions(onB);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await currentLibraryVersions(onA));
  });
});
