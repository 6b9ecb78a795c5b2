import { askQuestion } from '../ask/ask.service.ts';
import type { AskResponse } from '../ask/ask-types.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { isoDateOption } from '../library/import-options.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { localeOption, settingOption } from '../library/option-values.ts';
import { printJson, printLine } from './output.ts';
import type { GenerativeConfig } from '../config/generative-config.ts';

/** Exit code when the library does not cover the question (the answer says so). */
const EXIT_NOT_FOUND = 1;

export async function runAsk(
  ctx: LibraryContext,
  question: string,
  flags: {
    lang?: string;
    dos?: string;
    setting?: string;
    thread?: string;
    json: boolean;
  },
  generative: GenerativeConfig | null = null,
): Promise<number> {
  if (question.trim() === '')
    throw new CodecardError('BAD_INPUT', {
      detail: 'ask needs a QUESTION, e.g. codecard ask "can I bill 62264 with 77003?"',
    });
  const setting = settingOption(flags.setting);
  const dos = isoDateOption(flags.dos, '--dos');
  const response = await askQuestion(
    ctx,
    {
      question,
      // Without --lang the answer follows the question's language.
      ...(flags.lang !== undefined ? { lang: localeOption(flags.lang) } : {}),
      ...(dos ? { dos } : {}),
      ...(setting ? { setting } : {}),
      ...(flags.thread ? { threadId: flags.thread } : {}),
    },
    { generative },
  );
  if (flags.json) printJson(response);
  else printAnswer(response);
  return response.answer.kind === 'not-found' ? EXIT_NOT_FOUND : 0;
}

function printAnswer({ threadId, answer }: AskResponse): void {
  const verdict = answer.verdict ? ` [${answer.verdict}]` : '';
  printLine(`${answer.kind}${verdict} · confidence ${answer.confidence.toFixed(2)}`);
  printLine();
  printLine(answer.text);
  if (answer.citations.length > 0) printLine();
  answer.citations.forEach((c, i) =>
    printLine(`[${i + 1}] ${c.title}${c.version ? ` ${c.version}` : ''}, ${c.locator}`),
  );
  const nearest = answer.nearest?.documents ?? [];
  if (nearest.length > 0)
    printLine(`\n${nearest.map((d) => `[${d.documentId}] ${d.title}`).join('\n')}`);
  printLine();
  printLine(`thread ${threadId} (continue with --thread ${threadId})`);
}
