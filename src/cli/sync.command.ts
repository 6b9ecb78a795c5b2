import type { Config } from '../config/config.ts';
import type { SyncStatus } from '../contracts/sync.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { syncReleases } from '../sync/sync-releases.ts';
import type { DatasetSyncOutcome, SyncProgress } from '../sync/sync-release.ts';
import { releaseSyncSettings } from '../sync/sync-settings.ts';
import { syncStatus } from '../sync/sync-status.ts';
import { printJson, printLine } from './output.ts';
import { render, terminalLine } from './progress-bar.ts';
import { textTable } from './text-table.ts';

/**
 * `codecard sync`: checks the mirror for new releases of the official datasets and imports
 * them into the reference data, one line per dataset; `--status`: the sync per dataset. Exit 1
 * when a dataset failed (the others were still checked).
 */
export async function runSync(
  ctx: LibraryContext,
  config: Config,
  flags: { status?: boolean | undefined; json: boolean },
): Promise<number> {
  const settings = releaseSyncSettings(config);
  if (flags.status) {
    const status = await syncStatus(ctx, settings, { scheduleDb: ctx.db });
    if (flags.json) printJson(status);
    else printStatus(status);
    return 0;
  }
  const line = terminalLine();
  const outcomes = await syncReleases(ctx, settings, {
    onProgress: (progress: SyncProgress) =>
      line.draw((seconds) =>
        render(
          progress.dataset,
          progress,
          seconds,
          progress.phase === 'downloading' ? 'bytes' : 'rows',
        ),
      ),
  });
  line.end();
  if (flags.json) printJson({ results: outcomes });
  else for (const outcome of outcomes) printLine(outcomeLine(outcome));
  return outcomes.some((o) => o.result === 'failed') ? 1 : 0;
}

function outcomeLine(outcome: DatasetSyncOutcome): string {
  const release = outcome.release ? ` ${outcome.release}` : '';
  const resumed = outcome.resumes > 0 ? ` (download resumed ${outcome.resumes}x)` : '';
  switch (outcome.result) {
    case 'imported':
      return `${outcome.dataset}:${release} imported as document ${outcome.documentId}${resumed}`;
    case 'up-to-date':
      return `${outcome.dataset}: up to date (document ${outcome.documentId})`;
    case 'failed':
      return `${outcome.dataset}: failed at ${outcome.failedStep}: ${outcome.message}; the library is unchanged`;
  }
}

function printStatus(status: SyncStatus): void {
  printLine(`Mirror: ${status.mirror}`);
  if (status.mirrorError) printLine(`  cannot be read: ${status.mirrorError}`);
  printLine(
    status.intervalHours > 0
      ? `Checked every ${status.intervalHours} h${status.nextCheck ? `; next check ${status.nextCheck}` : ''}`
      : 'No scheduled check (CODECARD_SYNC_INTERVAL_HOURS=0)',
  );
  const rows = status.datasets.map((d) => [
    d.dataset,
    d.lastChecked ? d.lastChecked.slice(0, 16).replace('T', ' ') : 'never',
    d.result === 'failed' ? `failed at ${d.failedStep}` : (d.result ?? '—'),
    d.newestHeld
      ? `${d.newestHeld.release ?? '?'} (effective ${d.newestHeld.effective ?? '?'})`
      : 'none',
    d.nextExpected ?? '—',
    d.overdue ? 'yes' : '',
  ]);
  for (const line of textTable(
    ['Dataset', 'Last checked (UTC)', 'Result', 'Newest held', 'Next expected', 'Overdue'],
    rows,
  ))
    printLine(line);
  for (const d of status.datasets)
    if (d.result === 'failed' && d.message) printLine(`${d.dataset}: ${d.message}`);
}
