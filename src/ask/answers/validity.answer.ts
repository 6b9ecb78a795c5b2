import type { CodeNote, SourceRef } from '../../codes/code-description.ts';
import { describeCode } from '../../codes/code-lookup.ts';
import {
  replacementText,
  staleText,
  validityText,
  type ValidityFacts,
} from '../../codes/validity-message.ts';
import type { CodeValidity } from '../../domain/code-validity.ts';
import type { LocaleCode } from '../../domain/locale.ts';
import { t } from '../../i18n/translate.ts';
import { listed } from '../../rules/listed.ts';
import { datasetName } from '../../codes/system-names.ts';
import type { Answer, AnswerCitation, ValidityVerdict } from '../ask-types.ts';
import { wordPattern } from '../word-pattern.ts';
import type { ThreadSubject } from '../thread.repository.ts';
import type { AnswerInput } from './answer-input.ts';

/** Notes that tell a coder what else to report or not to report with the code. */
const noteOrder = [
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'inclusionTerm',
  'includes',
];
const MAX_NOTES = 12;

type Described = Awaited<ReturnType<typeof describeCode>>;

// "What should I use instead?": the answer leads with the replacement codes.
const insteadCue = wordPattern(
  'instead|replacement|replace|en su lugar|en lugar|reemplaz\\p{L}*|[àa] la place|remplac\\p{L}*|stattdessen|ersetz\\p{L}*|thay thế|thay vào đó|sa halip|kapalit|вместо|замен\\p{L}*',
  '代替|替代|대신|بدلا|بدلاً',
);

/**
 * Whether a code is valid (and, for ICD-10-CM, billable) on the date of service, from the shared
 * verdict: the order-file or HCPCS row it rests on, the billable codes under a header, the
 * Tabular notes for a diagnosis, and a warning when the release is older than the date calls
 * for. "What should I use instead?" leads with the codes under the header.
 */
export async function answerValidity(input: AnswerInput, subject: ThreadSubject): Promise<Answer> {
  const { ctx, lang, dos } = input;
  const described = await describeCode(ctx, subject.code, {
    dos,
    ...(subject.system ? { system: subject.system } : {}),
  });
  const { judged, validity, description } = described;
  const code = judged.code;
  if (!validity) {
    return {
      kind: 'validity',
      verdict: 'cannot-tell',
      text: t(lang, 'finding.systemNotLoaded', { system: datasetName(judged.system), count: 1 }),
      codes: [code],
      citations: [],
      confidence: 0.3,
    };
  }
  const facts: ValidityFacts = {
    ...validity,
    code,
    system: judged.system,
    dos,
  };
  const notes = description ? relevantNotes(description.notes) : [];
  const lines = validityLines(lang, facts, notes, insteadCue.test(input.question.text));
  const verdict = answerVerdict(validity.kind);
  return {
    kind: 'validity',
    verdict,
    text: [...new Set(lines)].join('\n'),
    codes: [code, ...validity.replacements],
    citations: validityCitations(validity.source, judged, notes),
    confidence: verdict === 'cannot-tell' ? 0.5 : 1,
  };
}

/**
 * The verdict's sentences: the replacements first when asked what to use instead, then the
 * verdict, the codes under a header (unless already led with), a stale release and the notes.
 */
function validityLines(
  lang: LocaleCode,
  facts: ValidityFacts,
  notes: readonly CodeNote[],
  instead: boolean,
): string[] {
  const { code, dos } = facts;
  const lines: string[] = [];
  if (instead) {
    lines.push(
      facts.replacements.length > 0
        ? t(lang, 'validity.useInstead', { code, codes: listed(facts.replacements) })
        : facts.kind === 'valid'
          ? t(lang, 'validity.noReplacement', { code, date: dos })
          : validityText(lang, facts),
    );
  }
  lines.push(validityText(lang, facts));
  const under = replacementText(lang, facts);
  if (under && !instead) lines.push(under);
  const stale = staleText(lang, facts);
  if (stale) lines.push(stale);
  for (const note of notes) {
    lines.push(t(lang, 'validity.note', { type: note.type, code: note.code, text: note.text }));
  }
  return lines;
}

/** The row the verdict rests on, the rows listing a header's codes, then each note's source once. */
function validityCitations(
  source: SourceRef | null,
  judged: Described['judged'],
  notes: readonly CodeNote[],
): AnswerCitation[] {
  const citations: AnswerCitation[] = [];
  if (source) citations.push(citationOf(source));
  // A header's verdict rests on the rows that list the billable codes under it too.
  for (const row of judged.replacementRows ?? []) {
    citations.push(
      citationOf({
        documentId: row.document_id,
        title: row.title,
        release: row.release,
        locator: row.locator,
      }),
    );
  }
  for (const note of notes) {
    const citation = citationOf(note.source);
    if (
      !citations.some((c) => c.documentId === citation.documentId && c.locator === citation.locator)
    )
      citations.push(citation);
  }
  return citations;
}

function answerVerdict(kind: CodeValidity<unknown>['kind']): ValidityVerdict {
  switch (kind) {
    case 'valid':
    case 'not-billable':
    case 'ended':
    case 'not-yet':
    case 'not-in-library':
      return kind;
    case 'no-release-for-date':
    case 'stale-unknown':
      return 'cannot-tell';
  }
}

/** Instructional notes in the order a coder reads them, the code's own before its category's. */
function relevantNotes(notes: readonly CodeNote[]): CodeNote[] {
  return notes
    .filter((n) => noteOrder.includes(n.type))
    .sort(
      (a, b) =>
        b.code.length - a.code.length || noteOrder.indexOf(a.type) - noteOrder.indexOf(b.type),
    )
    .slice(0, MAX_NOTES);
}

function citationOf(source: SourceRef): AnswerCitation {
  return {
    documentId: source.documentId,
    title: source.title,
    version: source.release,
    locator: source.locator,
  };
}
