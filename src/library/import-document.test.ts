import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { composeCard } from '../cards/compose-card.ts';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { importDocument, type ProseImportLimits } from './import-document.ts';
import type { ImportOptions } from './import-kind.ts';
import type { ProgressListener } from './import-progress.ts';
import { importFile } from './import.service.ts';
import type { LibraryContext } from './library-context.ts';
import { listLibrary } from './library.service.ts';
import { findDocumentFile } from './store/document-file.repository.ts';

const CODE = '62323';
const TITLE = 'Sample dense guidance';
const LINES = 3_000;

/** Sample prose (authored for tests) with a code on every line: ~750 passages. */
function denseText(variant = ''): { fileName: string; bytes: Buffer } {
  const lines: string[] = [TITLE, '', `Sample variant ${variant}.`];
  for (let i = 1; i <= LINES; i++) {
    lines.push(
      i % 40 === 0
        ? `Sample note ${i}: codes 62321-62327 need imaging guidance.`
        : `Sample guidance ${i}: report ${CODE} once per session.`,
    );
    if (i % 5 === 0) lines.push('');
  }
  return { fileName: 'sample-dense.txt', bytes: Buffer.from(lines.join('\n')) };
}

const smallBatches: ProseImportLimits = { maxMentions: 1_000_000, batchPassages: 20 };

function importDense(
  ctx: LibraryContext,
  options: {
    limits?: ProseImportLimits;
    onProgress?: ProgressListener;
    variant?: string;
  } & ImportOptions = {},
) {
  const { limits = smallBatches, onProgress = () => {}, variant, ...importOptions } = options;
  const file = denseText(variant);
  const hash = createHash('sha256').update(file.bytes).digest('hex');
  return importDocument(ctx, file, 'text', importOptions, hash, onProgress, limits);
}

/** Everything a prose import writes, counted across the store. */
async function stored(ctx: LibraryContext) {
  const { rows } = await sql<{
    documents: number;
    passages: number;
    mentions: number;
    files: number;
  }>`
    select (select count(*)::int from documents) as documents,
           (select count(*)::int from passages) as passages,
           (select count(*)::int from code_mentions) as mentions,
           (select count(*)::int from document_files) as files`.execute(ctx.db);
  return rows[0]!;
}

/** Citations of the dense document anywhere on the card of CODE. */
async function denseCitations(ctx: LibraryContext): Promise<number> {
  const card = await composeCard(ctx, {
    code: CODE,
    dos: '2026-01-15',
    setting: 'practitioner',
    lang: 'en',
  });
  return card.sections
    .flatMap((s) => s.items.flatMap((i) => i.citations))
    .filter((c) => c.title === TITLE).length;
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the import did not fail');
}

describe('a prose import on the embedded store is staged', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite'));
    await importFile(ctx, {
      fileName: 'codes.csv',
      bytes: Buffer.from(`code,description\n${CODE},"Sample epidural injection"\n`),
    });
  });
  afterAll(async () => opened.close());

  test('reads run between its batches and see nothing of it until it commits', async () => {
    const before = await stored(ctx);
    let finished = false;
    const importing = importDense(ctx).then((version) => {
      finished = true;
      return version;
    });
    // PGlite answers in microtasks: the loop lets the event loop turn (the parser thread's
    // answer is a message), and each read waits for one batch's transaction.
    while ((await stored(ctx)).passages === before.passages) {
      expect(finished).toBe(false);
      await setImmediate();
    }
    expect(finished).toBe(false);
    expect((await listLibrary(ctx)).map((d) => d.title)).not.toContain(TITLE);
    expect(await denseCitations(ctx)).toBe(0);

    const version = await importing;
    expect((await listLibrary(ctx)).map((d) => d.title)).toContain(TITLE);
    expect(await denseCitations(ctx)).toBeGreaterThan(0);
    const after = await stored(ctx);
    expect(after.passages - before.passages).toBe(version.rowsStored);
    // One per line: the library knows one code of the range 62321-62327.
    expect(after.mentions - before.mentions).toBe(LINES);
  });

  test('cancelled between batches, it leaves the store as it was', async () => {
    const before = await stored(ctx);
    const controller = new AbortController();
    const error = await failureOf(
      importDense(ctx, {
        variant: 'cancelled',
        signal: controller.signal,
        onProgress: ({ phase, done }) => {
          if (phase === 'storing' && done >= 100) controller.abort(new Error('cancelled'));
        },
      }),
    );
    expect(String(error)).toContain('cancelled');
    expect(await stored(ctx)).toEqual(before);
  });

  test('failing midway, it leaves the store as it was', async () => {
    const before = await stored(ctx);
    let batches = 0;
    const error = await failureOf(
      importDense(ctx, {
        variant: 'failing',
        onProgress: ({ phase }) => {
          if (phase === 'storing' && ++batches === 5) throw new Error('injected failure');
        },
      }),
    );
    expect(String(error)).toContain('injected failure');
    expect(batches).toBe(5);
    expect(await stored(ctx)).toEqual(before);
  });
});

describe.each(testDatabaseKinds())('a prose import (%s)', (kind) => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind));
  });
  afterAll(async () => opened.close());

  test('over maxMentions is refused with DOCUMENT_TOO_COMPLEX and changes nothing', async () => {
    const before = await stored(ctx);
    const error = await failureOf(
      importDense(ctx, { limits: { maxMentions: 1_000, batchPassages: 20 } }),
    );
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).code).toBe('DOCUMENT_TOO_COMPLEX');
    expect((error as CodecardError).message).toBe(
      'sample-dense.txt: more than 1000 code mentions (limit maxMentions)',
    );
    expect(await stored(ctx)).toEqual(before);
  });

  test('keeps the original bytes exactly', async () => {
    const version = await importDense(ctx);
    const file = await findDocumentFile(ctx.db, ctx.orgId, version.document.id);
    expect(file?.content_type).toBe('text/plain');
    expect(Buffer.from(file!.bytes).equals(denseText().bytes)).toBe(true);
    const { rows } = await sql<{ ordinals: number; first: number; last: number }>`
      select count(distinct ordinal)::int as ordinals, min(ordinal) as first, max(ordinal) as last
      from passages where document_id = ${version.document.id}`.execute(ctx.db);
    expect(rows[0]).toEqual({ ordinals: version.rowsStored, first: 1, last: version.rowsStored });
  });
});
