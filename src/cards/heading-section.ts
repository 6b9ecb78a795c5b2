import { sectionLabels, type SectionLabel } from '../domain/card-section.ts';
import { localeCodes } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';

const normalized = (text: string) =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();

/** Each card section's title in the ten locales (normalized) -> the section. */
let titles: Map<string, SectionLabel> | null = null;

function sectionTitles(): Map<string, SectionLabel> {
  if (titles) return titles;
  titles = new Map();
  for (const locale of localeCodes) {
    for (const label of sectionLabels) titles.set(normalized(t(locale, `section.${label}`)), label);
  }
  return titles;
}

/**
 * The section a passage's own headings name: the innermost heading that is a card section's
 * title in any of the ten languages ("In simple words", "بكلمات بسيطة", "Ejemplos clínicos").
 * The document's author put the text there: the evidence for sentences in a script the sentence
 * classifier cannot read well (it was trained on Latin-script sentences and a few Chinese ones).
 */
export function headingSection(headingPath: readonly string[]): SectionLabel | null {
  for (let i = headingPath.length - 1; i >= 0; i--) {
    const section = sectionTitles().get(normalized(headingPath[i] ?? ''));
    if (section) return section;
  }
  return null;
}
