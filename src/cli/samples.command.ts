import { loadStarterLibraryIfEmpty } from '../library/starter-library.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { printJson, printLine } from './output.ts';

/** `codecard samples load`: the starter library into an empty library (what `npm start` does). */
export async function runSamples(
  ctx: LibraryContext,
  action: string | undefined,
  json: boolean,
): Promise<number> {
  if (action !== 'load')
    throw new CodecardError('BAD_INPUT', { detail: 'usage: codecard samples load' });
  const loaded = await loadStarterLibraryIfEmpty(ctx);
  if (json)
    printJson({
      loaded: loaded.map((r) => ({
        id: r.document.id,
        title: r.document.title,
        kind: r.document.kind,
        rowsStored: r.rowsStored,
      })),
    });
  else if (loaded.length === 0)
    printLine(
      'The library already holds documents; the starter library loads only into an empty one.',
    );
  else printLine(`Loaded the starter library: ${loaded.length} documents.`);
  return 0;
}
