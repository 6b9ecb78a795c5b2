import { CodecardError } from '../../errors/codecard-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
// CMS publishes Latin-1 / Windows-1252 files (the ® in the AMA notice is 0xAE).
const windows1252 = new TextDecoder('windows-1252');

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
    return { text: windows1252.decode(body), encoding: 'windows-1252' };
  }
}
