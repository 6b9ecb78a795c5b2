import { changesForCodes } from '../changes/code-changes.ts';
import { releaseChangesView } from '../cards/card-changes.ts';
import type { CardChanges } from '../cards/card-types.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { watchList } from './watch-list.ts';

export interface WatchListChanges {
  /** How many codes the watch list holds (chosen and seen in checks). */
  codes: number;
  /** Per dataset: what its newest release changed for those codes since the release before. */
  changes: CardChanges[];
}

/**
 * What each dataset's newest release (the one a sync or import just brought) changed for the
 * organization's watch list, worded like the card's "Changed in" and cited to the rows, so
 * Performance can put it first after every sync. Datasets that changed none of the codes are
 * left out.
 */
export async function watchListChanges(
  ctx: LibraryContext,
  lang: LocaleCode,
): Promise<WatchListChanges> {
  const watched = await watchList(ctx);
  const diffs = await changesForCodes(
    ctx,
    watched.map((w) => w.code),
  );
  return {
    codes: watched.length,
    changes: diffs.map((diff) =>
      releaseChangesView(diff, lang, (dataset, previous) =>
        t(lang, 'changes.sinceWatched', { dataset, previous }),
      ),
    ),
  };
}
