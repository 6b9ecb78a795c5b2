/** One sentence of a text: `text === source.slice(start, end)`, trimmed, list marker left out. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits prose into sentences with exact offsets, for the section classifier and relation
 * extraction. The rules:
 *
 * - A sentence ends at `.`, `!`, `?` or `…` (plus closing quotes/brackets) followed by
 *   whitespace and a character that is not a lower-case letter or `,;:`; never inside a token,
 *   so decimals ("0.5 mL"), ICD-10-CM codes ("M54.16") and versions stay whole.
 * - Abbreviations do not end a sentence: "e.g.", "i.e.", "vs.", "cf.", "approx.", "Dr.",
 *   dotted initialisms ("U.S."), Spanish "p. ej.", and "No." before a number ("No. 5").
 * - CJK and Arabic terminators (。 ！ ？ ｡ ؟ ۔) end a sentence wherever they appear.
 * - Blank lines end a block; every list item (`-`, `*`, `•`, `1.`, `a)`, `(2)`, `一、` ...),
 *   markdown heading and table row is a sentence of its own, its marker outside the span.
 * - A short line without end punctuation followed by a line that starts like a sentence is a
 *   heading or line item (text extracted from PDFs often has no list markers).
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const [blockStart, blockEnd] of blocks(text)) {
    let from = afterMarker(text, blockStart, blockEnd);
    for (const cut of boundaries(text, from, blockEnd)) {
      push(text, from, cut, sentences);
      from = cut;
    }
    push(text, from, blockEnd, sentences);
  }
  return sentences;
}

interface Line {
  start: number;
  end: number;
  content: string;
}

const bulletMarker =
  /^[ \t]*(?:(?:[-*+•·‣◦▪▫●○■□–—]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|\p{Nd}{1,3}[.)])[ \t]+|(?:\d{1,3}|[一二三四五六七八九十]{1,3})、[ \t]*)(?=\S)/u;
const headingMarker = /^[ \t]*#{1,6}[ \t]+(?=\S)/;
const tableRow = /^[ \t]*\|/;

/** Spans of text that never share a sentence: paragraphs, list items, headings, rows. */
function blocks(text: string): [number, number][] {
  const result: [number, number][] = [];
  let open: { start: number; last: Line } | null = null;
  const close = () => {
    if (open) result.push([open.start, open.last.end]);
    open = null;
  };
  for (const line of lines(text)) {
    if (!/\S/.test(line.content)) {
      close();
      continue;
    }
    if (open && hardBreak(open.last.content, line.content)) close();
    if (open) open.last = line;
    else open = { start: line.start, last: line };
  }
  close();
  return result;
}

function lines(text: string): Line[] {
  const result: Line[] = [];
  const breaks = /\r\n|[\n\r\u2028\u2029]/g;
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    result.push({ start, end: match.index, content: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  result.push({ start, end: text.length, content: text.slice(start) });
  return result;
}

const isItem = (line: string) =>
  bulletMarker.test(line) || headingMarker.test(line) || tableRow.test(line);

// A line ending like this continues on the next one (a wrapped sentence, not a heading).
const continues =
  /(?:[,(/&+–-]|\b(?:and|or|of|the|a|an|to|in|on|for|with|by|per|at|from|is|are|be|y|o|de|del|la|el|los|las|en|con|por|para|que))$/iu;
const startsLikeSentence = /^[ \t]*(?:[\p{Lu}\p{Nd}"'“‘¿¡(]|[^\p{L}\p{N}\s]*\p{Lo})/u;

function hardBreak(previous: string, next: string): boolean {
  if (isItem(next) || headingMarker.test(previous) || tableRow.test(previous)) return true;
  const last = previous.trimEnd();
  if (/:$/.test(last)) return true;
  if (/[.!?…。！？｡؟۔]["'”’)\]»]*$/u.test(last)) return false;
  return last.trim().length < 60 && !continues.test(last) && startsLikeSentence.test(next);
}

/** Where a block's text starts once a list marker or heading hashes are left out. */
function afterMarker(text: string, start: number, end: number): number {
  const firstLine = text.slice(start, end).split(/\r\n|[\n\r\u2028\u2029]/, 1)[0] ?? '';
  const marker = bulletMarker.exec(firstLine) ?? headingMarker.exec(firstLine);
  return marker ? start + marker[0].length : start;
}

const alwaysAbbreviations = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'vs',
  'v',
  'cf',
  'viz',
  'approx',
  'appx',
  'incl',
  'esp',
  'resp',
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'jr',
  'sr',
  'sra',
  'dra',
  'fig',
  'figs',
  'sec',
  'secs',
  'ch',
  'vol',
  'pp',
  'p',
  'pg',
  'para',
  'dept',
  'al',
  'ej',
  'pág',
  'núm',
  'aprox',
  'ca',
  'est',
]);
// Abbreviations only before a number ("No. 5", "Ref. 12"); elsewhere "No." may be an answer.
const numberAbbreviations = new Set(['no', 'nos', 'nr', 'num', 'ref', 'art', 'n']);

const asciiEnd = /[.!?…]/;
const alwaysEnd = /[。！？｡؟۔]/;
const closer = /["'”’)\]»」』）】]/;

/** Offsets (exclusive ends) where sentences end inside [from, to). */
function boundaries(text: string, from: number, to: number): number[] {
  const cuts: number[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i] ?? '';
    const always = alwaysEnd.test(ch);
    if (!always && !asciiEnd.test(ch)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && (asciiEnd.test(text[j] ?? '') || alwaysEnd.test(text[j] ?? ''))) j++;
    while (j < to && closer.test(text[j] ?? '')) j++;
    if (always ? j < to : endsSentence(text, from, to, i, j)) cuts.push(j);
    i = j;
  }
  return cuts;
}

function endsSentence(text: string, from: number, to: number, at: number, after: number): boolean {
  if (after >= to || !/\s/.test(text[after] ?? '')) return false;
  let k = after;
  while (k < to && /\s/.test(text[k] ?? '')) k++;
  if (k >= to) return false;
  const next = text[k] ?? '';
  if (/[\p{Ll},;:]/u.test(next)) return false;
  if (text[at] !== '.' || after - at > 1 || closer.test(text[after - 1] ?? '')) return true;
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(from, at - 24), at))?.[0] ?? '';
  const lower = word.toLowerCase();
  if (alwaysAbbreviations.has(lower)) return false;
  if (numberAbbreviations.has(lower) && /[\p{Nd}#]/u.test(next)) return false;
  // Dotted initialisms ("U.S.", "a.m.") and the Spanish "p. ej." pair.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  const piece = text.slice(s, e);
  if (/[\p{L}\p{N}]/u.test(piece)) out.push({ text: piece, start: s, end: e });
}
