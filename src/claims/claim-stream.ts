import { readClaims, type ReadClaimsOptions } from './claim-input.ts';
import { MAX_NDJSON_LINE_BYTES } from './claim-limits.ts';
import type { Claim } from './claim-types.ts';
import { streamNdjsonClaims } from './ndjson-stream.ts';

/**
 * Claims from a byte stream: NDJSON is parsed as it is read (any size), every other format
 * (JSON, CSV, X12) is read whole and parsed by `readClaims`, within its limits.
 */
export type ClaimStream<Whole = readonly Claim[]> =
  { kind: 'streamed'; claims: AsyncIterable<Claim> } | { kind: 'whole'; claims: Whole };

type Peek = 'stream' | 'whole' | 'more';

/**
 * Reads just enough of the input to tell NDJSON (a first line that is a JSON object, then more
 * content) from the rest, the same way `detectClaimFormat` does for a whole text, then hands
 * back every byte it read followed by the rest of the input.
 */
export async function openClaimStream<Whole = readonly Claim[]>(
  chunks: AsyncIterable<Uint8Array>,
  source: string,
  options: ReadClaimsOptions = {},
  /** How a whole-file format is read (default: `readClaims`, here). */
  readWhole: (bytes: Buffer) => Whole | Promise<Whole> = (bytes) =>
    readClaims(bytes, source, options) as Whole,
): Promise<ClaimStream<Whole>> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let ended = false;
  let decision: Peek = 'more';
  // Re-joining the head per chunk is quadratic only in the first line, which is bounded.
  while (decision === 'more') {
    const next = await iterator.next();
    if (next.done) ended = true;
    else head.push(next.value);
    decision = peekFormat(Buffer.concat(head), ended);
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value;
  }
  if (decision === 'stream' && options.format === undefined) {
    const defaults = options.setting === undefined ? {} : { setting: options.setting };
    return { kind: 'streamed', claims: streamNdjsonClaims(all(), source, defaults) };
  }
  const parts: Uint8Array[] = [];
  for await (const chunk of all()) parts.push(chunk);
  return { kind: 'whole', claims: await readWhole(Buffer.concat(parts)) };
}

const isSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

function peekFormat(bytes: Buffer, ended: boolean): Peek {
  // UTF-16 text cannot be split on 0x0A bytes: the whole-file decoder reads it.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return 'whole';
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && isSpace(bytes[start])) start++;
  if (start === bytes.length) return ended ? 'whole' : 'more';
  if (bytes[start] !== 0x7b /* { */) return 'whole';
  const newline = bytes.indexOf(0x0a, start);
  if (newline === -1) return ended || bytes.length > MAX_NDJSON_LINE_BYTES ? 'whole' : 'more';
  try {
    const first: unknown = JSON.parse(bytes.toString('utf8', start, newline));
    if (typeof first !== 'object' || first === null || Array.isArray(first)) return 'whole';
  } catch {
    return 'whole';
  }
  let after = newline + 1;
  while (after < bytes.length && isSpace(bytes[after])) after++;
  if (after < bytes.length) return 'stream';
  return ended ? 'whole' : 'more';
}
