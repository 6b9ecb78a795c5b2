import { inflateEntry, type ZipEntryInfo } from '../intake/zip-guard.ts';
import { documentTooComplex } from '../parsers/work-limits.ts';
import type { WorkbookLimits } from './workbook-limits.ts';

const LT = 0x3c;
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * Checks a workbook's XML parts before exceljs reads them, from the sizes the zip guard counted
 * and one streamed pass over each part (bytes only, nothing decoded or kept): the shared strings
 * must fit `maxSharedStringsBytes`, and no run between two `<` may be longer than
 * `maxXmlTokenBytes`, so no single cell or tag makes the XML reader hold megabytes at once.
 */
export async function checkWorkbookParts(
  bytes: Buffer,
  entries: readonly ZipEntryInfo[],
  fileName: string,
  limits: WorkbookLimits,
): Promise<void> {
  const shared = entries.find((entry) => entry.name === SHARED_STRINGS);
  if (shared && shared.uncompressedSize > limits.maxSharedStringsBytes) {
    throw documentTooComplex(
      fileName,
      `${SHARED_STRINGS} inflates to ${shared.uncompressedSize} bytes, over ${limits.maxSharedStringsBytes} (limit maxSharedStringsBytes)`,
    );
  }
  for (const entry of entries) {
    if (/\.(xml|rels)$/i.test(entry.name)) await checkTokens(bytes, entry, fileName, limits);
  }
}

async function checkTokens(
  bytes: Buffer,
  entry: ZipEntryInfo,
  fileName: string,
  limits: WorkbookLimits,
): Promise<void> {
  const max = limits.maxXmlTokenBytes;
  // Bytes since the last `<`, carried across chunks.
  let run = 0;
  await inflateEntry(bytes, entry, (chunk) => {
    let from = 0;
    for (let at = chunk.indexOf(LT); at >= 0; at = chunk.indexOf(LT, at + 1)) {
      if (run + at - from > max) break;
      run = 0;
      from = at + 1;
    }
    run += chunk.length - from;
    if (run > max) {
      throw documentTooComplex(
        fileName,
        `${entry.name} holds a cell or tag longer than ${max} bytes (limit maxXmlTokenBytes; Excel allows ${limits.maxCellChars} characters in a cell)`,
      );
    }
  });
}
