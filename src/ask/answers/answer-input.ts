import type { LocaleCode } from '../../domain/locale.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import type { ParsedQuestion } from '../question.ts';
import type { Setting } from '../../domain/setting.ts';
import type { CardCache } from '../../cards/card-cache.ts';

/** What every answer composer receives: the question as parsed, with its resolved scope. */
export interface AnswerInput {
  ctx: LibraryContext;
  question: ParsedQuestion;
  /** Procedure codes the answer is about (named, from an alias, or from the thread). */
  procedures: string[];
  lang: LocaleCode;
  dos: string;
  setting: Setting;
  /** The server's card cache, shared with the card route (absent: each card is composed). */
  cards?: CardCache;
}

export const scopeFor = (input: AnswerInput, code: string) => ({
  orgId: input.ctx.orgId,
  code,
  dos: input.dos,
  setting: input.setting,
});
