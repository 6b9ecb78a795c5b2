import { rowCitation } from '../../cards/card-citations.ts';
import { findMues } from '../../cards/card-facts.repository.ts';
import type { Citation } from '../../cards/card-types.ts';
import { t } from '../../i18n/translate.ts';
import { referenceIndexFor } from '../../rules/edit-index-cache.ts';
import { dayNumber } from '../../rules/edit-index.ts';
import { ReferenceIndex } from '../../rules/reference-index.ts';
import type { Answer } from '../ask-types.ts';
import { scopeFor, type AnswerInput } from './answer-input.ts';

/**
 * How many units of a code may be reported: its MUE for the setting and date (with the kind of
 * edit), and any frequency limit the library's guidance states, quoted.
 */
export async function answerUnits(input: AnswerInput): Promise<Answer> {
  const { ctx, lang, dos, setting } = input;
  const reference = await referenceIndexFor(ctx);
  const lines: string[] = [];
  const citations: Citation[] = [];
  for (const code of input.procedures.slice(0, 4)) {
    const [mue] = await findMues(ctx.db, scopeFor(input, code));
    if (mue) {
      lines.push(
        t(lang, 'ask.unitsMue', {
          code,
          value: mue.mue_value,
          adjudication: String(mue.adjudication ?? 'other'),
          setting,
        }),
      );
      citations.push(rowCitation(mue));
    }
    const limits = ReferenceIndex.inForceOn(
      reference.frequency.get(code) ?? [],
      dayNumber(dos),
    ).filter((limit) => limit.setting === null || limit.setting === setting);
    const limit = limits.sort((x, y) => x.max - y.max)[0];
    if (limit) {
      lines.push(t(lang, 'ask.unitsFrequency', { code, max: limit.max, period: limit.period }));
      lines.push(limit.citation.quote ?? '');
      citations.push(limit.citation);
    }
    if (!mue && !limit) lines.push(t(lang, 'ask.unitsNone', { code, date: dos }));
  }
  return {
    kind: 'units',
    text: lines.join('\n'),
    codes: input.procedures.slice(0, 4),
    citations,
    confidence: citations.length > 0 ? 1 : 0.5,
  };
}
