import { afterAll, describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { DocumentKind, ParsedDocument } from '../import-kind.ts';
import { ParserPool } from './parser-pool.ts';
import { makeDocx, makePdf } from './test-fixtures.ts';

const pools: ParserPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

function pool(options: ConstructorParameters<typeof ParserPool>[0] = {}): ParserPool {
  const made = new ParserPool(options);
  pools.push(made);
  return made;
}

async function failure(promise: Promise<ParsedDocument>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the document was accepted');
}

async function tooComplex(promise: Promise<ParsedDocument>): Promise<string> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(CodecardError);
  expect((error as CodecardError).code).toBe('DOCUMENT_TOO_COMPLEX');
  return (error as CodecardError).message;
}

const sample = {
  fileName: 'ok.md',
  bytes: Buffer.from('# Sample\n\nCode 62321 is reported once.\n'),
};

/** Many tiny paragraphs: a few MB of text that needs far more heap as passages. */
const hungry = Buffer.from('a\n\n'.repeat(600_000));

describe('ParserPool', () => {
  it('parses every prose kind in a worker thread', async () => {
    const parsers = pool();
    const files: [DocumentKind, string, Buffer][] = [
      ['pdf', 'a.pdf', makePdf()],
      ['docx', 'a.docx', makeDocx()],
      ['html', 'a.html', Buffer.from('<h1>Sample</h1><p>Code 62321.</p>')],
      ['markdown', sample.fileName, sample.bytes],
      ['text', 'a.txt', Buffer.from('Sample text.\n\nCode 62321.')],
    ];
    for (const [kind, fileName, bytes] of files) {
      const parsed = await parsers.parse(kind, { fileName, bytes });
      expect(parsed.passages.length, kind).toBeGreaterThan(0);
    }
  });

  it('fails a document that exhausts the heap cap, then parses the next one', async () => {
    const parsers = pool({ maxHeapMb: 32, limits: { maxPassages: 10_000_000 } });
    const message = await tooComplex(
      parsers.parse('text', { fileName: 'bomb.txt', bytes: hungry }),
    );
    expect(message).toBe(
      'bomb.txt: the parser needed more than 32 MB of memory (limit CODECARD_PARSE_HEAP_MB)',
    );
    expect((await parsers.parse('markdown', sample)).passages).toHaveLength(1);
  });

  it('fails a document that takes too long, then parses the next one', async () => {
    const parsers = pool({ timeoutMs: 1 });
    const message = await tooComplex(parsers.parse('markdown', sample));
    expect(message).toBe('ok.md: parsing took longer than 1 ms (limit CODECARD_PARSE_TIMEOUT_MS)');
    parsers.timeoutMs = 60_000;
    expect((await parsers.parse('markdown', sample)).passages).toHaveLength(1);
  });

  it('stops a running parse when the signal aborts, and the reason reaches the caller', async () => {
    const parsers = pool({ limits: { maxPassages: 10_000_000 } });
    const controller = new AbortController();
    const running = parsers.parse(
      'text',
      { fileName: 'slow.txt', bytes: hungry },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 50);
    expect(await failure(running)).toEqual(new Error('cancelled by the user'));
    expect((await parsers.parse('markdown', sample)).passages).toHaveLength(1);
  });

  it('refuses at once when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const error = await failure(pool().parse('markdown', sample, { signal: controller.signal }));
    expect(error).toEqual(new Error('gone'));
  });

  it('refuses more passages than the limit, naming it', async () => {
    const paragraph = 'A sample paragraph long enough to stand as a passage of its own. '.repeat(4);
    const bytes = Buffer.from(`${paragraph}\n\n${paragraph}`);
    const message = await tooComplex(
      pool({ limits: { maxPassages: 1 } }).parse('text', { fileName: 'many.txt', bytes }),
    );
    expect(message).toBe('many.txt: more than 1 passages (limit maxPassages)');
  });

  it('parses documents one after another when more arrive at once', async () => {
    const parsers = pool();
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        parsers.parse('text', { fileName: `${i}.txt`, bytes: Buffer.from(`Document ${i}.`) }),
      ),
    );
    expect(results.map((r) => r.passages[0]?.text)).toEqual([
      'Document 0.',
      'Document 1.',
      'Document 2.',
      'Document 3.',
    ]);
  });
});
