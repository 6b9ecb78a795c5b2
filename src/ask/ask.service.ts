import { CodecardError } from '../errors/codecard-error.ts';
import { recordEvent, type LibraryContext } from '../library/library-context.ts';
import { today } from '../library/option-values.ts';
import { rangeExpanderFor } from '../library/store/range-expander.ts';
import { referenceIndexFor } from '../rules/edit-index-cache.ts';
import { aliasIndexFor, type Alias } from './alias-index.ts';
import type { AnswerInput } from './answers/answer-input.ts';
import { answerCard, answerSection } from './answers/card.answer.ts';
import { answerCodeSearch } from './answers/code-search.answer.ts';
import { answerCoverage } from './answers/coverage.answer.ts';
import { answerFee } from './answers/fee.answer.ts';
import { answerNotFound } from './answers/not-found.answer.ts';
import { answerPair } from './answers/pair.answer.ts';
import { answerPassages } from './answers/passages.answer.ts';
import { answerTableRows } from './answers/table-rows.answer.ts';
import { answerUnits } from './answers/units.answer.ts';
import { answerValidity } from './answers/validity.answer.ts';
import type { Answer, AskRequest, AskResponse } from './ask-types.ts';
import { addressesQuestion } from './answer-addresses.ts';
import { factIntent } from './fact-intent.ts';
import { askedIntent, asksCodeFacts, classifyIntent, type Intent } from './intent.ts';
import { libraryKnows } from './library-knows.repository.ts';
import { parseQuestion, type ParsedQuestion } from './question.ts';
import { questionTerms, sameStem } from './question-terms.ts';
import {
  appendMessage,
  createThread,
  emptyContext,
  recordGap,
  threadContext,
  type ThreadContext,
  type ThreadSubject,
} from './thread.repository.ts';
import { isProcedureCode } from '../domain/code-shape.ts';
import { isSetting } from '../domain/setting.ts';
import { identifierMaskPattern, redactIdentifiers } from '../domain/redact-identifiers.ts';
import type { GenerativeConfig } from '../config/generative-config.ts';
import { answerKinds } from '../domain/answer-kind.ts';
import { readingContext } from '../rules/library-version-reader.ts';
import type { CardCache } from '../cards/card-cache.ts';

export const MAX_QUESTION_LENGTH = 2_000;
/** The intents a thread's next question may continue with (not refusals or one-off lookups). */
const threadIntents: readonly string[] = answerKinds.filter(
  (kind) =>
    kind !== 'not-found' && kind !== 'table-rows' && kind !== 'code-search' && kind !== 'fee',
);

export interface AskOptions {
  /** An OpenAI-compatible model that rewrites passage answers; null or absent: extractive. */
  generative?: GenerativeConfig | null;
  /** The card cache of the server's card route: an answer with cards reuses its cards. */
  cards?: CardCache;
}

/**
 * Answers a coding question from the library, in a thread: codes, modifiers, date and setting
 * are read from the question (aliases resolved through the library's own documents), the intent
 * decides which facts answer it, and an open question gets the best cited sentences. When the
 * library does not cover the question the answer says so and the question is recorded as a gap.
 */
export async function askQuestion(
  ctx: LibraryContext,
  request: AskRequest,
  options: AskOptions = {},
): Promise<AskResponse> {
  const started = performance.now();
  const text = checkedQuestion(request.question);
  const context = request.threadId ? await threadContext(ctx, request.threadId) : emptyContext;
  // The library is read from the replica when it is current; the thread stays on the primary.
  const reading = await readingContext(ctx);
  const read = await readQuestion(reading, text, context);
  const { parsed, question, intent, subject, procedures } = read;
  const lang = request.lang ?? parsed.lang;
  const open = request.case;
  const dos = parsed.dos ?? open?.dateOfService ?? request.dos ?? context.dos ?? today();
  const setting =
    parsed.setting ??
    open?.setting ??
    request.setting ??
    asSetting(context.setting) ??
    'practitioner';
  const input: AnswerInput = {
    ctx: reading,
    question,
    procedures,
    lang,
    dos,
    setting,
    ...(options.cards ? { cards: options.cards } : {}),
  };
  const answer =
    intent === 'validity' && subject
      ? // "Not in the library's HCPCS for that date" answers a validity question about any code.
        await answerValidity(input, subject)
      : await answerFor(input, intent, options.generative ?? null);

  const threadId = request.threadId ?? (await createThread(ctx, lang));
  const nextContext = nextThreadContext(context, read, request, answer);
  const id = await appendMessage(ctx, threadId, text, answer, nextContext);
  // A refusal and a "the library cannot tell" both say what to add to the library next.
  if (answer.kind === 'not-found' || answer.verdict === 'cannot-tell') {
    await recordGap(ctx, {
      messageId: id,
      question: text,
      lang,
      codes: [...parsed.procedures, ...parsed.diagnoses],
      // Words of the stored (masked) text, so an email's name and domain are not kept as words.
      terms: questionTerms(redactIdentifiers(text).replace(identifierMaskPattern, ' ')).words,
    });
  }
  recordEvent(ctx, {
    type: 'question',
    data: {
      intent: answer.kind,
      codes: procedures.filter(isProcedureCode),
      answered: addressesQuestion(answer, factIntent(parsed) ?? askedIntent(parsed)),
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      lang,
    },
  });
  // The case block is added after the answer is stored: nothing of the case is kept.
  const asked = [...procedures.filter(isProcedureCode), ...question.diagnoses];
  const forCase =
    open && asked.length > 0 && dos === open.dateOfService && setting === open.setting
      ? await open.answer(asked, lang)
      : null;
  return { threadId, answer: { ...answer, id, ...(forCase ? { forCase } : {}) } };
}

/** The question's text, trimmed; empty or overlong questions are refused. */
function checkedQuestion(question: string): string {
  const text = question.trim();
  if (text === '') throw new CodecardError('BAD_INPUT', { detail: 'the question is empty' });
  if (text.length > MAX_QUESTION_LENGTH)
    throw new CodecardError('BAD_INPUT', {
      detail: `the question is longer than ${MAX_QUESTION_LENGTH} characters`,
    });
  return text;
}

/** A question as read in its thread: what it asks and about which codes. */
interface ReadQuestion {
  parsed: ParsedQuestion;
  /** The parsed question with what the thread carries over (a coverage follow-up's diagnoses). */
  question: ParsedQuestion;
  intent: Intent;
  subject: ThreadSubject | null;
  procedures: string[];
}

async function readQuestion(
  ctx: LibraryContext,
  text: string,
  context: ThreadContext,
): Promise<ReadQuestion> {
  const parsed = await parseWithLibrary(ctx, text);
  // "and with XS?" in a thread names a modifier for the thread's codes, not an alias.
  const followsWithModifier = parsed.modifiers.length > 0 && context.codes.length > 0;
  const aliases =
    parsed.procedures.length > 0 || followsWithModifier
      ? []
      : (await aliasIndexFor(ctx)).find(text);
  const aliasCodes = [...new Set(aliases.flatMap((a) => a.codes))];
  const intent = intentOf(text, parsed, aliases, aliasCodes, context);
  const subject = subjectNamed(parsed) ?? context.subject ?? null;
  const procedures =
    intent === 'validity' && subject
      ? [subject.code]
      : proceduresFor(intent, parsed, aliasCodes, context);
  // "and for 62321?" after a coverage question keeps its diagnoses.
  const question =
    intent === 'coverage' && parsed.diagnoses.length === 0
      ? { ...parsed, diagnoses: context.diagnoses }
      : parsed;
  return { parsed, question, intent, subject, procedures };
}

/** The question parsed with the library's code ranges and the modifiers it knows. */
async function parseWithLibrary(ctx: LibraryContext, text: string): Promise<ParsedQuestion> {
  const expand = await rangeExpanderFor(ctx, [text.replace(/[a-z]/g, (c) => c.toUpperCase())]);
  const parsed = parseQuestion(text, expand);
  return withBareModifiers(parsed, (await referenceIndexFor(ctx)).knownModifiers);
}

function intentOf(
  text: string,
  parsed: ParsedQuestion,
  aliases: readonly Alias[],
  aliasCodes: string[],
  context: ThreadContext,
): Intent {
  const lastIntent = threadIntents.includes(context.lastIntent ?? '')
    ? (context.lastIntent as Intent)
    : null;
  // An alias stands for its codes as one subject ("Racz procedure" → 62263 and 62264), not a pair.
  // Table rows and "which code for …" are read from the codes written, not from aliases.
  const classified =
    factIntent(parsed) ??
    classifyIntent(
      {
        ...parsed,
        procedures: parsed.procedures.length > 0 ? parsed.procedures : aliasCodes.slice(0, 1),
      },
      { procedures: context.codes, lastIntent, subject: context.subject?.code ?? null },
    );
  // "How long does the Racz procedure take?": an alias with words of its own beyond the name
  // asks about the procedure, not for its card; the alias codes then only steer retrieval.
  // "Is the Racz procedure bundled with 77003?" asks for facts: the card keeps it.
  return classified === 'card' &&
    aliases.length > 0 &&
    wordsBeyond(text, aliases).length > 0 &&
    !asksCodeFacts(parsed, aliasCodes)
    ? 'passages'
    : classified;
}

/** What the thread remembers for a follow-up; a not-found answer leaves the subject as it was. */
function nextThreadContext(
  context: ThreadContext,
  { parsed, question, intent, subject, procedures }: ReadQuestion,
  request: AskRequest,
  answer: Answer,
): ThreadContext {
  return {
    codes:
      answer.kind === 'not-found'
        ? context.codes
        : procedures.length > 0
          ? procedures
          : context.codes,
    diagnoses: question.diagnoses.length > 0 ? question.diagnoses : context.diagnoses,
    dos: parsed.dos ?? request.dos ?? context.dos,
    setting: parsed.setting ?? request.setting ?? context.setting,
    lastIntent: answer.kind === 'not-found' ? context.lastIntent : intent,
    subject: answer.kind === 'not-found' ? (context.subject ?? null) : subject,
  };
}

async function answerFor(
  input: AnswerInput,
  intent: Intent,
  configured: GenerativeConfig | null,
): Promise<Answer> {
  // Pairs, bundling, units, coverage and add-ons come from the engine and the library's own
  // sentences, never from a model, even when a question about them falls back to passages.
  const generative = asksCodeFacts(input.question, input.procedures) ? null : configured;
  const codes = input.procedures.length > 0 ? input.procedures : input.question.diagnoses;
  // Pair and validity answers say themselves what the library cannot tell about an unknown code.
  const answersUnknown = ['passages', 'table-rows', 'code-search', 'pair', 'validity', 'fee'];
  if (!answersUnknown.includes(intent)) {
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
    case 'validity':
      // A validity question without a code of its own or the thread's: the card says what is known.
      return (await answerCard(input, codes)) ?? (await answerNotFound(input));
    case 'table-rows':
      return answerTableRows(input, () => answerPassages(input, generative));
    case 'fee':
      return answerFee(input);
    case 'code-search':
      return answerCodeSearch(input, () => answerPassages(input, generative));
    case 'passages':
      return (
        (await answerPassages(input, generative)) ??
        // "What is modifier AA?": the modifier's own card when no passage explains it.
        (input.question.modifiers.length > 0
          ? await answerCard(input, input.question.modifiers)
          : null) ??
        (await answerNotFound(input))
      );
  }
}

/**
 * The procedures an answer is about: those the question names, else its alias's codes, else
 * the thread's. A follow-up pair naming one new code pairs it with the thread's first code.
 */
function proceduresFor(
  intent: Intent,
  parsed: ParsedQuestion,
  aliasCodes: string[],
  context: ThreadContext,
): string[] {
  if (parsed.procedures.length > 0) {
    const first = context.codes.find((c) => !parsed.procedures.includes(c));
    return intent === 'pair' && parsed.procedures.length === 1 && first
      ? [first, ...parsed.procedures]
      : parsed.procedures;
  }
  if (aliasCodes.length > 0) return aliasCodes;
  return parsed.diagnoses.length > 0 && intent === 'card' ? [] : context.codes;
}

/** The one code a question names, with the system it names it in; null for none or several. */
function subjectNamed(parsed: ParsedQuestion): ThreadSubject | null {
  const codes = new Set([...parsed.procedures, ...parsed.diagnoses, ...parsed.modifiers]);
  if (codes.size !== 1) return null;
  const [code] = [...codes] as [string];
  const system = parsed.modifiers.includes(code)
    ? 'modifier'
    : parsed.diagnoses.includes(code)
      ? 'icd10cm'
      : null;
  return { code, system };
}

/** The question's content words that are not part of an alias name it uses. */
function wordsBeyond(text: string, aliases: readonly Alias[]): string[] {
  const named = aliases.flatMap((a) => a.name.split(' '));
  return questionTerms(text).words.filter((w) => !named.some((n) => sameStem(n, w)));
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
  return isSetting(value) ? value : null;
}
