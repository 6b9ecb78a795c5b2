import type { LocaleCode } from '../domain/locale.ts';
import { detectLanguage } from '../library/language-detect.ts';
import { wordPattern } from './word-pattern.ts';

// Question words people start with, written for this hint (short questions carry too few
// stopwords for the document detector): "¿puedo…", "peux-je…", "kann ich…", "có thể…".
const hints: [LocaleCode, RegExp][] = [
  [
    'es',
    wordPattern(
      'puedo|puede|facturar|cu[aá]nt[oa]s|unidades|cubierto|qu[eé]|c[oó]mo|modificador|juntos|documentar',
      '[¿¡]',
    ),
  ],
  [
    'fr',
    wordPattern(
      'peux|puis-je|peut-on|facturer|combien|unit[ée]s|couvert|quel(?:le)?s?|modificateur|ensemble|est-ce',
    ),
  ],
  [
    'de',
    wordPattern(
      'kann|darf|abrechnen|wie viele|Einheiten|gedeckt|welche[rs]?|Modifikator|zusammen|was ist',
    ),
  ],
  ['vi', wordPattern('có thể|bao nhiêu|đơn vị|được không|là gì|cùng với')],
  ['tl', wordPattern('maaari|puwede|ilang|yunit|ano ang|kasama')],
];

/** The language of a question: the document detector first, then question-word hints. */
export function questionLanguage(text: string): LocaleCode {
  const detected = detectLanguage(text);
  if (detected !== 'en') return detected;
  for (const [lang, pattern] of hints) if (pattern.test(text)) return lang;
  return 'en';
}
