import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { CodeDescription } from '../codes/code-description.ts';
import type { CardConflict, CardItem } from './card-types.ts';
import type { CoverageRow, MueRow, PtpRow, RvuRow } from './card-fact-rows.ts';
import { rowCitation } from '../library/citations.ts';

const NCCI_ASSOCIATED = 1;

/** Descriptor items: the long descriptor from each in-force source, and the shorter forms. */
export function descriptorItems(description: CodeDescription, lang: LocaleCode): CardItem[] {
  const citations = description.sources.map((s) => ({
    documentId: s.documentId,
    title: s.title,
    version: s.release,
    locator: s.locator,
  }));
  const items: CardItem[] = [
    {
      text: description.description,
      lang: 'en',
      citations,
      effectiveFrom: description.effectiveFrom,
      effectiveTo: description.effectiveTo,
    },
  ];
  if (description.mediumDescription) {
    items.push({
      text: t(lang, 'descriptor.medium', { text: description.mediumDescription }),
      lang,
      citations,
    });
  }
  if (description.shortDescription) {
    items.push({
      text: t(lang, 'descriptor.short', { text: description.shortDescription }),
      lang,
      citations,
    });
  }
  return items;
}

/** Reporting rules from facts: the global period (the MUEs are the reporting table). */
export function reportingItems(rvus: RvuRow[], lang: LocaleCode): CardItem[] {
  const items: CardItem[] = [];
  const rvu = rvus[0];
  const days = rvu?.global_days?.trim();
  if (rvu && days) {
    items.push(
      /^\d+$/.test(days)
        ? {
            text: t(lang, 'reporting.globalDays', { days: Number(days) }),
            lang,
            citations: [rowCitation(rvu)],
          }
        : {
            text: t(lang, 'reporting.globalIndicator', { indicator: days }),
            lang,
            citations: [rowCitation(rvu)],
          },
    );
  }
  return items;
}

/**
 * What a PTP rationale says the pair is, in CMS's words: mutually exclusive procedures, or a
 * column 2 code that is a component of column 1 (a more extensive procedure, a separate
 * procedure, a component); any other rationale (or none, as in files without that column) says
 * only that the two are not reported together, so the card claims no more than that.
 */
export function rationaleRelation(
  rationale: string | null,
): 'mutually-exclusive' | 'component' | null {
  if (!rationale) return null;
  if (/mutually exclusive/i.test(rationale)) return 'mutually-exclusive';
  if (/component|more extensive|separate procedure/i.test(rationale)) return 'component';
  return null;
}

/** Modifiers from facts: which edits an NCCI-associated modifier may bypass, RVU indicators. */
export function modifierItems(
  code: string,
  edits: PtpRow[],
  rvus: RvuRow[],
  lang: LocaleCode,
): CardItem[] {
  const items: CardItem[] = [];
  const bypassable = edits.filter((e) => e.modifier_indicator === NCCI_ASSOCIATED);
  const fixed = edits.filter((e) => e.modifier_indicator === 0);
  if (bypassable.length > 0) {
    items.push({
      text: t(lang, 'modifiers.ncciBypass', { count: bypassable.length }),
      lang,
      codes: bypassable.map((e) => (e.column1 === code ? e.column2 : e.column1)),
      citations: bypassable.map(rowCitation),
    });
  }
  if (fixed.length > 0) {
    items.push({
      text: t(lang, 'modifiers.noBypass', { count: fixed.length }),
      lang,
      codes: fixed.map((e) => (e.column1 === code ? e.column2 : e.column1)),
      citations: fixed.map(rowCitation),
    });
  }
  const rvu = rvus[0];
  if (rvu) {
    const indicators = [
      ['modifiers.multipleProcedure', rvu.multiple_procedure],
      ['modifiers.bilateral', rvu.bilateral_surgery],
      ['modifiers.assistant', rvu.assistant_surgery],
      ['modifiers.coSurgeons', rvu.co_surgeons],
      ['modifiers.team', rvu.team_surgery],
    ] as const;
    for (const [key, value] of indicators) {
      if (value && value.trim() !== '')
        items.push({
          text: t(lang, key, { indicator: value.trim() }),
          lang,
          citations: [rowCitation(rvu)],
        });
    }
  }
  return items;
}

/** Covered diagnoses per coverage policy (LCD / billing article) for this procedure code. */
export function necessityItems(rows: CoverageRow[], lang: LocaleCode): CardItem[] {
  const byPolicy = new Map<string, CoverageRow[]>();
  for (const row of rows)
    byPolicy.set(row.policy_id, [...(byPolicy.get(row.policy_id) ?? []), row]);
  return [...byPolicy].map(([policy, list]) => ({
    text: t(lang, 'necessity.covered', {
      policy,
      count: list.length,
      examples: list
        .slice(0, 6)
        .map((r) => r.icd10_code)
        .join(', '),
    }),
    lang,
    codes: list.map((r) => r.icd10_code),
    citations: list.slice(0, 20).map(rowCitation),
  }));
}

/** Two MUE sources in force for the same setting that state different values. */
export function mueConflicts(mues: MueRow[], dos: string, lang: LocaleCode): CardConflict[] {
  const [first, ...rest] = mues;
  const other = rest.find((m) => first && m.mue_value !== first.mue_value);
  if (!first || !other) return [];
  return [
    {
      section: 'reporting',
      message: t(lang, 'conflict.sources', {
        first: first.title,
        firstValue: String(first.mue_value),
        second: other.title,
        secondValue: String(other.mue_value),
        date: dos,
      }),
      citations: [rowCitation(first), rowCitation(other)],
    },
  ];
}
