import { CodecardError } from '../../errors/codecard-error.ts';
import { decodeText } from './decode-text.ts';
import { readZipDirectory } from './zip-guard.ts';

/** A list written as words separated by white space. */
const words = (list: string): string[] => list.trim().split(/\s+/);

export type Container = 'pdf' | 'docx' | 'xlsx' | 'xml' | 'html' | 'text';

export interface Sniffed {
  container: Container;
  /** The root element's name, for XML. */
  xmlRoot?: string;
}

/** Extensions that promise a binary container: content that is something else is refused. */
const binaryExtensions: Record<string, Container> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx' };

const containerNames: Record<Container, string> = {
  pdf: 'a PDF document',
  docx: 'a Word (DOCX) document',
  xlsx: 'an Excel (XLSX) workbook',
  xml: 'XML',
  html: 'HTML',
  text: 'plain text',
};

/** Only the start of a file is read to decide what it is. */
const sniffBytes = 64 * 1024;

/**
 * Decides what a file is from its content, never from its name, except that a name promising
 * PDF/DOCX/XLSX must match the content (a disguised file is refused, not guessed at).
 * Zip containers pass the zip-bomb guard here, before any parser opens them.
 */
export function sniffContainer(bytes: Buffer, fileName: string): Sniffed {
  if (bytes.length === 0) throw new CodecardError('EMPTY_FILE', { file: fileName });
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const promised = binaryExtensions[extension];
  const content = sniffContent(bytes, fileName);
  if (promised && content.kind !== promised) {
    const what = content.kind === 'unknown' ? content.what : containerNames[content.kind];
    throw new CodecardError('TYPE_MISMATCH', {
      file: fileName,
      detail: `named .${extension} but the content is ${what}`,
    });
  }
  if (content.kind === 'unknown') {
    throw new CodecardError('UNKNOWN_TYPE', {
      file: fileName,
      detail: `the content is ${content.what}; accepted are PDF, DOCX, XLSX, XML, HTML, Markdown and text files`,
    });
  }
  if (content.kind === 'xml') {
    return content.xmlRoot ? { container: 'xml', xmlRoot: content.xmlRoot } : { container: 'xml' };
  }
  return { container: content.kind };
}

type Content =
  | { kind: Exclude<Container, 'xml'> }
  | { kind: 'xml'; xmlRoot?: string }
  | { kind: 'unknown'; what: string };

function sniffContent(bytes: Buffer, fileName: string): Content {
  if (startsWith(bytes, '%PDF-', skipWhitespace(bytes))) return { kind: 'pdf' };
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06')) {
    return sniffZip(bytes, fileName);
  }
  const binary = knownBinary(bytes);
  if (binary) return { kind: 'unknown', what: binary };
  const head = bytes.subarray(0, utf8Boundary(bytes, sniffBytes));
  let text: string;
  try {
    text = decodeText(head, fileName).text;
  } catch (error) {
    // NUL bytes: UTF-16 without a byte-order mark is reported as such; anything else is binary.
    if (error instanceof CodecardError && looksLikeUtf16(head)) throw error;
    return { kind: 'unknown', what: 'binary data of an unrecognized type' };
  }
  if (controlCharacterShare(text) > 0.02) {
    return { kind: 'unknown', what: 'binary data of an unrecognized type' };
  }
  return sniffMarkup(text);
}

function sniffZip(bytes: Buffer, fileName: string): Content {
  const names = new Set(readZipDirectory(bytes, fileName).map((entry) => entry.name));
  if (names.has('word/document.xml')) return { kind: 'docx' };
  if (names.has('xl/workbook.xml')) return { kind: 'xlsx' };
  if (names.has('ppt/presentation.xml'))
    return { kind: 'unknown', what: 'a PowerPoint (PPTX) file' };
  if (names.has('content.xml')) return { kind: 'unknown', what: 'an OpenDocument file' };
  return { kind: 'unknown', what: 'a zip archive that is neither DOCX nor XLSX' };
}

const signatures: [number[], string][] = [
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a macOS executable'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'an xz archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    'a legacy Microsoft Office file (.doc/.xls); save it as .docx or .xlsx',
  ],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document; save it as .docx'],
];

function knownBinary(bytes: Buffer): string | null {
  for (const [magic, what] of signatures) {
    if (magic.every((byte, i) => bytes[i] === byte)) return what;
  }
  // Signatures that are also plausible text starts need a binary byte to follow.
  const nulSoon = bytes.subarray(0, 64).includes(0);
  if (startsWith(bytes, 'MZ') && nulSoon) return 'a Windows executable';
  if (startsWith(bytes, 'SQLite format 3\x00')) return 'an SQLite database';
  if (startsWith(bytes, 'BZh') && /[1-9]/.test(String.fromCharCode(bytes[3] ?? 0)) && nulSoon) {
    return 'a bzip2 archive';
  }
  // RIFF containers (WebP, WAV, AVI) and ISO media (MP4, HEIC).
  if (startsWith(bytes, 'RIFF') && nulSoon) return 'a RIFF media file';
  if (startsWith(bytes, 'ftyp', 4)) return 'an ISO media file (video or HEIC image)';
  return null;
}

/** Cuts before a UTF-8 continuation byte, so a multi-byte character is never split. */
function utf8Boundary(bytes: Buffer, limit: number): number {
  if (bytes.length <= limit) return bytes.length;
  let end = limit;
  while (end > limit - 3 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return end;
}

function startsWith(bytes: Buffer, ascii: string, at = 0): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) {
    if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  }
  return true;
}

function skipWhitespace(bytes: Buffer): number {
  let at = 0;
  while (
    at < bytes.length &&
    at < 1024 &&
    [0x20, 0x09, 0x0a, 0x0d, 0x0c].includes(bytes[at] ?? 0)
  ) {
    at++;
  }
  return at;
}

/** Every other byte NUL in the first kilobyte: UTF-16 text that lost its byte-order mark. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 1024);
  if (sample.length < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const half = sample.length / 2;
  return Math.max(evenNul, oddNul) > half * 0.8 && Math.min(evenNul, oddNul) < half * 0.05;
}

/**
 * C0 controls other than tab/LF/VT/FF/CR, DEL and U+FFFD: signs of binary. C1 controls are not
 * counted: Node 20's windows-1252 decoder yields them for smart quotes and dashes (0x80-0x9F).
 */
function controlCharacterShare(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f || c === 0xfffd) {
      count++;
    }
  }
  return count / text.length;
}

/** Common HTML document starts; any other root element is XML. */
const htmlRoots = new Set(
  words(`html head body meta title link div p h1 h2 h3 h4 h5 h6 table ul ol section article main
  header span br style script`),
);

function sniffMarkup(text: string): Content {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /[\s\uFEFF]/.test(text[at] ?? '')) at++;
  };
  skipSpace();
  if (text[at] !== '<') return { kind: 'text' };
  let declaredXml = false;
  // Walk past the prolog: <?...?>, <!--...-->, <!DOCTYPE ...>.
  for (;;) {
    skipSpace();
    const rest = text.slice(at, at + 16).toLowerCase();
    if (rest.startsWith('<?')) {
      declaredXml ||= rest.startsWith('<?xml');
      const close = text.indexOf('?>', at);
      if (close < 0) return { kind: 'text' };
      at = close + 2;
    } else if (rest.startsWith('<!--')) {
      const close = text.indexOf('-->', at);
      if (close < 0) return { kind: 'text' };
      at = close + 3;
    } else if (rest.startsWith('<!doctype')) {
      if (/^<!doctype\s+html\b/i.test(text.slice(at, at + 20))) return { kind: 'html' };
      const close = text.indexOf('>', at);
      if (close < 0) return { kind: 'text' };
      at = close + 1;
    } else {
      break;
    }
  }
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 256))?.[1];
  // A declared XML file without a readable root goes to the XML parser, which says what is wrong.
  if (!root) return declaredXml ? { kind: 'xml' } : { kind: 'text' };
  const local = root.toLowerCase();
  if (local === 'html' || (!declaredXml && htmlRoots.has(local))) return { kind: 'html' };
  return { kind: 'xml', xmlRoot: root };
}
