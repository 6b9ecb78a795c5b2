import { dayOf, isoOf } from '../../domain/day.ts';
import { anatomicModifiers } from '../../domain/ncci-modifiers.ts';
import type { PairLine, PtpVerdict, PtpVerdictKind } from '../../domain/ptp-verdict.ts';
import { camel } from '../../i18n/select-key.ts';
import { t } from '../../i18n/translate.ts';
import type { RuleIndexes } from '../../rules/check-context.ts';
import { editIndexFor, referenceIndexFor } from '../../rules/edit-index-cache.ts';
import { knowsCode } from '../../rules/known-code.ts';
import { judgePair, type PtpEdit } from '../../rules/ptp-pair.ts';
import { ptpScopeText, staleNcciText } from '../../rules/ptp-scope-text.ts';
import type { Answer, PairVerdict } from '../ask-types.ts';
import type { AnswerInput } from './answer-input.ts';
import { describeEdit } from './ptp-edit-text.ts';
import { proseBars } from './prose-bars.ts';
import type { Citation } from '../../domain/citation.ts';

/** Worst first: the verdict of several pairs is the most restrictive one. */
const severity: PairVerdict[] = [
  'not-allowed',
  'modifier-required',
  'cannot-tell',
  'allowed',
  'no-edit-found',
];

/**
 * Whether two (or more) procedures may be reported together on the date of service, for the
 * setting: the verdict the claim check gives (`judgePair`), with the edit row quoted in CMS's
 * own terms (column 1, column 2, modifier indicator, rationale, dates), where the library looked
 * when it found no edit, what it cannot tell, and what the guidance says when it disagrees.
 */
export async function answerPair(input: AnswerInput): Promise<Answer> {
  const codes = input.procedures.slice(0, 4);
  const lines: string[] = [];
  const citations: Citation[] = [];
  const pairs: NonNullable<Answer['pairs']> = [];
  let verdict: PairVerdict = 'no-edit-found';
  // The check's indexes, once for every pair of the question.
  const [edits, reference] = await Promise.all([
    editIndexFor(input.ctx),
    referenceIndexFor(input.ctx),
  ]);
  const indexes = { edits, reference };
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const result = await pairAnswer(input, indexes, codes[i]!, codes[j]!);
      lines.push(...result.lines);
      citations.push(...result.citations);
      pairs.push({ codes: [codes[i]!, codes[j]!], verdict: result.kind });
      if (severity.indexOf(result.verdict) < severity.indexOf(verdict)) verdict = result.verdict;
    }
  }
  return {
    kind: 'pair',
    verdict,
    text: lines.join('\n'),
    codes,
    citations,
    pairs,
    confidence: verdict === 'cannot-tell' ? 0.3 : verdict === 'no-edit-found' ? 0.8 : 1,
  };
}

/**
 * The question's modifiers on the two lines as a coder would place them: column 2 and E/M
 * modifiers where CMS asks for them (the verdict reads them on the right line), two different
 * anatomic modifiers one per line, a single anatomic modifier on one line only.
 */
export function questionLines(
  a: string,
  b: string,
  modifiers: readonly string[],
): [PairLine, PairLine] {
  const sites = modifiers.filter((m) => anatomicModifiers.has(m));
  const others = modifiers.filter((m) => !anatomicModifiers.has(m));
  const siteA = sites.length >= 2 ? [sites[0]!] : [];
  const siteB = sites.length >= 2 ? [sites[1]!] : sites.slice(0, 1);
  return [
    { code: a, modifiers: [...others, ...siteA] },
    { code: b, modifiers: [...others, ...siteB] },
  ];
}

async function pairAnswer(
  input: AnswerInput,
  { edits, reference }: RuleIndexes,
  a: string,
  b: string,
): Promise<{
  verdict: PairVerdict;
  kind: PtpVerdictKind;
  lines: string[];
  citations: Citation[];
}> {
  const { lang, dos, setting } = input;
  const day = dayOf(dos);
  const [lineA, lineB] = questionLines(a, b, input.question.modifiers);
  const judged = judgePair(
    edits,
    (code) => knowsCode(edits, reference, code),
    setting,
    lineA,
    lineB,
    day,
  );
  const scope = () => ptpScopeText(edits, setting, day, lang);
  const said = verdictLines(judged, { lang, dos, setting, a, b, scope });
  const edit = 'edit' in judged ? judged.edit : null;
  const lines = edit ? [said.text, describeEdit(edit, lang)] : [said.text];
  // The newest PTP release speaking for the date, when it is older than the date calls for.
  const stale = staleNcciText(edits, edits.ptpReleasesOn(setting, day)[0], 'NCCI PTP', dos, lang);
  if (stale) lines.push(stale);
  const citations = edit ? [edit.citation] : [];
  // Guidance that bars the pair is shown beside any verdict that lets them be reported together.
  if (said.verdict !== 'not-allowed' && said.verdict !== 'cannot-tell') {
    const bars = await proseBars(input, a, b);
    if (bars.length > 0) {
      lines.push(t(lang, 'verdict.pairConflict'), ...bars.map((c) => c.quote ?? ''));
      citations.push(...bars);
    }
  }
  return { verdict: said.verdict, kind: judged.kind, lines, citations };
}

interface Wording {
  lang: AnswerInput['lang'];
  dos: string;
  setting: string;
  a: string;
  b: string;
  scope: () => string;
}

function verdictLines(
  judged: PtpVerdict<PtpEdit>,
  w: Wording,
): { verdict: PairVerdict; text: string } {
  const { lang, dos: date, setting } = w;
  switch (judged.kind) {
    case 'not-allowed':
      return {
        verdict: 'not-allowed',
        text: t(lang, 'verdict.pairNotAllowed', { ...pair(judged.edit), date }),
      };
    case 'modifier-required': {
      const text = t(lang, 'verdict.pairModifierRequired', { ...pair(judged.edit), date });
      const misuse = judged.misuse
        ? t(lang, 'verdict.ptpModifierMisuse', {
            ...pair(judged.edit),
            modifier: judged.misuse.modifier,
            why: camel(judged.misuse.kind),
          })
        : null;
      return { verdict: 'modifier-required', text: misuse ? `${text}\n${misuse}` : text };
    }
    case 'bypassed':
      return {
        verdict: 'allowed',
        text: t(lang, 'verdict.pairBypassed', { ...pair(judged.edit), modifier: judged.modifier }),
      };
    case 'not-applicable':
      return { verdict: 'allowed', text: t(lang, 'verdict.pairNotApplicable', pair(judged.edit)) };
    case 'deleted':
      return {
        verdict: 'allowed',
        text: t(lang, 'verdict.pairDeleted', {
          ...pair(judged.edit),
          date,
          until: lastDay(judged.edit),
        }),
      };
    case 'no-edit':
      return {
        verdict: 'no-edit-found',
        text: t(lang, 'verdict.pairNoEdit', { a: w.a, b: w.b, date, setting, scope: w.scope() }),
      };
    case 'cannot-tell': {
      const codes = judged.codes.join(', ');
      const text =
        judged.reason === 'unknown-code'
          ? t(lang, 'verdict.unknownCodes', { codes, count: judged.codes.length })
          : judged.reason === 'no-data'
            ? t(lang, 'verdict.pairNoData', { setting, date })
            : t(lang, 'verdict.pairUncovered', { setting, date, scope: w.scope(), codes });
      return { verdict: 'cannot-tell', text };
    }
  }
}

const pair = (edit: PtpEdit) => ({ column1: edit.column1, column2: edit.column2 });

const lastDay = (edit: PtpEdit) => isoOf(edit.period.until - 1);
