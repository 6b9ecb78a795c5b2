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
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const start =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul !== -1) {
    throw new CodecardError('BAD_ENCODING', {
      file: fileName,
      detail: `byte ${nul + start} is NUL: this is binary data or UTF-16 without a byte-order mark, not a text file`,
    });
  }
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
