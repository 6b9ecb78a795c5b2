import { detectCodeMentions, type RangeExpander } from '../library/code-mentions.ts';

export interface ReadAlias {
  name: string;
  codes: string[];
  /** Offsets of the naming phrase in the text, for the citation. */
  start: number;
  end: number;
}

// "also called", "often referred to as", "también llamada", "aussi appelé", "auch genannt",
// "也叫", "又称", "ويسمى أيضا": what introduces another name for the codes just named.
const cue =
  /\b(?:(?:is|are|was|were)\s+)?(?:(?:also|often|commonly|sometimes|usually|widely)\s+)*(?:called|known\s+as|referred\s+to\s+as|named|nicknamed|dubbed)\b|\b(?:tambi[eé]n\s+)?(?:llamad[oa]s?|conocid[oa]s?\s+como|denominad[oa]s?)\b|\b(?:aussi|[ée]galement)\s+(?:appel[ée]e?s?|nomm[ée]e?s?|connue?s?\s+sous\s+le\s+nom\s+de)\b|\bauch\s+(?:genannt|bekannt\s+als|bezeichnet\s+als)\b|也叫|也称|又称|俗称|又叫|(?:و)?يسمى\s+أيضا|(?:و)?يسمى|المعروف\s+باسم/giu;
// "Other names for 62263 and 62264 are a, b and c."
const otherNames = /\bother\s+names\s+for\s+([^.;:]*?)\s+(?:are|include)\s+/giu;
// "Epidural adhesiolysis (procedure code 62264, …)": a term named by its code in parentheses.
const namedByCode =
  /([\p{L}][\p{L}\p{M}\s'-]{2,80}?)\s*[(（]\s*(?:[\p{L}\s]*?\b(?:procedure\s+)?code|c[oó]digo(?:\s+del?\s+procedimiento)?|code\s+(?:de\s+)?(?:l[ae]\s+)?(?:proc[ée]dure|acte)|Code|手术代码|代码|رمز(?:\s+الإجراء)?)\s*(\d{5}|[A-V]\d{4})/giu;

const nameEnd = /[.;:。،，]|,\s*(?:and|y|et|und)\s|\s(?:is|are|es|est|ist|هو)\s/u;
const listSeparator =
  /\s*(?:,|、|，|\bor\b|\band\b|\by\b|\bo\b|\bet\b|\bou\b|\bund\b|\boder\b|\bأو\b|\bو)\s*/u;
const leadingWords = /^(?:the|a|an|el|la|los|las|le|les|l’|der|die|das|ein|eine)\s+/iu;

/**
 * Other names the library gives codes, read from one passage: "X (62263, 62264) is often
 * referred to as the Racz procedure", "Other names for 62263 and 62264 are A, B and C",
 * "Epidural adhesiolysis (procedure code 62264, also called …)", and the same in Spanish,
 * French, German, Chinese and Arabic. A phrase is the alias of the codes named just before its
 * cue (after the previous cue), so one sentence can name several groups.
 */
export function readAliases(text: string, expand?: RangeExpander): ReadAlias[] {
  const mentions = detectCodeMentions(text, expand).filter((m) => m.system !== 'modifier');
  const codesIn = (from: number, to: number) => [
    ...new Set(mentions.filter((m) => m.start >= from && m.end <= to).map((m) => m.code)),
  ];
  const found: ReadAlias[] = [];
  const add = (names: string, codes: string[], start: number) => {
    for (const name of splitNames(names))
      found.push({ name, codes, start, end: start + names.length });
  };

  let previousCueEnd = 0;
  for (const match of text.matchAll(cue)) {
    const sentenceStart = Math.max(text.lastIndexOf('.', match.index) + 1, previousCueEnd);
    let codes = codesIn(sentenceStart, match.index);
    if (codes.length === 0) codes = codesIn(Math.max(0, match.index - 200), match.index);
    previousCueEnd = match.index + match[0].length;
    if (codes.length === 0) continue;
    add(namePhrase(text.slice(previousCueEnd, previousCueEnd + 160)), codes, previousCueEnd);
  }
  for (const match of text.matchAll(otherNames)) {
    const codes = codesIn(match.index, match.index + match[0].length);
    const start = match.index + match[0].length;
    const rest = text.slice(start);
    const stop = /[.;:)]/.exec(rest);
    if (codes.length > 0) add(rest.slice(0, stop ? stop.index : rest.length), codes, start);
  }
  for (const match of text.matchAll(namedByCode)) {
    const term = lastWords(match[1] ?? '');
    const code = match[2];
    if (term && code) add(term, [code], match.index);
  }
  return found;
}

/**
 * The naming phrase after a cue: up to a sentence or clause end, or a closing parenthesis that
 * closes one opened before the cue ("(… also called the Racz procedure) is …").
 */
function namePhrase(rest: string): string {
  const stop = nameEnd.exec(rest);
  let end = stop ? stop.index : rest.length;
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = rest[i];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    }
  }
  return rest.slice(0, end);
}

/** "a (ABBR) or b, c and d" → a, ABBR, b, c, d; each without a leading article. */
function splitNames(raw: string): string[] {
  const names: string[] = [];
  const withoutParens = raw.replace(/[(（]([^)）]{2,20})[)）]/gu, (_, abbr: string) => {
    names.push(abbr.trim());
    return ' ';
  });
  for (const part of withoutParens.split(listSeparator)) {
    const name = part.trim().replace(leadingWords, '').trim();
    if (name.length >= 3 && name.length <= 80) names.push(name);
  }
  return names;
}

/** The term right before "(procedure code …": its last few words, from the clause start. */
function lastWords(phrase: string): string {
  const clause = phrase.split(/[,.;:،]/u).at(-1) ?? '';
  return clause.trim().split(/\s+/).slice(-6).join(' ').replace(leadingWords, '');
}
