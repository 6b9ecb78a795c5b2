import { createInflateRaw } from 'node:zlib';
import { CodecardError } from '../../errors/codecard-error.ts';
import { intakeLimits } from './limits.ts';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory declares it; inspectZip checks it against the real inflated size. */
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's compressed data starts. */
  dataOffset: number;
  /** Where the entry (local header, data, data descriptor) ends: the next one starts here. */
  endOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
/** General-purpose flag bit 3: sizes follow the data in a data descriptor. */
const HAS_DESCRIPTOR = 0x0008;
/** Entries under this size may expand any number of times (tiny XML parts compress well). */
const RATIO_FLOOR_BYTES = 1_000_000;
const CHUNK_BYTES = 64 * 1024;

type Fail = (detail: string) => CodecardError;

const failFor =
  (fileName: string): Fail =>
  (detail) =>
    new CodecardError('ZIP_LIMIT', { file: fileName, detail });

/**
 * Reads a zip's structure without inflating anything (cheap enough for sniffing on the main
 * thread). Counts come from the entries themselves, never from the end record: the central
 * directory is walked record by record and must hold exactly as many entries as the end record
 * says, and the local entries must follow each other from the start of the file to the
 * directory with no gap, overlap or disagreement in name or method. So a reader that trusts the
 * end record (this guard used to), one that walks the directory (JSZip: mammoth, exceljs) and one
 * that streams local headers all see the same entries. Declared sizes are checked here as an
 * early refusal only; inspectZip counts the real ones.
 */
export function readZipDirectory(bytes: Buffer, fileName: string): ZipEntryInfo[] {
  const fail = failFor(fileName);
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw fail('not a readable zip container (no end-of-central-directory record)');
  const declaredCount = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (declaredCount === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    throw fail('zip64 containers are not accepted');
  }
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 8) !== declaredCount) {
    throw fail('multi-part zip containers are not accepted');
  }
  if (dirOffset + dirSize !== eocd || eocd + 22 + bytes.readUInt16LE(eocd + 20) !== bytes.length) {
    throw fail('the central directory is not where the end record says');
  }
  const entries = readCentralDirectory(bytes, dirOffset, eocd, fail);
  if (entries.length !== declaredCount) {
    throw fail(
      `the end record counts ${declaredCount} entries but the central directory holds ${entries.length}: entries are counted, never taken from headers, and an archive that miscounts them is refused (at most ${intakeLimits.maxZipEntries} entries, limit maxZipEntries)`,
    );
  }
  checkLocalEntries(bytes, entries, dirOffset, fail);
  checkDeclaredSizes(entries, fail);
  return entries;
}

/**
 * The directory, then every entry inflated with a running byte count (streamed, the output
 * discarded): an entry that inflates past its declared size, past the ratio limit or past the
 * total budget stops the count at once, whatever the headers say.
 */
export async function inspectZip(bytes: Buffer, fileName: string): Promise<ZipEntryInfo[]> {
  const fail = failFor(fileName);
  const entries = readZipDirectory(bytes, fileName);
  const budget = { left: intakeLimits.maxZipUncompressedBytes };
  for (const entry of entries) await countEntry(bytes, entry, budget, fail);
  return entries;
}

function readCentralDirectory(bytes: Buffer, start: number, end: number, fail: Fail) {
  const entries: ZipEntryInfo[] = [];
  for (let at = start; at < end;) {
    if (entries.length >= intakeLimits.maxZipEntries) {
      const max = intakeLimits.maxZipEntries;
      throw fail(`the archive holds more than ${max} entries, over the limit of ${max}`);
    }
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw fail(`central directory entry ${entries.length + 1} is damaged`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > end) throw fail(`central directory entry ${entries.length + 1} is damaged`);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      dataOffset: 0,
      endOffset: 0,
    });
    at = next;
  }
  return entries;
}

/** Local entries back to back from offset 0 up to the directory, each matching its record. */
function checkLocalEntries(
  bytes: Buffer,
  entries: ZipEntryInfo[],
  dirOffset: number,
  fail: Fail,
): void {
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
    const at = entry.localHeaderOffset;
    if (at !== expected) {
      throw fail(`entry "${entry.name}" does not start where the previous one ends`);
    }
    if (at + 30 > dirOffset || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) {
      throw fail(`entry "${entry.name}" has no valid local header`);
    }
    const flags = bytes.readUInt16LE(at + 6);
    const nameLength = bytes.readUInt16LE(at + 26);
    const localName = bytes.toString('utf8', at + 30, at + 30 + nameLength);
    if (localName !== entry.name || bytes.readUInt16LE(at + 8) !== entry.method) {
      throw fail(`entry "${entry.name}" disagrees with its local header`);
    }
    entry.dataOffset = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    expected = entry.dataOffset + entry.compressedSize;
    if (flags & HAS_DESCRIPTOR) {
      expected +=
        expected + 4 <= dirOffset && bytes.readUInt32LE(expected) === DESCRIPTOR_SIGNATURE
          ? 16
          : 12;
    } else if (bytes.readUInt32LE(at + 18) !== entry.compressedSize) {
      throw fail(`entry "${entry.name}" disagrees with its local header`);
    }
    if (expected > dirOffset) throw fail(`entry "${entry.name}" is truncated`);
    entry.endOffset = expected;
  }
  if (expected !== dirOffset) throw fail('the archive holds data that no entry accounts for');
}

/** Declared sizes over the limits are refused at once (inspectZip still counts real ones). */
function checkDeclaredSizes(entries: readonly ZipEntryInfo[], fail: Fail): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) {
      throw fail(`entry "${entry.name}" uses unsupported compression ${entry.method}`);
    }
    total += entry.uncompressedSize;
    if (total > intakeLimits.maxZipUncompressedBytes) throw overBudget(fail);
    if (isBomb(entry.uncompressedSize, entry.compressedSize))
      throw bomb(entry, entry.uncompressedSize, fail);
  }
}

function isBomb(inflated: number, compressed: number): boolean {
  return inflated > RATIO_FLOOR_BYTES && inflated > compressed * intakeLimits.maxZipRatio;
}

function bomb(entry: ZipEntryInfo, inflated: number, fail: Fail): CodecardError {
  const ratio = Math.round(inflated / Math.max(1, entry.compressedSize));
  return fail(
    `entry "${entry.name}" expands ${ratio}x: refused as a zip bomb (limit ${intakeLimits.maxZipRatio}x)`,
  );
}

function overBudget(fail: Fail): CodecardError {
  return fail(`uncompressed content exceeds ${intakeLimits.maxZipUncompressedBytes} bytes`);
}

/** Inflates one entry, counting and discarding the output; stops at the first limit crossed. */
async function countEntry(
  bytes: Buffer,
  entry: ZipEntryInfo,
  budget: { left: number },
  fail: Fail,
): Promise<void> {
  const lying = (why: string) =>
    fail(`entry "${entry.name}" does not inflate to its declared size: ${why}`);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
    throw lying('its stored size differs');
  }
  let inflated = 0;
  try {
    await inflateEntry(bytes, entry, (chunk) => {
      inflated += chunk.length;
      budget.left -= chunk.length;
      if (inflated > entry.uncompressedSize) throw lying('it inflates past it');
      if (budget.left < 0) throw overBudget(fail);
      if (isBomb(inflated, entry.compressedSize)) throw bomb(entry, inflated, fail);
    });
  } catch (error) {
    if (error instanceof CodecardError) throw error;
    throw lying(`it does not inflate (${error instanceof Error ? error.message : String(error)})`);
  }
  if (inflated !== entry.uncompressedSize) throw lying(`it inflates to ${inflated} bytes`);
}

/**
 * Streams one entry of a zip that readZipDirectory accepted (so `dataOffset` is set) to
 * `onChunk`, 64 KB at a time, never holding it whole. A chunk handler that throws stops the
 * inflation at once and its error is the rejection; a damaged stream rejects with zlib's error.
 */
export async function inflateEntry(
  bytes: Buffer,
  entry: ZipEntryInfo,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK_BYTES) {
      onChunk(data.subarray(at, at + CHUNK_BYTES));
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
    inflater.on('data', (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (error) {
        inflater.destroy();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    inflater.on('end', () => resolve());
    inflater.on('error', reject);
    inflater.end(data);
  });
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}
