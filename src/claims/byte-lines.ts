import { badInput } from './json-claims.ts';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines (LF or CRLF; the line breaks are dropped), across any chunk
 * boundaries. Lines are split as bytes, not text: 0x0A never occurs inside a UTF-8 sequence,
 * so a character cut by a chunk boundary is whole again in its line, and each line can be
 * decoded on its own. Only the line being assembled is held, and it may be at most
 * `maxLineBytes` long, so memory stays bounded whatever the input's size.
 */
export async function* byteLines(
  chunks: AsyncIterable<Uint8Array>,
  source: string,
  maxLineBytes: number,
): AsyncGenerator<Buffer, void, undefined> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  const tooLong = () =>
    badInput(`${source}: line ${lineNumber + 1} is longer than ${maxLineBytes} bytes`);
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.length);
    let start = 0;
    for (let end = chunk.indexOf(LF, start); end !== -1; end = chunk.indexOf(LF, start)) {
      if (pendingBytes + end - start > maxLineBytes) throw tooLong();
      const piece = chunk.subarray(start, end);
      const line = pendingBytes === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      start = end + 1;
      lineNumber++;
      yield withoutCr(line);
    }
    if (start < chunk.length) {
      // The rest is copied: a stream may reuse the chunk's memory for its next read.
      const rest = Buffer.from(chunk.subarray(start));
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) throw tooLong();
      pending.push(rest);
    }
  }
  if (pendingBytes > 0) yield withoutCr(Buffer.concat(pending));
}

function withoutCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, -1) : line;
}
