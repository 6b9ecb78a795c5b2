import type { LocaleCode } from '../domain/locale.ts';

/** A list written as words separated by white space. */
const words = (list: string): string[] => list.trim().split(/\s+/);

/**
 * Guesses the language of a passage or document. Non-Latin scripts decide first (Han -> zh,
 * Hangul -> ko, Arabic -> ar, Cyrillic -> ru); Latin-script text is scored with small stopword
 * lists plus letters that only one of our languages uses. Too little evidence -> 'en'.
 */
export function detectLanguage(text: string): LocaleCode {
  const sample = text.length > maxSample ? text.slice(0, maxSample) : text;
  const script = dominantScript(sample);
  if (script) return script;
  return latinLanguage(sample);
}

/**
 * The language of one sentence inside a document written in `documentLanguage`: a script that
 * is not Latin decides as for a document; Latin-script words must give a language enough
 * stopword and letter evidence and more than the document's own language gets, else the
 * sentence keeps the document's language (a short "Report 62264." in a Spanish leaflet is not
 * taken for English, a Spanish paragraph in an English guide is Spanish).
 */
export function detectSentenceLanguage(text: string, documentLanguage: string): string {
  const script = dominantScript(text);
  if (script) return script;
  // Latin text in a document written in another script: the document's language cannot be
  // scored with Latin stopwords, so the sentence is judged on its own.
  const scores = latinScores(text);
  const best = bestLatin(scores);
  if (!isLatinLocale(documentLanguage)) return scores[best] >= minimumScore ? best : 'en';
  return scores[best] >= minimumScore && scores[best] > scores[documentLanguage]
    ? best
    : documentLanguage;
}

const isLatinLocale = (lang: string): lang is LatinLocale => lang in stopwords;

/** Whether a language of ours is written in the Latin script (en es fr de vi tl). */
export const isLatinScriptLanguage = (lang: string): boolean => isLatinLocale(lang);

/** Enough text to decide; longer inputs are sampled from the start. */
const maxSample = 20_000;

type LatinLocale = 'en' | 'es' | 'fr' | 'de' | 'vi' | 'tl';

// Small lists of very common words, written for this detector (not copied from a corpus).
const stopwords: Record<LatinLocale, readonly string[]> = {
  en: words(`the and of to in is for that with on as are be this by or it not from at an was which
    when must should may have has will if can only`),
  es: words(`el la los las de del y en que por para con una un es se no al como su sus lo más o pero
    este esta cuando debe son está puede`),
  fr: words(`le la les de des du et en un une est que qui pour dans par sur au aux pas ne ce cette il
    elle avec sont doit ou être plus peut`),
  de: words(`der die das und ist nicht ein eine einen dem den des mit für von zu auf im in sich es
    werden wird sind bei oder auch als nach kann muss wenn`),
  vi: words(`và của là có không các những được cho trong với này một người đã để khi từ theo về như
    thì bệnh phải cần nếu hoặc tại đến sẽ mã nhân`),
  tl: words(`ang ng mga sa na at ay ko mo ito siya hindi para kung may lang po naman kami sila ni
    nang dahil iyon niya ako ka kayo natin rin din pa isang`),
};

/** Each word is worth 1 split across the languages whose list has it ("de", "la", "en"...). */
const stopwordWeights: Map<string, Partial<Record<LatinLocale, number>>> = buildWeights();

function buildWeights(): Map<string, Partial<Record<LatinLocale, number>>> {
  const owners = new Map<string, LatinLocale[]>();
  for (const [locale, list] of Object.entries(stopwords) as [LatinLocale, readonly string[]][]) {
    for (const word of list) owners.set(word, [...(owners.get(word) ?? []), locale]);
  }
  const weights = new Map<string, Partial<Record<LatinLocale, number>>>();
  for (const [word, locales] of owners) {
    const share: Partial<Record<LatinLocale, number>> = {};
    for (const locale of locales) share[locale] = 1 / locales.length;
    weights.set(word, share);
  }
  return weights;
}

// Letters that point at one language: Vietnamese tone and vowel marks (the Latin Extended
// Additional block plus ă đ ĩ ơ ũ ư), Spanish ñ and inverted marks, German ß and umlauts,
// French ç œ and accents Spanish does not use.
const letterSignals: [LatinLocale, RegExp, number][] = [
  ['vi', /[ăđĩơũưẠ-ỹ]/iu, 1.5],
  ['es', /[ñ¿¡]/iu, 1],
  ['de', /[ßäöü]/iu, 0.75],
  ['fr', /[çœèùûëïîêâô]/iu, 0.5],
];

/** Minimum evidence before a Latin-script guess overrides the 'en' default. */
const minimumScore = 1.5;

function latinLanguage(text: string): LocaleCode {
  const scores = latinScores(text);
  const best = bestLatin(scores);
  return scores[best] >= minimumScore ? best : 'en';
}

function latinScores(text: string): Record<LatinLocale, number> {
  const scores: Record<LatinLocale, number> = { en: 0, es: 0, fr: 0, de: 0, vi: 0, tl: 0 };
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = match[0].toLowerCase();
    const share = stopwordWeights.get(word);
    if (share) {
      for (const [locale, weight] of Object.entries(share) as [LatinLocale, number][]) {
        scores[locale] += weight;
      }
    }
    for (const [locale, pattern, weight] of letterSignals) {
      if (pattern.test(word)) scores[locale] += weight;
    }
  }
  return scores;
}

function bestLatin(scores: Record<LatinLocale, number>): LatinLocale {
  let best: LatinLocale = 'en';
  for (const locale of Object.keys(scores) as LatinLocale[]) {
    if (scores[locale] > scores[best]) best = locale;
  }
  return best;
}

type ScriptLocale = 'zh' | 'ko' | 'ar' | 'ru';

// A Han or Hangul character carries roughly what three Latin letters do, so CJK text with
// embedded English terms and codes still reads as CJK.
const scripts: [ScriptLocale | 'latin', RegExp, number][] = [
  ['zh', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, 3],
  ['ko', /\p{Script=Hangul}/gu, 3],
  ['ar', /\p{Script=Arabic}/gu, 1],
  ['ru', /\p{Script=Cyrillic}/gu, 1],
  ['latin', /\p{Script=Latin}/gu, 1],
];

function dominantScript(text: string): ScriptLocale | null {
  let best: ScriptLocale | 'latin' = 'latin';
  let bestScore = 0;
  let bestCount = 0;
  for (const [name, pattern, weight] of scripts) {
    const count = text.match(pattern)?.length ?? 0;
    if (count * weight > bestScore) {
      best = name;
      bestScore = count * weight;
      bestCount = count;
    }
  }
  return best !== 'latin' && bestCount >= 2 ? best : null;
}
