import { sql } from 'kysely';
import { rowCitation } from '../../cards/card-citations.ts';
import type { Citation } from '../../cards/card-types.ts';
import { t } from '../../i18n/translate.ts';
import { documentInForce } from '../../library/store/effective.ts';
import { bypassingModifier } from '../../rules/ncci-modifiers.ts';
import type { Answer, PairVerdict } from '../ask-types.ts';
import type { AnswerInput } from './answer-input.ts';
import { proseBars } from './prose-bars.ts';

interface PairEdit {
  column1: string;
  column2: string;
  modifier_indicator: number;
  effective_from: string | null;
  deletion_date: string | null;
  document_id: number;
  title: string;
  release: string | null;
  locator: string;
}

/** Worst first: the verdict of several edits or pairs is the most restrictive one. */
const severity: PairVerdict[] = ['not-allowed', 'modifier-required', 'allowed', 'no-edit-found'];

/**
 * Whether two (or more) procedures may be reported together on the date of service, for the
 * setting: the NCCI PTP edits between them in either direction (indicator 0: never; 1: with an
 * NCCI-associated modifier; 9, or deleted before the date: allowed), else no edit found,
 * with what the guidance says ("do not report X with Y") quoted. Each pair gets a cited line.
 */
export async function answerPair(input: AnswerInput): Promise<Answer> {
  const codes = input.procedures.slice(0, 4);
  const lines: string[] = [];
  const citations: Citation[] = [];
  let verdict: PairVerdict = 'no-edit-found';
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const result = await pairVerdict(input, codes[i]!, codes[j]!);
      lines.push(result.text);
      citations.push(...result.citations);
      if (severity.indexOf(result.verdict) < severity.indexOf(verdict)) verdict = result.verdict;
    }
  }
  return {
    kind: 'pair',
    verdict,
    text: lines.join('\n'),
    codes,
    citations,
    confidence: verdict === 'no-edit-found' ? 0.6 : 1,
  };
}

async function pairVerdict(
  input: AnswerInput,
  a: string,
  b: string,
): Promise<{ verdict: PairVerdict; text: string; citations: Citation[] }> {
  const { ctx, lang, dos, setting } = input;
  const { rows } = await sql<PairEdit>`
    select e.column1, e.column2, e.modifier_indicator, e.effective_from, e.deletion_date,
      e.locator, d.id as document_id, d.title, d.release
    from ptp_edits e join documents d on d.id = e.document_id
    where e.org_id = ${ctx.orgId} and d.setting = ${setting} and ${documentInForce('d', dos)}
      and ((e.column1 = ${a} and e.column2 = ${b}) or (e.column1 = ${b} and e.column2 = ${a}))
    order by e.modifier_indicator, d.effective_from desc nulls last, d.id desc`.execute(ctx.db);
  const inForce = rows.filter(
    (e) =>
      (e.effective_from === null || e.effective_from <= dos) &&
      (e.deletion_date === null || e.deletion_date > dos),
  );
  const edit = inForce[0];
  if (edit) {
    const codes = { column1: edit.column1, column2: edit.column2 };
    const citations = [rowCitation(edit)];
    if (edit.modifier_indicator === 0)
      return { verdict: 'not-allowed', text: t(lang, 'ask.pairNotAllowed', codes), citations };
    if (edit.modifier_indicator === 1) {
      const modifier =
        bypassingModifier(edit.column1, input.question.modifiers) ??
        bypassingModifier(edit.column2, input.question.modifiers);
      if (modifier)
        return {
          verdict: 'allowed',
          text: t(lang, 'finding.ptpBypassed', { ...codes, modifier }),
          citations,
        };
      return {
        verdict: 'modifier-required',
        text: t(lang, 'ask.pairModifierRequired', codes),
        citations,
      };
    }
    return { verdict: 'allowed', text: t(lang, 'ask.pairAllowed', codes), citations };
  }
  const deleted = rows.find((e) => e.deletion_date !== null && e.deletion_date <= dos);
  if (deleted) {
    return {
      verdict: 'allowed',
      text: t(lang, 'ask.pairDeleted', {
        column1: deleted.column1,
        column2: deleted.column2,
        date: dos,
      }),
      citations: [rowCitation(deleted)],
    };
  }
  // The verdict follows the edits; what the guidance says about the pair is shown beside it.
  const bars = await proseBars(input, a, b);
  const noEdit = t(lang, 'ask.pairNoEdit', { codes: `${a}, ${b}`, setting, date: dos });
  return {
    verdict: 'no-edit-found',
    text:
      bars.length > 0
        ? [noEdit, t(lang, 'ask.pairGuidance'), ...bars.map((c) => c.quote ?? '')].join('\n')
        : noEdit,
    citations: bars,
  };
}
