import type { LocaleCode } from '../i18n/locales.ts';
import { detectLanguage } from '../library/language-detect.ts';

// Question words people start with, written for this hint (short questions carry too few
// stopwords for the document detector): "¿puedo…", "peux-je…", "kann ich…", "có thể…".
const hints: [LocaleCode, RegExp][] = [
  [
    'es',
    /[¿¡]|\b(?:puedo|puede|facturar|cu[aá]nt[oa]s|unidades|cubierto|qu[eé]|c[oó]mo|modificador|juntos|documentar)\b/i,
  ],
  [
    'fr',
    /\b(?:peux|puis-je|peut-on|facturer|combien|unit[ée]s|couvert|quel(?:le)?s?|modificateur|ensemble|est-ce)\b/i,
  ],
  [
    'de',
    /\b(?:kann|darf|abrechnen|wie viele|Einheiten|gedeckt|welche[rs]?|Modifikator|zusammen|was ist)\b/i,
  ],
  ['vi', /\b(?:có thể|bao nhiêu|đơn vị|được không|là gì|cùng với)\b/i],
  ['tl', /\b(?:maaari|puwede|ilang|yunit|ano ang|kasama)\b/i],
];

/** The language of a question: the document detector first, then question-word hints. */
export function questionLanguage(text: string): LocaleCode {
  const detected = detectLanguage(text);
  if (detected !== 'en') return detected;
  for (const [lang, pattern] of hints) if (pattern.test(text)) return lang;
  return 'en';
}
