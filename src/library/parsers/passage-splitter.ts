import type { PassageDraft } from '../import-kind.ts';

/** A paragraph-like span of an extracted text, under the headings in force there. */
export interface TextBlock {
  start: number;
  end: number;
  headingPath: readonly string[];
}

export interface PassageLimits {
  /** A passage never exceeds this many characters (long paragraphs split at sentences). */
  maxChars: number;
  /** Shorter passages absorb the next block under the same headings (list items, "Note:"). */
  minChars: number;
}

export const passageLimits: PassageLimits = { maxChars: 1_200, minChars: 200 };

/**
 * Turns blocks of an extracted text into passages of about one paragraph. Every passage's
 * text is exactly `text.slice(startOffset, endOffset)`, so a citation can quote the span.
 */
export function splitIntoPassages(
  text: string,
  blocks: readonly TextBlock[],
  page: number | null,
  limits: PassageLimits = passageLimits,
): PassageDraft[] {
  const passages: PassageDraft[] = [];
  let current = null as TextBlock | null;
  const flush = () => {
    if (current) {
      passages.push({
        text: text.slice(current.start, current.end),
        page,
        headingPath: [...current.headingPath],
        startOffset: current.start,
        endOffset: current.end,
      });
    }
  };
  for (const block of blocks) {
    const [start, end] = trimSpan(text, block.start, block.end);
    if (start >= end) continue;
    for (const [pieceStart, pieceEnd] of splitSpan(text, start, end, limits.maxChars)) {
      if (
        current &&
        current.end - current.start < limits.minChars &&
        pieceEnd - current.start <= limits.maxChars &&
        samePath(current.headingPath, block.headingPath)
      ) {
        current = { ...current, end: pieceEnd };
        continue;
      }
      flush();
      current = { start: pieceStart, end: pieceEnd, headingPath: block.headingPath };
    }
  }
  flush();
  return passages;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

/** Where a sentence ends: terminal punctuation, closing quotes/brackets, then whitespace. */
const sentenceEnd = /[.!?…。！？]["'”’)\]]*\s+|[。！？]/g;

/** Splits [start, end) into trimmed pieces of at most `max` characters, at sentence ends. */
function splitSpan(text: string, start: number, end: number, max: number): [number, number][] {
  if (end - start <= max) return [[start, end]];
  const boundaries: number[] = [];
  const segment = text.slice(start, end);
  for (const match of segment.matchAll(sentenceEnd)) {
    boundaries.push(start + match.index + match[0].length);
  }
  const pieces: [number, number][] = [];
  let at = start;
  let next = 0;
  while (end - at > max) {
    let cut = -1;
    while (next < boundaries.length && (boundaries[next] ?? end) <= at + max) {
      const boundary = boundaries[next] ?? end;
      if (boundary > at) cut = boundary;
      next++;
    }
    if (cut < 0) cut = wordCut(text, at, at + max);
    const [s, e] = trimSpan(text, at, cut);
    if (s < e) pieces.push([s, e]);
    at = cut;
  }
  const [s, e] = trimSpan(text, at, end);
  if (s < e) pieces.push([s, e]);
  return pieces;
}

/** The last whitespace before `limit`, else a hard cut that does not split a surrogate pair. */
function wordCut(text: string, from: number, limit: number): number {
  for (let i = limit; i > from + 1; i--) {
    if (/\s/.test(text[i - 1] ?? '')) return i;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff && limit - 1 > from ? limit - 1 : limit;
}
