import type { Readable } from 'node:stream';
import type { ReadClaimsOptions } from './claim-input.ts';
import { MAX_CLAIMS } from './claim-limits.ts';
import { openClaimStream } from './claim-stream.ts';
import { readClaimsInThread } from './claim-file-thread.ts';
import { ClaimPacker, type PackedClaims } from './claim-chunks.ts';
import { badInput } from './json-claims.ts';

/**
 * Every claim of a claim file read from `input` (an upload in the blob store), as `readClaims`
 * would give them for its bytes, packed for storage as they are read: NDJSON is parsed as it is
 * read, other formats whole (within their own limits) on a thread of their own, so neither the
 * file's text nor its claims as objects are ever whole on the main thread. `input` is destroyed
 * when done.
 */
export async function readClaimFile(
  input: Readable,
  fileName: string,
  options: ReadClaimsOptions = {},
): Promise<PackedClaims> {
  try {
    // A whole-file format is parsed on its own thread: seconds of work for a large batch.
    const stream = await openClaimStream(input, fileName, options, (bytes) =>
      readClaimsInThread(bytes, fileName, options),
    );
    if (stream.kind === 'whole') return stream.claims;
    const packer = new ClaimPacker();
    const { setting } = options;
    for await (const claim of stream.claims) {
      if (packer.packed.count >= MAX_CLAIMS)
        throw badInput(`${fileName}: more than ${MAX_CLAIMS} claims in one file`);
      // As readClaims: the caller's setting replaces the one a claim states.
      packer.add(setting === undefined ? claim : { ...claim, setting });
    }
    return packer.finish();
  } finally {
    input.destroy();
  }
}
