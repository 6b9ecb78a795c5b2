import type { Change, Release, ReleaseDiff } from '../changes/change-types.ts';
import { changesForCode } from '../changes/code-changes.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { Setting } from '../domain/setting.ts';
import { t, type MessageKey } from '../i18n/translate.ts';
import type { LibraryContext } from '../library/library-context.ts';
import type { CardChangeItem, CardChanges } from './card-types.ts';
import { sourceName } from './citation-labels.ts';

export interface CardChangesRequest {
  system: string;
  code: string;
  dos: string;
  setting: Setting;
  lang: LocaleCode;
}

/**
 * "Changed in <release>": for each dataset the card reads, what its release in force on the
 * date changed for the code since the release before it, each change cited to its rows.
 */
export async function cardChanges(
  ctx: LibraryContext,
  request: CardChangesRequest,
): Promise<CardChanges[]> {
  const diffs = await changesForCode(ctx, request);
  return diffs.map((diff) => cardChangesOf(diff, request.code, request.lang));
}

function cardChangesOf(diff: ReleaseDiff, code: string, lang: LocaleCode): CardChanges {
  return releaseChangesView(diff, lang, (dataset, previous) =>
    t(lang, 'changes.since', { dataset, code, previous }),
  );
}

/**
 * One dataset's changes as the card words them: the release's heading, a note saying since
 * which release (`note`, given the dataset's and the older release's names), and each change
 * stated in `lang` with the rows it reads. The watch list shows its changes the same way.
 */
export function releaseChangesView(
  diff: ReleaseDiff,
  lang: LocaleCode,
  note: (dataset: string, previous: string) => string,
): CardChanges {
  const release = releaseName(diff.to);
  const previous = releaseName(diff.from);
  const dataset = sourceName(
    {
      id: diff.to.documentId,
      kind: diff.to.kind,
      title: diff.to.title,
      setting: diff.to.setting,
      release: null,
      file_name: diff.to.title,
      effective_from: diff.to.effectiveFrom,
    },
    lang,
  );
  return {
    dataset,
    release,
    previous,
    heading: t(lang, 'changes.heading', { release }),
    note: note(dataset, previous),
    items: diff.changes.map((change) => changeItem(change, lang)),
  };
}

function releaseName(release: Release): string {
  return release.release ?? release.effectiveFrom ?? release.title;
}

/** Which message tells a change, by its kind (and, for a deletion or termination, its field). */
function messageOf(change: Change): MessageKey {
  switch (change.kind) {
    case 'added':
      return 'changes.added';
    case 'deleted':
      return change.field === 'deletionDate' ? 'changes.deletedOn' : 'changes.deleted';
    case 'terminated':
      return change.field === 'actionCode' ? 'changes.discontinued' : 'changes.terminated';
    case 'descriptor-changed':
      return 'changes.descriptor';
    case 'billable-to-header':
      return 'changes.toHeader';
    case 'header-to-billable':
      return 'changes.toBillable';
    case 'modifier-indicator-changed':
      return 'changes.modifierIndicator';
    case 'mue-value-changed':
      return 'changes.mueValue';
    case 'adjudication-changed':
      return 'changes.adjudication';
    case 'attribute-changed':
      return 'changes.attribute';
    case 'value-changed':
      return 'changes.value';
  }
}

function changeItem(change: Change, lang: LocaleCode): CardChangeItem {
  const empty = t(lang, 'changes.empty');
  return {
    kind: change.kind,
    text: t(lang, messageOf(change), {
      key: change.key,
      field: change.field ?? '',
      before: change.before ?? empty,
      after: change.after ?? empty,
    }),
    lang,
    citations: change.citations,
  };
}
