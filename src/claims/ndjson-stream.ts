import { isUtf8 } from 'node:buffer';
import { decodeText } from '../library/intake/decode-text.ts';
import type { ClaimDefaults } from './claim-fields.ts';
import { MAX_NDJSON_LINE_BYTES } from './claim-limits.ts';
import type { Claim } from './claim-types.ts';
import { byteLines } from './byte-lines.ts';
import { badInput, checkDefaults } from './json-claims.ts';
import { ndjsonClaim } from './ndjson-claims.ts';
import { StreamedClaimIds } from './streamed-claim-ids.ts';

/**
 * Claims from an NDJSON byte stream, one per non-blank line, as they are read: the streaming
 * counterpart of `iterateNdjsonClaims`, with the same errors (1-based line numbers) and the
 * same duplicate-id check, in memory that does not grow with the stream (see StreamedClaimIds).
 */
export async function* streamNdjsonClaims(
  chunks: AsyncIterable<Uint8Array>,
  source: string,
  defaults: ClaimDefaults = {},
): AsyncGenerator<Claim, void, undefined> {
  const checked = checkDefaults(defaults, source);
  const ids = new StreamedClaimIds(source);
  let lineNumber = 0;
  let count = 0;
  for await (const bytes of byteLines(chunks, source, MAX_NDJSON_LINE_BYTES)) {
    lineNumber++;
    const line = decodeLine(bytes, source, lineNumber).trim();
    if (line === '') continue;
    const claim = ndjsonClaim(line, source, lineNumber, checked);
    ids.add(claim.id, lineNumber);
    count++;
    yield claim;
  }
  if (count === 0) throw badInput(`${source}: the file contains no claims`);
}

/**
 * UTF-8 as NDJSON requires, with a fast path for it; anything else goes through the upload
 * decoder line by line (Windows-1252 text is read as such, NUL bytes are refused), as the whole
 * file would be. A UTF-8 byte-order mark on line 1 is removed by trim().
 */
function decodeLine(bytes: Buffer, source: string, lineNumber: number): string {
  if (bytes.indexOf(0) === -1 && isUtf8(bytes)) return bytes.toString('utf8');
  return decodeText(bytes, `${source}: line ${lineNumber}`).text;
}
