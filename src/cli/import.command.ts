import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CodecardError } from '../errors/codecard-error.ts';
import { importFile } from '../library/import.service.ts';
import { importOptions, type RawImportOptions } from '../library/import-options.ts';
import { intakeLimits } from '../library/intake/limits.ts';
import { summarize } from '../library/library.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { printJson, printLine, reportError } from './output.ts';
import { terminalProgress } from './progress-bar.ts';
import { readInputFile } from './read-input-file.ts';
import type { ImportResult } from '../library/import-result.ts';

export interface ImportFlags extends RawImportOptions {
  json: boolean;
}

/** Imports each file in turn; one failure does not stop the others, but sets the exit code. */
export async function runImport(
  ctx: LibraryContext,
  files: string[],
  flags: ImportFlags,
): Promise<number> {
  if (files.length === 0)
    throw new CodecardError('BAD_INPUT', { detail: 'import needs at least one FILE' });
  const options = importOptions(flags);
  const results: unknown[] = [];
  let exitCode = 0;
  for (const path of files) {
    const progress = terminalProgress(basename(path));
    try {
      const size = await fileSize(path);
      if (size > intakeLimits.maxFileBytes) {
        throw new CodecardError('FILE_TOO_LARGE', {
          file: path,
          size,
          limit: intakeLimits.maxFileBytes,
        });
      }
      const bytes = await readInputFile(path);
      const result = await importFile(
        ctx,
        { fileName: basename(path), bytes },
        options,
        progress.listener,
      );
      progress.end();
      results.push({ file: path, ...resultJson(result) });
      if (!flags.json) printSummary(path, result);
    } catch (error) {
      progress.end();
      exitCode = Math.max(exitCode, reportError(error, false));
      if (error instanceof CodecardError) {
        results.push({ file: path, error: { code: error.code, message: error.message } });
      } else {
        results.push({ file: path, error: { code: 'UNEXPECTED', message: String(error) } });
      }
    }
  }
  if (flags.json) printJson({ results });
  return exitCode;
}

function resultJson(result: ImportResult) {
  return {
    status: result.status,
    document: summarize(result.document),
    rowsRead: result.rowsRead,
    rowsStored: result.rowsStored,
    rowsSkipped: result.rowsSkipped,
    skippedReasons: result.skippedReasons,
    durationMs: Math.round(result.durationMs),
  };
}

function printSummary(path: string, result: ImportResult): void {
  const doc = result.document;
  if (result.status === 'unchanged') {
    printLine(`${path}: already in the library as document ${doc.id} (same bytes); nothing to do`);
    return;
  }
  const seconds = (result.durationMs / 1000).toFixed(1);
  const rate = Math.round(result.rowsRead / Math.max(result.durationMs / 1000, 0.001));
  const period = `${doc.effective_from ?? 'from the start'}${doc.effective_to ? ` to ${doc.effective_to}` : ''}`;
  printLine(
    `${path}: document ${doc.id}, ${doc.kind}${doc.setting ? ` (${doc.setting})` : ''}` +
      `${doc.release ? ` ${doc.release}` : ''}${doc.partial ? ' (partial release)' : ''}, effective ${period}`,
  );
  printLine(
    `  ${result.rowsRead.toLocaleString('en-US')} read, ${result.rowsStored.toLocaleString('en-US')} stored, ` +
      `${result.rowsSkipped.toLocaleString('en-US')} skipped in ${seconds}s (${rate.toLocaleString('en-US')} rows/s)`,
  );
  for (const [reason, count] of Object.entries(result.skippedReasons)) {
    printLine(`  skipped ${count.toLocaleString('en-US')}: ${reason}`);
  }
}

/** The size before reading, so an oversized file is refused without loading it. */
async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // reading it next reports what is wrong (missing, unreadable)
  }
}
