import { CodecardError } from '../errors/codecard-error.ts';
import { detectKind } from '../library/detect-kind.ts';
import type { SourceFile } from '../library/import-kind.ts';
import { inflateEntry, inspectZip, type ZipEntryInfo } from '../library/intake/zip-guard.ts';
import { intakeLimits } from '../library/intake/limits.ts';
import { sha256Of } from '../library/intake/sha256-of.ts';
import type { MirrorEntry } from './mirror-entry.ts';

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/**
 * Checks a downloaded release before anything is imported: the declared size and SHA-256 (a
 * truncated or altered file fails here), the member file taken out of a zip through the zip
 * guard, and the layout: the file must be detected as the entry's kind on its own (a GPCI file
 * listed as NCCI PTP is refused, never imported as one).
 */
export async function verifyRelease(
  entry: MirrorEntry,
  fileName: string,
  bytes: Buffer,
  /** The bytes' SHA-256 when the caller has taken it already: a large file is hashed once. */
  knownSha256?: string,
): Promise<SourceFile> {
  const reject = (detail: string) =>
    new CodecardError('RELEASE_REJECTED', { file: fileName, detail });
  if (entry.size !== undefined && bytes.length !== entry.size)
    throw reject(`${bytes.length} bytes where the mirror declares ${entry.size}`);
  let sha256 = knownSha256;
  if (entry.sha256 !== undefined) {
    sha256 ??= await sha256Of(bytes);
    if (sha256 !== entry.sha256)
      throw reject(`SHA-256 ${sha256} differs from the declared ${entry.sha256}`);
  }
  // A file that is not a zip is imported as downloaded, under the hash already taken.
  const file = bytes.subarray(0, 4).equals(ZIP_MAGIC)
    ? await zipMember(entry, fileName, bytes, reject)
    : { fileName, bytes, ...(sha256 === undefined ? {} : { sha256 }) };
  const detected = await detectKind(file).catch((error: unknown) => {
    throw reject(
      `its layout is not ${entry.kind}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  if (detected !== entry.kind)
    throw reject(`the mirror lists it as ${entry.kind} but its layout is ${detected}`);
  return file;
}

async function zipMember(
  entry: MirrorEntry,
  fileName: string,
  bytes: Buffer,
  reject: (detail: string) => CodecardError,
): Promise<SourceFile> {
  const entries = (await inspectZip(bytes, fileName)).filter((e) => !e.name.endsWith('/'));
  const member = pickMember(entries, entry.member);
  if (!member.ok) throw reject(member.reason);
  if (member.entry.uncompressedSize > intakeLimits.maxFileBytes)
    throw new CodecardError('FILE_TOO_LARGE', {
      file: `${fileName}!${member.entry.name}`,
      size: member.entry.uncompressedSize,
      limit: intakeLimits.maxFileBytes,
    });
  const chunks: Buffer[] = [];
  await inflateEntry(bytes, member.entry, (chunk) => chunks.push(Buffer.from(chunk)));
  const name = member.entry.name.split('/').pop() ?? member.entry.name;
  return { fileName: name, bytes: Buffer.concat(chunks) };
}

type Picked = { ok: true; entry: ZipEntryInfo } | { ok: false; reason: string };

/** The member named (exactly, or by a `*` pattern matching one name), or the zip's only file. */
export function pickMember(entries: ZipEntryInfo[], wanted: string | undefined): Picked {
  const names = entries.map((e) => e.name);
  if (wanted === undefined) {
    if (entries.length === 1) return { ok: true, entry: entries[0]! };
    return {
      ok: false,
      reason: `the zip holds ${entries.length} files (${names.slice(0, 5).join(', ')}); the mirror entry must name its member`,
    };
  }
  const pattern = new RegExp(
    `^(?:.*/)?${wanted
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  const matches = entries.filter((e) => e.name === wanted || pattern.test(e.name));
  if (matches.length === 1) return { ok: true, entry: matches[0]! };
  return {
    ok: false,
    reason:
      matches.length === 0
        ? `no member matches "${wanted}" (the zip holds ${names.slice(0, 5).join(', ')})`
        : `${matches.length} members match "${wanted}": ${matches.map((e) => e.name).join(', ')}`,
  };
}
