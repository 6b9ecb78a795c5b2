import { dayOf } from '../../domain/day.ts';
import { mueCounting } from '../../domain/mue-verdict.ts';
import { t } from '../../i18n/translate.ts';
import { editIndexFor, referenceIndexFor } from '../../rules/edit-index-cache.ts';
import type { EditIndex } from '../../rules/edit-index.ts';
import { coversCode } from '../../rules/edit-releases.ts';
import { ReferenceIndex } from '../../rules/reference-index.ts';
import type { Answer } from '../ask-types.ts';
import type { AnswerInput } from './answer-input.ts';
import type { Citation } from '../../domain/citation.ts';

/**
 * How many units of a code may be reported: the MUE the claim check applies for the setting and
 * date (the same release precedence), counted per line or per date as its adjudication indicator
 * says, and any frequency limit the library's guidance states, quoted. Without an MUE it says
 * whether the library has none for the code or cannot tell (no MUE data for the date, or a
 * partial file that does not list the code).
 */
export async function answerUnits(input: AnswerInput): Promise<Answer> {
  const { ctx, lang, dos, setting } = input;
  const [edits, reference] = await Promise.all([editIndexFor(ctx), referenceIndexFor(ctx)]);
  const day = dayOf(dos);
  const lines: string[] = [];
  const citations: Citation[] = [];
  let cannotTell = false;
  for (const code of input.procedures.slice(0, 4)) {
    const id = edits.codeId(code);
    // The MUE the claim check applies (the same precedence, the same call).
    const mue = id === undefined ? null : edits.mueInForce(setting, id, day);
    if (mue) {
      lines.push(
        t(lang, 'ask.unitsMue', {
          code,
          value: mue.value,
          adjudication: String(mue.adjudication ?? 'other'),
          setting,
        }),
        t(lang, 'verdict.mueCounting', {
          counting: mueCounting(mue.adjudication) === 'per-line' ? 'line' : 'date',
        }),
      );
      citations.push({ ...edits.sources[mue.source]!, locator: mue.locator });
    }
    const limits = ReferenceIndex.inForceOn(reference.frequency.get(code) ?? [], day).filter(
      (limit) => limit.setting === null || limit.setting === setting,
    );
    const limit = limits.sort((x, y) => x.max - y.max)[0];
    if (limit) {
      lines.push(t(lang, 'ask.unitsFrequency', { code, max: limit.max, period: limit.period }));
      lines.push(limit.citation.quote ?? '');
      citations.push(limit.citation);
    }
    if (!mue) {
      const gap = mueGap(edits, setting, day, code);
      if (gap !== 'none-listed') cannotTell = true;
      lines.push(
        t(lang, 'verdict.mueMissing', {
          code,
          date: dos,
          setting,
          why: gap === 'none-listed' ? 'none' : gap,
        }),
      );
    }
  }
  return {
    kind: 'units',
    ...(cannotTell ? { verdict: 'cannot-tell' as const } : {}),
    text: lines.join('\n'),
    codes: input.procedures.slice(0, 4),
    citations,
    confidence: cannotTell ? 0.3 : citations.length > 0 ? 1 : 0.5,
  };
}

/** Why no MUE speaks for the code: none in force, a partial file without it, or none listed. */
function mueGap(edits: EditIndex, setting: string, day: number, code: string) {
  const releases = edits.mueReleasesOn(setting, day);
  if (releases.length === 0) return 'noData' as const;
  if (!coversCode(releases, code)) return 'partial' as const;
  return 'none-listed' as const;
}
