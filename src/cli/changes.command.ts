import type { Release, ReleaseDiff } from '../changes/change-types.ts';
import { changesCsv } from '../changes/changes-csv.ts';
import { diffReleases, listReleases } from '../changes/release-diff.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { printJson, printLine } from './output.ts';
import { terminalSafe } from './terminal-safe.ts';
import { clip, textTable } from './text-table.ts';

export interface ChangesFlags {
  from?: string;
  to?: string;
  dataset?: string;
  codes?: string;
  csv?: boolean;
  json: boolean;
}

/**
 * `codecard changes --from X --to Y [--dataset D] [--codes A,B] [--csv|--json]`: what changed
 * between two releases of a dataset. Without both releases, the releases it can compare.
 */
export async function runChanges(ctx: LibraryContext, flags: ChangesFlags): Promise<number> {
  if (!flags.from || !flags.to) {
    const releases = await listReleases(ctx);
    if (flags.json) printJson(releases);
    else printReleases(releases);
    return flags.from || flags.to ? 2 : 0;
  }
  const codes = flags.codes
    ?.split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  const diff = await diffReleases(ctx, {
    from: flags.from,
    to: flags.to,
    ...(flags.dataset ? { dataset: flags.dataset } : {}),
    ...(codes && codes.length > 0 ? { codes } : {}),
  });
  if (flags.json) printJson(diff);
  else if (flags.csv) process.stdout.write(terminalSafe(changesCsv([diff])));
  else printDiff(diff);
  return 0;
}

const label = (r: Release) => r.release ?? r.effectiveFrom ?? r.title;

function printReleases(releases: readonly Release[]): void {
  if (releases.length === 0) {
    printLine('No releases to compare: import two releases of a dataset first.');
    return;
  }
  printLine('Releases (name one by its release, id or effective date with --from and --to):');
  const rows = releases.map((r) => [
    `#${r.documentId}`,
    r.baseDataset,
    label(r),
    r.effectiveFrom ?? '',
    r.partial ? 'excerpt' : 'complete',
    clip(r.title, 50),
  ]);
  for (const line of textTable(
    ['id', 'dataset', 'release', 'effective', 'coverage', 'title'],
    rows,
  ))
    printLine(`  ${line}`);
}

function printDiff({ from, to, scope, counts, changes }: ReleaseDiff): void {
  printLine(
    `${to.baseDataset}: ${label(from)} (#${from.documentId}) -> ${label(to)} (#${to.documentId})`,
  );
  const summary = Object.entries(counts).map(([kind, n]) => `${n} ${kind}`);
  printLine(`  ${summary.length > 0 ? summary.join(', ') : 'no changes'}`);
  if (scope.outsideExcerpt > 0)
    printLine(
      `  ${scope.outsideExcerpt} of the older release's rows are outside the newer excerpt (not deleted: the excerpt does not say)`,
    );
  if (scope.outsideOlderExcerpt > 0)
    printLine(
      `  ${scope.outsideOlderExcerpt} of the newer release's rows are outside the older excerpt (not known to be added)`,
    );
  if (changes.length === 0) return;
  const rows = changes.map((c) => [
    c.kind,
    c.key,
    c.field ?? '',
    c.field === null ? '' : `${clip(c.before ?? '-', 40)} -> ${clip(c.after ?? '-', 40)}`,
    c.citations.map((citation) => `#${citation.documentId} ${citation.locator}`).join('; '),
  ]);
  printLine();
  for (const line of textTable(['change', 'key', 'field', 'before -> after', 'rows'], rows))
    printLine(`  ${line}`);
}
