import type { LibraryContext } from '../library/library-context.ts';
import { loadStarterLibraryIfEmpty } from '../library/starter-library.ts';
import type { StarterLibraryProgress } from '../library/starter-progress.ts';

/**
 * The first start's starter library, loaded while the server already answers: progress on the
 * console (`Starter library: 3/16 documents…`) and in `progress` (/health/ready, the web app's
 * banner). A failure is reported and leaves the server running with what was imported; the
 * next start imports the rest (loadStarterLibraryIfEmpty). Never rejects.
 */
export async function loadStarterInBackground(
  ctx: LibraryContext,
  progress: StarterLibraryProgress,
  stopped: () => boolean,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  try {
    const loaded = await loadStarterLibraryIfEmpty(ctx, {
      stopped,
      onProgress: (done, total) => {
        progress.advance(done, total);
        if (done < total) print(`Starter library: ${done}/${total} documents…`);
      },
    });
    progress.finish();
    if (loaded.length > 0) print(`Loaded the starter library: ${loaded.length} documents.`);
  } catch (error) {
    progress.fail();
    const reason = error instanceof Error ? error.message : String(error);
    print(`The starter library did not finish loading (${reason}); the next start goes on.`);
  }
}
