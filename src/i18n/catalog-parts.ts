// Message catalogs in parts, one folder per area, so that work on different areas never edits
// the same file. translate.ts merges them with the main catalog; keys must not repeat.
import dating_en from './messages/dating/en.json' with { type: 'json' };
import dating_es from './messages/dating/es.json' with { type: 'json' };
import dating_zh from './messages/dating/zh.json' with { type: 'json' };
import dating_ru from './messages/dating/ru.json' with { type: 'json' };
import dating_ar from './messages/dating/ar.json' with { type: 'json' };
import dating_vi from './messages/dating/vi.json' with { type: 'json' };
import dating_fr from './messages/dating/fr.json' with { type: 'json' };
import dating_de from './messages/dating/de.json' with { type: 'json' };
import dating_ko from './messages/dating/ko.json' with { type: 'json' };
import dating_tl from './messages/dating/tl.json' with { type: 'json' };
import facts_en from './messages/facts/en.json' with { type: 'json' };
import facts_es from './messages/facts/es.json' with { type: 'json' };
import facts_zh from './messages/facts/zh.json' with { type: 'json' };
import facts_ru from './messages/facts/ru.json' with { type: 'json' };
import facts_ar from './messages/facts/ar.json' with { type: 'json' };
import facts_vi from './messages/facts/vi.json' with { type: 'json' };
import facts_fr from './messages/facts/fr.json' with { type: 'json' };
import facts_de from './messages/facts/de.json' with { type: 'json' };
import facts_ko from './messages/facts/ko.json' with { type: 'json' };
import facts_tl from './messages/facts/tl.json' with { type: 'json' };
import fees_en from './messages/fees/en.json' with { type: 'json' };
import fees_es from './messages/fees/es.json' with { type: 'json' };
import fees_zh from './messages/fees/zh.json' with { type: 'json' };
import fees_ru from './messages/fees/ru.json' with { type: 'json' };
import fees_ar from './messages/fees/ar.json' with { type: 'json' };
import fees_vi from './messages/fees/vi.json' with { type: 'json' };
import fees_fr from './messages/fees/fr.json' with { type: 'json' };
import fees_de from './messages/fees/de.json' with { type: 'json' };
import fees_ko from './messages/fees/ko.json' with { type: 'json' };
import fees_tl from './messages/fees/tl.json' with { type: 'json' };
import verdicts_en from './messages/verdicts/en.json' with { type: 'json' };
import verdicts_es from './messages/verdicts/es.json' with { type: 'json' };
import verdicts_zh from './messages/verdicts/zh.json' with { type: 'json' };
import verdicts_ru from './messages/verdicts/ru.json' with { type: 'json' };
import verdicts_ar from './messages/verdicts/ar.json' with { type: 'json' };
import verdicts_vi from './messages/verdicts/vi.json' with { type: 'json' };
import verdicts_fr from './messages/verdicts/fr.json' with { type: 'json' };
import verdicts_de from './messages/verdicts/de.json' with { type: 'json' };
import verdicts_ko from './messages/verdicts/ko.json' with { type: 'json' };
import verdicts_tl from './messages/verdicts/tl.json' with { type: 'json' };
import changes_en from './messages/changes/en.json' with { type: 'json' };
import changes_es from './messages/changes/es.json' with { type: 'json' };
import changes_zh from './messages/changes/zh.json' with { type: 'json' };
import changes_ru from './messages/changes/ru.json' with { type: 'json' };
import changes_ar from './messages/changes/ar.json' with { type: 'json' };
import changes_vi from './messages/changes/vi.json' with { type: 'json' };
import changes_fr from './messages/changes/fr.json' with { type: 'json' };
import changes_de from './messages/changes/de.json' with { type: 'json' };
import changes_ko from './messages/changes/ko.json' with { type: 'json' };
import changes_tl from './messages/changes/tl.json' with { type: 'json' };

export const datingCatalogs = {
  en: dating_en,
  es: dating_es,
  zh: dating_zh,
  ru: dating_ru,
  ar: dating_ar,
  vi: dating_vi,
  fr: dating_fr,
  de: dating_de,
  ko: dating_ko,
  tl: dating_tl,
};
export const factsCatalogs = {
  en: facts_en,
  es: facts_es,
  zh: facts_zh,
  ru: facts_ru,
  ar: facts_ar,
  vi: facts_vi,
  fr: facts_fr,
  de: facts_de,
  ko: facts_ko,
  tl: facts_tl,
};
export const verdictsCatalogs = {
  en: verdicts_en,
  es: verdicts_es,
  zh: verdicts_zh,
  ru: verdicts_ru,
  ar: verdicts_ar,
  vi: verdicts_vi,
  fr: verdicts_fr,
  de: verdicts_de,
  ko: verdicts_ko,
  tl: verdicts_tl,
};
export const feesCatalogs = {
  en: fees_en,
  es: fees_es,
  zh: fees_zh,
  ru: fees_ru,
  ar: fees_ar,
  vi: fees_vi,
  fr: fees_fr,
  de: fees_de,
  ko: fees_ko,
  tl: fees_tl,
};

export const changesCatalogs = {
  en: changes_en,
  es: changes_es,
  zh: changes_zh,
  ru: changes_ru,
  ar: changes_ar,
  vi: changes_vi,
  fr: changes_fr,
  de: changes_de,
  ko: changes_ko,
  tl: changes_tl,
};
