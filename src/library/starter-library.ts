import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importFile } from './import.service.ts';
import type { LibraryContext } from './library-context.ts';
import { listDocuments } from './store/document.repository.ts';
import type { ImportResult } from './import-result.ts';

// Tables first, so code ranges in the documents expand against the codes the tables define.
const isProse = (name: string) => /\.(md|markdown|html?|pdf|docx|txt)$/i.test(name);

/** The authored demo library, shipped as data and imported like any upload. */
export const starterLibraryDir = new URL('../../samples/starter-library/', import.meta.url)
  .pathname;

/**
 * On first start (an empty library) every file of the starter library is imported, so a new
 * user has something to look at. A library that already holds documents is left alone.
 */
export async function loadStarterLibraryIfEmpty(
  ctx: LibraryContext,
  dir = starterLibraryDir,
): Promise<ImportResult[]> {
  if ((await listDocuments(ctx.db, ctx.orgId)).length > 0) return [];
  const names = (await readdir(dir))
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort((a, b) => Number(isProse(a)) - Number(isProse(b)) || a.localeCompare(b));
  const results: ImportResult[] = [];
  for (const name of names) {
    results.push(await importFile(ctx, { fileName: name, bytes: await readFile(join(dir, name)) }));
  }
  return results;
}
