import { CodecardError } from '../../errors/codecard-error.ts';

/**
 * A document that needs more work than the limits allow: thrown wherever the limit is noticed
 * (deep inside a parser that does not know the file name) and turned into DOCUMENT_TOO_COMPLEX
 * naming the file by the parser guard.
 */
export class WorkLimitExceeded extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'WorkLimitExceeded';
  }
}

export function documentTooComplex(file: string, detail: string): CodecardError {
  return new CodecardError('DOCUMENT_TOO_COMPLEX', { file, detail });
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Refuses a text whose longest line is over `maxBytes`, before it is decoded: one pass of
 * native byte searches, no allocation. UTF-16 (with its byte-order mark) is read by code units.
 */
export function checkLineLengths(bytes: Uint8Array, maxBytes: number): void {
  const bom = bytes.length >= 2 ? ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0) : 0;
  const utf16 = bom === 0xfffe || bom === 0xfeff;
  const breaks = utf16 ? utf16Breaks : byteBreaks;
  let start = utf16 ? 2 : 0;
  let line = 1;
  for (const [end, next] of breaks(bytes)) {
    if (end - start > maxBytes) throw longLine(line, maxBytes);
    start = next;
    line++;
  }
  if (bytes.length - start > maxBytes) throw longLine(line, maxBytes);
}

function longLine(line: number, maxBytes: number): WorkLimitExceeded {
  return new WorkLimitExceeded(
    `line ${line} is longer than ${maxBytes} bytes (limit maxLineBytes)`,
  );
}

/** Line breaks (LF, CR or CRLF) as [where the line ends, where the next starts]. */
type LineBreak = [number, number];

/** Each search resumes where it stopped: native scans, linear in the size. */
function* byteBreaks(bytes: Uint8Array): Generator<LineBreak> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lf = buffer.indexOf(LF);
  let cr = buffer.indexOf(CR);
  while (lf !== -1 || cr !== -1) {
    const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    const next = at === cr && lf === at + 1 ? at + 2 : at + 1;
    yield [at, next];
    if (lf !== -1 && lf < next) lf = buffer.indexOf(LF, next);
    if (cr !== -1 && cr < next) cr = buffer.indexOf(CR, next);
  }
}

/** The same for UTF-16 code units (after the byte-order mark, either byte order). */
function* utf16Breaks(bytes: Uint8Array): Generator<LineBreak> {
  const bigEndian = bytes[0] === 0xfe;
  const unitAt = (i: number) =>
    bigEndian
      ? ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)
      : ((bytes[i + 1] ?? 0) << 8) | (bytes[i] ?? 0);
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    const unit = unitAt(i);
    if (unit !== LF && unit !== CR) continue;
    const next = unit === CR && i + 3 < bytes.length && unitAt(i + 2) === LF ? i + 4 : i + 2;
    yield [i, next];
    i = next - 2;
  }
}

/**
 * Refuses Markdown nested deeper than `maxDepth` (block quotes and lists) before marked lexes
 * it: marked's work grows much faster than linearly with list depth. A line's depth is
 * estimated from its prefix alone: every ">" and list marker is a level, and so is every two
 * columns of indentation (the least a nested list item needs). The estimate errs high, never
 * low, and no real document comes near the limit.
 */
export function checkMarkdownDepth(text: string, maxDepth: number): void {
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    if (prefixDepth(text, at) > maxDepth) {
      throw new WorkLimitExceeded(
        `nesting deeper than ${maxDepth} levels at line ${line} (limit maxNestingDepth)`,
      );
    }
    const next = nextLineStart(text, at);
    if (next < 0) break;
    at = next;
  }
}

function nextLineStart(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  if (end < 0) return -1;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

function prefixDepth(text: string, start: number): number {
  let markers = 0;
  let columns = 0;
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20) columns++;
    else if (c === 0x09) columns += 4;
    else if (c === 0x3e) markers++;
    else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isBlank(text.charCodeAt(i + 1))) {
      markers++;
    } else {
      const end = orderedMarkerEnd(text, i);
      if (end < 0) break;
      markers++;
      i = end;
    }
    i++;
  }
  // A line of nothing but blanks nests nothing, however wide.
  const c = text.charCodeAt(i);
  if (Number.isNaN(c) || c === LF || c === CR) return markers;
  return markers + Math.floor(columns / 2);
}

/** "12." or "3)" followed by a blank: the index of the "." or ")", else -1. */
function orderedMarkerEnd(text: string, start: number): number {
  let i = start;
  while (i - start < 9 && isDigit(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (i === start || (c !== 0x2e && c !== 0x29) || !isBlank(text.charCodeAt(i + 1))) return -1;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || Number.isNaN(c) || c === LF || c === CR;
}

/** HTML element depth, followed through a parser's open and close events. */
export class ElementDepth {
  private depth = 0;

  constructor(private readonly maxDepth: number) {}

  open(): void {
    if (++this.depth > this.maxDepth) {
      throw new WorkLimitExceeded(
        `elements nested deeper than ${this.maxDepth} levels (limit maxNestingDepth)`,
      );
    }
  }

  close(): void {
    if (this.depth > 0) this.depth--;
  }
}

export function checkPassageCount(count: number, maxPassages: number): void {
  if (count > maxPassages) {
    throw new WorkLimitExceeded(`more than ${maxPassages} passages (limit maxPassages)`);
  }
}

/**
 * Code mentions are detected on the main thread, passage by passage, after parsing: counted as
 * they are found, the document is refused there, naming the file.
 */
export function checkMentionCount(file: string, count: number, maxMentions: number): void {
  if (count > maxMentions) {
    throw documentTooComplex(file, `more than ${maxMentions} code mentions (limit maxMentions)`);
  }
}
