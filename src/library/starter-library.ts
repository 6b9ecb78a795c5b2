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

/** The starter files in import order (tables before documents). */
export async function starterLibraryFiles(dir = starterLibraryDir): Promise<string[]> {
  return (await readdir(dir))
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort((a, b) => Number(isProse(a)) - Number(isProse(b)) || a.localeCompare(b));
}

export interface StarterLoadOptions {
  dir?: string;
  /** Called before the first file (done 0) and after each imported file. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between files: once true, the load stops (a server shutting down). */
  stopped?: () => boolean;
}

/**
 * On first start (an empty library) every file of the starter library is imported, one
 * document at a time (each visible once it commits), so a new user has something to look at.
 * A library holding only starter files (a first start cut short) gets the missing ones, the
 * imported ones being no-ops (same bytes); a library holding any other document is left alone.
 */
export async function loadStarterLibraryIfEmpty(
  ctx: LibraryContext,
  options: StarterLoadOptions = {},
): Promise<ImportResult[]> {
  const names = await starterLibraryFiles(options.dir);
  const starter = new Set(names);
  const present = await listDocuments(ctx.db, ctx.orgId);
  const complete = present.length > 0 && names.every((n) => present.some((d) => d.file_name === n));
  if (complete || present.some((d) => !starter.has(d.file_name))) return [];
  const results: ImportResult[] = [];
  options.onProgress?.(0, names.length);
  for (const [index, name] of names.entries()) {
    if (options.stopped?.()) break;
    const dir = options.dir ?? starterLibraryDir;
    results.push(await importFile(ctx, { fileName: name, bytes: await readFile(join(dir, name)) }));
    options.onProgress?.(index + 1, names.length);
  }
  return results;
}
