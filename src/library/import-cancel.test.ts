import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { importFile } from './import.service.ts';
import { listLibrary } from './library.service.ts';

describe('importing a prose document through the parser pool', () => {
  let library: TestLibrary;
  beforeAll(async () => {
    library = await openTestLibrary();
  });
  afterAll(async () => library.opened.close());

  it('stops parsing when the import is cancelled, leaving the library unchanged', async () => {
    const before = await listLibrary(library.ctx);
    const controller = new AbortController();
    const bytes = Buffer.from('Sample paragraph.\n\n'.repeat(400_000));
    const importing = importFile(
      library.ctx,
      { fileName: 'long.txt', bytes },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    await expect(importing).rejects.toThrow('cancelled');
    expect(await listLibrary(library.ctx)).toEqual(before);
  });

  it('refuses a document over a work limit with DOCUMENT_TOO_COMPLEX (422)', async () => {
    const html = Buffer.from(`<html><body>${'<div>'.repeat(5_000)}deep</body></html>`);
    const error = await importFile(library.ctx, { fileName: 'deep.html', bytes: html }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).status).toBe(422);
    expect((error as CodecardError).message).toBe(
      'deep.html: elements nested deeper than 200 levels (limit maxNestingDepth)',
    );
  });
});
