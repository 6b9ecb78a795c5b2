import { composeCard } from '../cards/compose-card.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { recordCardView } from '../cards/card-view-event.ts';
import { isoDateOption } from '../library/import-options.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { localeOption, settingOption, systemOption, today } from '../library/option-values.ts';
import { cardText } from './card-text.ts';
import { printJson, printLine } from './output.ts';

export async function runCard(
  ctx: LibraryContext,
  code: string | undefined,
  flags: { system?: string; dos?: string; setting?: string; lang?: string; json: boolean },
): Promise<number> {
  if (!code)
    throw new CodecardError('BAD_INPUT', { detail: 'card needs a CODE, e.g. codecard card 62264' });
  const setting = settingOption(flags.setting) ?? 'practitioner';
  const system = systemOption(flags.system);
  const lang = localeOption(flags.lang);
  const card = await composeCard(ctx, {
    code,
    ...(system ? { system } : {}),
    dos: isoDateOption(flags.dos, '--dos') ?? today(),
    setting,
    lang,
  });
  recordCardView(ctx, card);
  if (flags.json) printJson(card);
  else for (const line of cardText(card)) printLine(line);
  return 0;
}
