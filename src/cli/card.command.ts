import { composeCard } from '../cards/compose-card.ts';
import type { Card } from '../cards/card-types.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { recordCardView } from '../cards/card-view-event.ts';
import { t } from '../i18n/translate.ts';
import { isoDateOption } from '../library/import-options.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { localeOption, settingOption, systemOption, today } from '../library/option-values.ts';
import { printJson, printLine } from './output.ts';

const TERMINAL_ITEMS_PER_SECTION = 12;

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
  else printCard(card);
  return 0;
}

/** A readable terminal rendering: sections, items with footnote numbers, then the sources. */
function printCard(card: Card): void {
  const sources: string[] = [];
  const footnote = (key: string) => {
    const at = sources.indexOf(key);
    if (at >= 0) return at + 1;
    sources.push(key);
    return sources.length;
  };
  printLine(card.title);
  printLine(
    `${t(card.lang, 'card.dateOfService', { date: card.dos })} · ${t(card.lang, 'card.setting', { setting: card.setting })}`,
  );
  for (const section of card.sections) {
    printLine();
    printLine(section.title.toUpperCase());
    for (const item of section.items.slice(0, TERMINAL_ITEMS_PER_SECTION)) {
      const notes = [
        ...new Set(
          item.citations
            .slice(0, 3)
            .map((c) => footnote(`${c.title}${c.version ? ` ${c.version}` : ''}, ${c.locator}`)),
        ),
      ];
      const marker = item.lang !== card.lang ? ` [${item.lang}]` : '';
      printLine(`  • ${item.text}${marker} [${notes.join(',')}]`);
    }
    const hidden = section.items.length - TERMINAL_ITEMS_PER_SECTION;
    if (hidden > 0) printLine(`  … ${hidden} more (--json lists every item)`);
  }
  for (const conflict of card.conflicts) printLine(`\n! ${conflict.message}`);
  if (card.gaps.length > 0) {
    printLine();
    for (const gap of card.gaps) printLine(`  – ${gap.message}`);
  }
  printLine();
  sources.forEach((source, i) => printLine(`[${i + 1}] ${source}`));
  printLine();
  printLine(card.footer);
}
