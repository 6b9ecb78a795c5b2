/**
 * Words of a question that carry its meaning: question words, auxiliaries and articles in the
 * ten languages are left out (written for this list, not copied from a corpus), as are codes,
 * which retrieval matches through code mentions instead.
 */
const stopwords = new Set(
  `what which who whom whose when where why how is are was were be been do does did can could
  may might must should would will shall i we you it its this that these those the a an of to in
  on for with and or as at by from about into me my our your their there here please tell explain
  mean means meaning define definition code codes cpt hcpcs icd report reported bill billed
  qué que cuál cuáles cómo cuándo dónde es son el la los las un una de del y o en con por para se
  puedo puede significa
  quoi quel quelle quels quelles comment est sont le les un une des du et ou dans avec pour sur je
  peux signifie ce cette
  was welche welcher welches wie wann wo ist sind der die das ein eine des dem den und oder in mit
  für auf kann ich bedeutet
  gì là và hoặc của có thể cho một những các difference differences between diferencia entre
  différence entre Unterschied zwischen
  ano ang ng mga sa at o ay para ba
  что как когда где это и или в на с для по можно ли такое
  ما هو هي ماذا كيف هل متى أين من في على عن مع
  무엇 뭐 어떻게 언제 어디 이 그 은 는 이란`
    .split(/\s+/)
    .filter(Boolean),
);

const cjk = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface QuestionTerms {
  /** Content words (lower case), for full-text search and sentence scoring. */
  words: string[];
  /** Character bigrams of CJK runs, since those scripts are written without spaces. */
  bigrams: string[];
}

export function questionTerms(text: string): QuestionTerms {
  const words: string[] = [];
  const bigrams: string[] = [];
  for (const token of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (cjk.test(token)) {
      const chars = [...token].filter((c) => cjk.test(c));
      for (let i = 0; i + 1 < chars.length; i++) {
        const bigram = chars[i]! + chars[i + 1]!;
        if (!bigrams.includes(bigram)) bigrams.push(bigram);
      }
      continue;
    }
    if (token.length < 2 || stopwords.has(token) || /\d/.test(token)) continue;
    const word = normalizeToken(token);
    if (!words.includes(word)) words.push(word);
  }
  return { words, bigrams };
}

/**
 * Arabic writes conjunctions, prepositions and the article onto the word ("فتستغرق",
 * "الحقنة"): they are taken off so the question's "تستغرق" and "حقنة" match. Other scripts
 * pass through.
 */
export function normalizeToken(token: string): string {
  if (!/^\p{Script=Arabic}/u.test(token)) return token;
  const bare = token.replace(/^[وفبلك]?(?:ال)?/u, '');
  return bare.length >= 3 ? bare : token;
}

/** Same-stem test that works across our languages without a stemmer: a shared 5-letter start. */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  return n >= 5 && a.slice(0, 5) === b.slice(0, 5);
}
