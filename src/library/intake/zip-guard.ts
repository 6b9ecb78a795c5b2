import { inflateRawSync } from 'node:zlib';
import { CodecardError } from '../../errors/codecard-error.ts';
import { intakeLimits } from './limits.ts';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Reads a zip's central directory without inflating anything, so DOCX/XLSX bombs are refused
 * before a parser ever sees them: entry count, declared sizes and compression ratio are checked,
 * then each entry is inflated with an output cap equal to its declared size, so a directory that
 * lies about sizes is caught too.
 */
export function inspectZip(bytes: Buffer, fileName: string): ZipEntryInfo[] {
  const fail = (detail: string) => new CodecardError('ZIP_LIMIT', { file: fileName, detail });
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw fail('not a readable zip container (no end-of-central-directory record)');
  const count = bytes.readUInt16LE(eocd + 10);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw fail('zip64 containers are not accepted');
  if (count > intakeLimits.maxZipEntries) {
    throw fail(`${count} entries is over the limit of ${intakeLimits.maxZipEntries}`);
  }
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw fail(`central directory entry ${i + 1} is damaged`);
    }
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeaderOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    total += uncompressedSize;
    if (total > intakeLimits.maxZipUncompressedBytes) {
      throw fail(`uncompressed content exceeds ${intakeLimits.maxZipUncompressedBytes} bytes`);
    }
    if (
      compressedSize > 0 &&
      uncompressedSize / compressedSize > intakeLimits.maxZipRatio &&
      uncompressedSize > 1_000_000
    ) {
      throw fail(
        `entry "${name}" expands ${Math.round(uncompressedSize / compressedSize)}x: refused as a zip bomb`,
      );
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  for (const entry of entries) verifyEntry(bytes, entry, fail);
  return entries;
}

function verifyEntry(bytes: Buffer, entry: ZipEntryInfo, fail: (d: string) => CodecardError): void {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw fail(`entry "${entry.name}" has no valid local header`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw fail(`entry "${entry.name}" is truncated`);
  if (entry.method === 0) return;
  if (entry.method !== 8)
    throw fail(`entry "${entry.name}" uses unsupported compression ${entry.method}`);
  try {
    // One byte of headroom: inflating past the declared size means the directory lied.
    const out = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    if (out.length > entry.uncompressedSize) throw new Error('larger than declared');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fail(`entry "${entry.name}" does not inflate to its declared size (${reason})`);
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}
