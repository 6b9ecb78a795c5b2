import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { CodeDescription } from '../codes/code-description.ts';
import type { CardConflict, CardItem } from './card-types.ts';
import type { AddOnRow, CoverageRow, MueRow, PtpRow, RvuRow } from './card-fact-rows.ts';
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

/** Reporting rules from facts: the MUE in force for the setting, the global period. */
export function reportingItems(
  mues: MueRow[],
  rvus: RvuRow[],
  setting: string,
  lang: LocaleCode,
): CardItem[] {
  const items: CardItem[] = [];
  const mue = mues[0];
  if (mue) {
    items.push({
      text: t(lang, 'reporting.mue', {
        value: mue.mue_value,
        adjudication: String(mue.adjudication ?? 'other'),
        setting,
      }),
      lang,
      citations: [rowCitation(mue)],
    });
    if (mue.rationale) {
      items.push({
        text: t(lang, 'reporting.mueRationale', { rationale: mue.rationale }),
        lang,
        citations: [rowCitation(mue)],
      });
    }
  }
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

/**
 * Bundling from the PTP edits, worded as CMS states them: column 1 / column 2, the modifier
 * indicator, the rationale and the row's dates. "Includes" only where the rationale makes the
 * column 2 code a component; mutually exclusive where it says so.
 */
export function bundlingItems(code: string, edits: PtpRow[], lang: LocaleCode): CardItem[] {
  return edits.map((edit) => {
    const asColumn1 = edit.column1 === code;
    const other = asColumn1 ? edit.column2 : edit.column1;
    const relation = rationaleRelation(edit.rationale);
    const values = {
      code: other,
      indicator: String(edit.modifier_indicator),
      since: edit.effective_from ?? 'none',
      until: edit.deletion_date ?? 'none',
    };
    const text =
      relation === 'component'
        ? `${t(lang, asColumn1 ? 'bundling.includes' : 'bundling.includedIn', values)} ${t(lang, 'bundling.rationale', { rationale: edit.rationale ?? '' })}`
        : t(lang, asColumn1 ? 'verdict.bundlingColumn1' : 'verdict.bundlingColumn2', {
            ...values,
            rationale: edit.rationale ?? 'none',
          });
    return {
      text,
      lang,
      ...(relation === 'component'
        ? { relation: asColumn1 ? ('includes' as const) : ('included-in' as const) }
        : relation === 'mutually-exclusive'
          ? { relation: 'mutually-exclusive' as const }
          : {}),
      codes: [other],
      modifierIndicator: edit.modifier_indicator,
      effectiveFrom: edit.effective_from,
      effectiveTo: edit.deletion_date,
      citations: [rowCitation(edit)],
    } satisfies CardItem;
  });
}

/** Modifiers from facts: which edits an NCCI-associated modifier may bypass, RVU indicators, add-on status. */
export function modifierItems(
  code: string,
  edits: PtpRow[],
  rvus: RvuRow[],
  addOns: AddOnRow[],
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
  const primaries = addOns.filter((a) => a.add_on_code === code);
  if (primaries.length > 0) {
    items.push({
      text: t(lang, 'modifiers.addOn', { codes: primaries.map((a) => a.primary_code).join(', ') }),
      lang,
      codes: primaries.map((a) => a.primary_code),
      citations: primaries.map(rowCitation),
    });
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
