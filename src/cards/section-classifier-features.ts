import { detectCodeMentions } from '../library/code-mentions.ts';

const placeholder = {
  cpt: ' <cpt> ',
  hcpcs: ' <hcpcs> ',
  icd10cm: ' <icd> ',
  modifier: ' <modifier> ',
} as const;

/**
 * The text with codes, spinal levels and numbers replaced by placeholder tokens, so that
 * "do not report 77003 with 62321" and "do not report 76942 with 20611" look alike and the
 * model learns the wording of a section, not the codes it happened to see.
 */
export function maskCodes(text: string): string {
  let masked = '';
  let at = 0;
  for (const mention of detectCodeMentions(text)) {
    if (mention.start < at) continue;
    masked += text.slice(at, mention.start) + placeholder[mention.system];
    at = mention.end;
  }
  masked += text.slice(at);
  return masked
    .replace(/\b[CTLS]\d{1,2}(?:\s*[-–/]\s*[CTLS]?\d{1,2})?\b/g, ' <level> ')
    .replace(/\d+(?:[.,]\d+)*/g, ' <num> ');
}

const prefixLength = 5;

const tokenPattern =
  /<[a-z0-9]+>|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}]+(?:'[\p{L}]+)?/gu;

/** Lower-cased, accent-folded word tokens (CJK characters one by one), lightly stemmed. */
export function tokenize(text: string): string[] {
  const folded = maskCodes(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'");
  return [...folded.matchAll(tokenPattern)].map((m) => stem(m[0]));
}

/** A crude suffix stripper: enough to fold plurals and verb forms of short training data. */
function stem(token: string): string {
  if (token.startsWith('<')) return token;
  let word = token.replace(/'s$/, '').replace(/'/g, '');
  if (word.length > 5 && word.endsWith('ing')) word = word.slice(0, -3);
  else if (word.length > 4 && word.endsWith('ed')) word = word.slice(0, -2);
  else if (word.length > 4 && word.endsWith('ies')) word = `${word.slice(0, -3)}y`;
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
  return word;
}

/**
 * The features of one sentence: unigrams, bigrams (with start and end markers), 5-letter
 * prefixes of longer words (so "document", "documentation" and the Spanish "documente" share
 * one), and a few shape features, since headings ("Modifiers", "Coverage indications") are
 * short and unpunctuated and list lead-ins end with a colon. Each feature appears once.
 */
export function sentenceFeatures(text: string): string[] {
  const tokens = tokenize(text);
  const features = new Set<string>(tokens);
  for (const token of tokens) {
    if (token.length > prefixLength && !token.startsWith('<')) {
      features.add(`~${token.slice(0, prefixLength)}`);
    }
  }
  const padded = ['<s>', ...tokens, '</s>'];
  for (let i = 0; i + 1 < padded.length; i++) features.add(`${padded[i]} ${padded[i + 1]}`);
  const trimmed = text.trim();
  if (tokens.length <= 4) features.add('#short');
  if (/[:：]$/.test(trimmed)) features.add('#colon');
  if (/[?？؟]$/.test(trimmed)) features.add('#question');
  if (!/[.!?:;。！？؟]$/.test(trimmed)) features.add('#unpunctuated');
  return [...features];
}

/** A feature that is about the words, as opposed to the sentence's shape. */
export const isLexicalFeature = (feature: string) => !feature.startsWith('#');
