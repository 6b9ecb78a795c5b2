import { isUtf8 } from 'node:buffer';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CodecardError } from '../../errors/codecard-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * CMS publishes Latin-1 / Windows-1252 files (the ® in the AMA notice is 0xAE). Node 20.20's
 * TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls (nodejs/node#56542), so those 32
 * bytes are mapped here through the Windows-1252 table; unassigned ones stay as they were.
 */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80] ?? c);
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes a text upload: BOMs first, then strict UTF-8, then Windows-1252 (a superset of
 * Latin-1). Bytes that cannot be text (NUL in an 8-bit file) are refused, not guessed at.
 * In one call: for a file's head, a line, a claim or a document; tables go through
 * `decodeInLineSlices`.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(2)), encoding: bom };
  const start = utf8BomLength(bytes);
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul !== -1) throw nulError(fileName, nul + start);
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/** A whole file's text, decoded piece by piece as it is read (`decodeInLineSlices`). */
export interface LineSlices {
  encoding: TextEncodingName;
  /** Bytes of text (after any byte-order mark). */
  byteLength: number;
  /** The first 64 KB or so, for sniffing layouts and delimiters (may end inside a line). */
  head: string;
  /** The text in pieces that each end at a line end: only one piece is decoded at a time. */
  slices(): Generator<string>;
  /** The whole text as one string, for readers that need it so (one call, like `decodeText`). */
  whole(): string;
}

/**
 * Bytes checked per turn of the event loop, cut at the next line end. A 150 MB table as one
 * string costs about 0.8 s in one call on a small server (decoding, or joining decoded
 * pieces), holding `/health/live` and every card waiting; checked and decoded a piece at a time
 * it never does.
 */
const SLICE_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const LF = 0x0a;

/**
 * `decodeText` for a whole file read as lines (tables): the same encoding decision and the same
 * refusals, made a slice at a time with the event loop free between slices; the text itself is
 * decoded only as `slices()` is read. A line end is never inside a UTF-8 or Windows-1252
 * character, so every slice decodes on its own.
 */
export async function decodeInLineSlices(bytes: Uint8Array, fileName: string): Promise<LineSlices> {
  if (byteOrderMark(bytes)) {
    // UTF-16 tables are rare and small: decoded whole.
    const { text, encoding } = decodeText(bytes, fileName);
    return {
      encoding,
      byteLength: bytes.length - 2,
      head: text.slice(0, HEAD_BYTES),
      *slices() {
        yield text;
      },
      whole: () => text,
    };
  }
  const start = utf8BomLength(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start);
  const ends: number[] = [];
  let utf8 = true;
  for (let at = 0; at < body.length; at = ends[ends.length - 1] ?? body.length) {
    if (at > 0) await yieldToLoop();
    const lineEnd = at + SLICE_BYTES < body.length ? body.indexOf(LF, at + SLICE_BYTES) : -1;
    const end = lineEnd < 0 ? body.length : lineEnd + 1;
    const slice = body.subarray(at, end);
    const nul = slice.indexOf(0);
    if (nul !== -1) throw nulError(fileName, start + at + nul);
    utf8 &&= isUtf8(slice);
    ends.push(end);
  }
  const decode = (piece: Buffer): string =>
    utf8 ? piece.toString('utf8') : decodeWindows1252(piece);
  return {
    encoding: utf8 ? 'utf-8' : 'windows-1252',
    byteLength: body.length,
    head: decode(body.subarray(0, HEAD_BYTES)),
    *slices() {
      let from = 0;
      for (const end of ends) {
        yield decode(body.subarray(from, end));
        from = end;
      }
    },
    whole: () => decode(body),
  };
}

function byteOrderMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function utf8BomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

function nulError(fileName: string, offset: number): CodecardError {
  return new CodecardError('BAD_ENCODING', {
    file: fileName,
    detail: `byte ${offset} is NUL: this is binary data or UTF-16 without a byte-order mark, not a text file`,
  });
}
