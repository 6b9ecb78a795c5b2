import type { CodeDescription } from '../codes/code-description.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { CardConflict, CardItem } from './card-types.ts';
import type { PtpRow } from './card-fact-rows.ts';
import { rowCitation } from '../library/citations.ts';

/**
 * A prose sentence that bars a pair ("do not report X with Y") against the NCCI table in force,
 * which lets a modifier bypass the edit (indicator 1) or does not apply it (9). The table is the
 * dated fact, so it is named first; both sources are cited.
 */
export function proseTableConflicts(
  code: string,
  proseBundling: CardItem[],
  edits: PtpRow[],
  dos: string,
  lang: LocaleCode,
): CardConflict[] {
  const conflicts: CardConflict[] = [];
  for (const item of proseBundling) {
    if (item.relation !== undefined && item.relation !== 'mutually-exclusive') continue;
    for (const other of item.codes ?? []) {
      const edit = edits.find(
        (e) =>
          (e.column1 === code && e.column2 === other) ||
          (e.column1 === other && e.column2 === code),
      );
      const prose = item.citations[0];
      if (!edit || edit.modifier_indicator === 0 || !prose) continue;
      conflicts.push({
        section: 'bundling',
        message: t(lang, 'conflict.sources', {
          first: edit.title,
          firstValue: `${edit.column1}/${edit.column2} = ${edit.modifier_indicator}`,
          second: prose.title,
          secondValue: prose.quote ?? item.text,
          date: dos,
        }),
        citations: [rowCitation(edit), prose],
      });
    }
  }
  return conflicts;
}

/** Two in-force code tables that word the descriptor differently; the newer is shown first. */
export function descriptorConflicts(
  description: CodeDescription | null,
  dos: string,
  lang: LocaleCode,
): CardConflict[] {
  const [first, second] = description?.variants ?? [];
  if (!first || !second) return [];
  const cite = (v: typeof first) => ({
    documentId: v.source.documentId,
    title: v.source.title,
    version: v.source.release,
    locator: v.source.locator,
  });
  return [
    {
      section: 'descriptor',
      message: t(lang, 'conflict.sources', {
        first: first.source.title,
        firstValue: first.text,
        second: second.source.title,
        secondValue: second.text,
        date: dos,
      }),
      citations: [cite(first), cite(second)],
    },
  ];
}
