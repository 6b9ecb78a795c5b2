import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { today } from '../library/option-values.ts';
import { rangeExpanderFor } from '../library/store/range-expander.ts';
import { referenceIndexFor } from '../rules/edit-index-cache.ts';
import { aliasIndexFor } from './alias-index.ts';
import type { AnswerInput } from './answers/answer-input.ts';
import { answerCard, answerSection } from './answers/card.answer.ts';
import { answerCoverage } from './answers/coverage.answer.ts';
import { answerNotFound } from './answers/not-found.answer.ts';
import { answerPair } from './answers/pair.answer.ts';
import { answerPassages } from './answers/passages.answer.ts';
import { answerUnits } from './answers/units.answer.ts';
import type { Answer, AskRequest, AskResponse } from './ask-types.ts';
import { classifyIntent, type Intent } from './intent.ts';
import { libraryKnows } from './library-knows.ts';
import { parseQuestion, type ParsedQuestion } from './question.ts';
import { questionTerms } from './question-terms.ts';
import {
  appendMessage,
  createThread,
  recordGap,
  threadContext,
  type ThreadContext,
} from './thread.repository.ts';

export const MAX_QUESTION_LENGTH = 2_000;
const intents: readonly string[] = [
  'card',
  'pair',
  'units',
  'documentation',
  'coverage',
  'modifier',
  'passages',
];

/**
 * Answers a coding question from the library, in a thread: codes, modifiers, date and setting
 * are read from the question (aliases resolved through the library's own documents), the intent
 * decides which facts answer it, and an open question gets the best cited sentences. When the
 * library does not cover the question the answer says so and the question is recorded as a gap.
 */
export async function askQuestion(ctx: LibraryContext, request: AskRequest): Promise<AskResponse> {
  const text = request.question.trim();
  if (text === '') throw new CodecardError('BAD_INPUT', { detail: 'the question is empty' });
  if (text.length > MAX_QUESTION_LENGTH)
    throw new CodecardError('BAD_INPUT', {
      detail: `the question is longer than ${MAX_QUESTION_LENGTH} characters`,
    });
  const context = request.threadId
    ? await threadContext(ctx, request.threadId)
    : { codes: [], dos: null, setting: null, lastIntent: null };

  const expand = await rangeExpanderFor(ctx, [text.replace(/[a-z]/g, (c) => c.toUpperCase())]);
  const parsed = withBareModifiers(
    parseQuestion(text, expand),
    (await referenceIndexFor(ctx)).knownModifiers,
  );
  const aliasCodes = parsed.procedures.length > 0 ? [] : await aliasCodesIn(ctx, text);
  const lang = request.lang ?? parsed.lang;
  const dos = parsed.dos ?? request.dos ?? context.dos ?? today();
  const setting = parsed.setting ?? request.setting ?? asSetting(context.setting) ?? 'practitioner';
  const lastIntent = intents.includes(context.lastIntent ?? '')
    ? (context.lastIntent as Intent)
    : null;
  // An alias stands for its codes as one subject ("Racz procedure" → 62263 and 62264), not a pair.
  const intent = classifyIntent(
    {
      ...parsed,
      procedures: parsed.procedures.length > 0 ? parsed.procedures : aliasCodes.slice(0, 1),
    },
    { procedures: context.codes, lastIntent },
  );
  const procedures =
    parsed.procedures.length > 0
      ? parsed.procedures
      : aliasCodes.length > 0
        ? aliasCodes
        : parsed.diagnoses.length > 0 && intent === 'card'
          ? []
          : context.codes;
  const input: AnswerInput = { ctx, question: parsed, procedures, lang, dos, setting };
  const answer = await answerFor(input, intent);

  const threadId = request.threadId ?? (await createThread(ctx, lang));
  const nextContext: ThreadContext = {
    codes:
      answer.kind === 'not-found'
        ? context.codes
        : procedures.length > 0
          ? procedures
          : context.codes,
    dos: parsed.dos ?? request.dos ?? context.dos,
    setting: parsed.setting ?? request.setting ?? context.setting,
    lastIntent: answer.kind === 'not-found' ? context.lastIntent : intent,
  };
  const id = await appendMessage(ctx, threadId, text, answer, nextContext);
  if (answer.kind === 'not-found') {
    await recordGap(ctx, {
      messageId: id,
      question: text,
      lang,
      codes: [...parsed.procedures, ...parsed.diagnoses],
      terms: questionTerms(text).words,
    });
  }
  return { threadId, answer: { ...answer, id } };
}

async function answerFor(input: AnswerInput, intent: Intent): Promise<Answer> {
  const codes = input.procedures.length > 0 ? input.procedures : input.question.diagnoses;
  if (intent !== 'passages') {
    const known = [];
    for (const code of codes) if (await libraryKnows(input.ctx, code)) known.push(code);
    if (known.length === 0) return answerNotFound(input);
  }
  switch (intent) {
    case 'card':
      return (await answerCard(input, codes)) ?? (await answerNotFound(input));
    case 'pair':
      return answerPair(input);
    case 'units':
      return answerUnits(input);
    case 'documentation':
      return answerSection(input, 'documentation', 'documentation');
    case 'coverage':
      return answerCoverage(input);
    case 'modifier':
      return answerSection(input, 'modifiers', 'modifier', input.question.modifiers);
    case 'passages':
      return (await answerPassages(input)) ?? (await answerNotFound(input));
  }
}

async function aliasCodesIn(ctx: LibraryContext, text: string): Promise<string[]> {
  const codes: string[] = [];
  for (const alias of (await aliasIndexFor(ctx)).find(text))
    for (const code of alias.codes) if (!codes.includes(code)) codes.push(code);
  return codes;
}

/**
 * "What does XS mean?", "can I use 50 with 64483?": a bare two-character token counts as a
 * modifier when the library knows it as one (detection alone needs the word "modifier" nearby).
 */
function withBareModifiers(parsed: ParsedQuestion, known: ReadonlySet<string>): ParsedQuestion {
  const modifiers = [...parsed.modifiers];
  // Two digits are a modifier only beside a procedure code and not as a count ("50 units").
  const tokens = parsed.text.matchAll(
    /(?<![\p{L}\p{N}.,/-])([A-Z0-9]{2})(?![\p{L}\p{N}.,/-])(\s*\p{L}+)?/gu,
  );
  for (const [, token, next] of tokens) {
    if (!token || !known.has(token) || modifiers.includes(token)) continue;
    const count = /^\s*(?:units?|mg|ml|days?|minutes?|min|unidades|unités|Einheiten)$/iu;
    if (/^\d\d$/.test(token) && (parsed.procedures.length === 0 || count.test(next ?? '')))
      continue;
    modifiers.push(token);
  }
  return { ...parsed, modifiers };
}

function asSetting(value: string | null): AnswerInput['setting'] | null {
  return value === 'practitioner' || value === 'hospital' || value === 'dme' ? value : null;
}
