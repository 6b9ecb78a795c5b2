import { createReadStream } from 'node:fs';
import type { ReadClaimsOptions } from './claim-input.ts';
import { MAX_CLAIMS } from './claim-limits.ts';
import { openClaimStream } from './claim-stream.ts';
import { readClaimsInThread } from './claim-file-thread.ts';
import type { Claim } from './claim-types.ts';
import { badInput } from './json-claims.ts';

/**
 * Every claim of a claim file on disk (an upload in the spool), as `readClaims` would give them
 * for its bytes: NDJSON is parsed as it is read, so the file's text is never whole in memory
 * (the claims are, hence MAX_CLAIMS); other formats are read whole within their own limits.
 */
export async function readClaimFile(
  path: string,
  fileName: string,
  options: ReadClaimsOptions = {},
): Promise<readonly Claim[]> {
  const input = createReadStream(path);
  try {
    // A whole-file format is parsed on its own thread: seconds of work for a large batch.
    const stream = await openClaimStream(input, fileName, options, (bytes) =>
      readClaimsInThread(bytes, fileName, options),
    );
    if (stream.kind === 'whole') return stream.claims;
    const claims: Claim[] = [];
    const { setting } = options;
    for await (const claim of stream.claims) {
      if (claims.length >= MAX_CLAIMS)
        throw badInput(`${fileName}: more than ${MAX_CLAIMS} claims in one file`);
      // As readClaims: the caller's setting replaces the one a claim states.
      claims.push(setting === undefined ? claim : { ...claim, setting });
    }
    return claims;
  } finally {
    input.destroy();
  }
}
