/**
 * Splits a model reply into sentences and reads each sentence's [P1] markers. Markers belong to
 * the sentence they follow, also when the model puts them after the full stop
 * ("… contrast. [P2] Next…"). A line break always ends a sentence; so do ". ! ? … ؟ ۔ ।" before
 * white space and the full-width "。！？" anywhere. A full stop inside a code ("M54.16") or a
 * number never splits, nor does one after a single letter or a common abbreviation ("e.g.",
 * "etc.", "vs.") unless citation markers follow it.
 */

export interface CitedSentence {
  /** The sentence with its markers removed. */
  text: string;
  /** Cited ids, "P1" form, in order of first mention, without repeats. */
  ids: string[];
}

/** [P1], [p 1], [P1, P3], [P1; P3], full-width ［P1］ and 【P1】. */
const markerSource = String.raw`[[［【]\s*p\s*\d+(?:\s*[,;，、]\s*p\s*\d+)*\s*[\]］】]`;
const marker = new RegExp(markerSource, 'giu');
const markersAhead = new RegExp(String.raw`(?:\s*${markerSource})+`, 'iuy');
const markerExact = new RegExp(String.raw`^${markerSource}$`, 'iu');
const markerOnlyLine = new RegExp(String.raw`^\s*(?:${markerSource}\s*)+[.。]?\s*$`, 'iu');

const latinStops = new Set(['.', '!', '?', '…', '؟', '۔', '।']);
const wideStops = new Set(['。', '！', '？']);
const closers = new Set(['"', "'", '”', '’', '»', ')', '）', '」', '』']);
const abbreviations = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'approx',
  'incl',
  'fig',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'p.ej',
  'núm',
  'pág',
  'art',
  'z.b',
  'bzw',
  'ca',
  'p',
  'pp',
]);

/** Reasoning models served locally may prefix the reply with their thinking; it is not answer. */
const thinking = /<think>[\s\S]*?(?:<\/think>|$)/gi;

/** Bullets and list numbers at a line start ("- ", "2. ", "b) ", "- 1. "): not sentences. */
const listMarker = /^\s*(?:(?:[-*•·‣▪]|\d{1,3}[.)]|[A-Za-z][.)])\s+)+/;

export function splitCitedSentences(reply: string): CitedSentence[] {
  const lines = reply
    .replace(thinking, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n');
  const joined: string[] = [];
  for (const line of lines) {
    // A line holding only markers cites the sentence above it.
    const previous = joined.length - 1;
    if (markerOnlyLine.test(line) && previous >= 0) joined[previous] += ` ${line.trim()}`;
    else joined.push(line.replace(listMarker, ''));
  }
  const sentences: CitedSentence[] = [];
  for (const line of joined) {
    for (const fragment of splitLine(line)) {
      const sentence = readMarkers(fragment);
      // Fragments with no letter or digit ("**", a stray marker) are not sentences.
      if (/[\p{L}\p{N}]/u.test(sentence.text)) sentences.push(sentence);
    }
  }
  return sentences;
}

function splitLine(line: string): string[] {
  const fragments: string[] = [];
  let start = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    const isStop = isStopChar(ch);
    if (!isStop && !/[\]］】]/.test(ch)) {
      i++;
      continue;
    }
    let end = i + 1;
    if (isStop) {
      while (end < line.length && isStopChar(line[end] ?? '')) end++;
      while (end < line.length && closers.has(line[end] ?? '')) end++;
    } else {
      // A closing bracket: is it the end of a marker?
      const open = Math.max(
        line.lastIndexOf('[', i),
        line.lastIndexOf('［', i),
        line.lastIndexOf('【', i),
      );
      if (open < 0 || !markerExact.test(line.slice(open, end))) {
        i++;
        continue;
      }
    }
    markersAhead.lastIndex = end;
    const markers = markersAhead.exec(line);
    const afterMarkers = markers ? end + markers[0].length : end;
    const next = line.slice(afterMarkers);
    let boundary: boolean;
    if (!isStop) {
      // Markers without a stop end a sentence only where a new one visibly starts.
      boundary = /^\s+\p{Lu}/u.test(next);
    } else if (markers || wideStops.has(ch)) {
      boundary = true;
    } else {
      boundary =
        (next === '' || /^\s/.test(next)) && !(ch === '.' && isAbbreviation(line, start, i));
    }
    if (boundary) {
      fragments.push(line.slice(start, afterMarkers));
      start = afterMarkers;
    }
    i = afterMarkers > i ? afterMarkers : i + 1;
  }
  if (start < line.length) fragments.push(line.slice(start));
  return fragments.filter((f) => f.trim() !== '');
}

function isStopChar(ch: string): boolean {
  return latinStops.has(ch) || wideStops.has(ch);
}

/** The word before a full stop is a single letter or a known abbreviation. */
function isAbbreviation(line: string, start: number, dot: number): boolean {
  const word = /[\p{L}.]+$/u.exec(line.slice(start, dot))?.[0] ?? '';
  if (word === '') return false;
  return /^\p{L}$/u.test(word) || abbreviations.has(word.toLowerCase());
}

function readMarkers(fragment: string): CitedSentence {
  const ids: string[] = [];
  for (const match of fragment.matchAll(marker)) {
    for (const digits of match[0].match(/\d+/g) ?? []) {
      const id = `P${Number(digits)}`;
      if (!ids.includes(id)) ids.push(id);
    }
  }
  const text = fragment
    .replace(marker, ' ')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ([.,;:!?…。！？،؟])/g, '$1')
    .trim();
  return { text, ids };
}
