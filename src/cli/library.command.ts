import { CodecardError } from '../errors/codecard-error.ts';
import { listLibrary, removeDocument } from '../library/library.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { printJson, printLine } from './output.ts';

export async function runLibrary(ctx: LibraryContext, json: boolean): Promise<number> {
  const documents = await listLibrary(ctx);
  if (json) {
    printJson({ documents });
    return 0;
  }
  if (documents.length === 0) {
    printLine('The library is empty. Add files with: codecard import FILE...');
    return 0;
  }
  printLine(['ID', 'KIND', 'SETTING', 'VERSION', 'EFFECTIVE', 'ROWS', 'TITLE'].join('\t'));
  for (const d of documents) {
    const period = `${d.effectiveFrom ?? '…'}..${d.effectiveTo ?? ''}`;
    printLine(
      [d.id, d.kind, d.setting ?? '-', d.release ?? '-', period, d.rowsStored, d.title].join('\t'),
    );
  }
  return 0;
}

export async function runRemove(
  ctx: LibraryContext,
  idText: string | undefined,
  json: boolean,
): Promise<number> {
  const id = Number(idText);
  if (!idText || !Number.isInteger(id) || id <= 0) {
    throw new CodecardError('BAD_INPUT', {
      detail: 'remove needs a document ID (see `codecard library`)',
    });
  }
  const removed = await removeDocument(ctx, id);
  if (json) printJson({ removed });
  else
    printLine(
      `Removed document ${removed.id} "${removed.title}" and its ${removed.rowsStored} rows.`,
    );
  return 0;
}
