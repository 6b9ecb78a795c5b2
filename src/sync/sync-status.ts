import type { DatasetSyncStatus, SyncStatus } from '../contracts/sync.ts';
import { REFERENCE_ORG } from '../domain/reference-org.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { readMirror, defaultMirrorIndex } from './mirror-source.ts';
import { expectedRelease } from './release-calendar.ts';
import { readSchedule } from './release-sync-schedule.repository.ts';
import {
  lastChecks,
  newestCompleteReleases,
  newestHeldReleases,
  type HeldRelease,
  type ReferenceRelease,
} from './release-sync.repository.ts';
import type { MirrorEntry } from './mirror-entry.ts';
import type { SyncSettings } from './sync-releases.ts';
import { nextCheckAfter } from './sync-schedule.ts';

/**
 * The release sync per dataset: every dataset the mirror lists (and any checked before that it
 * no longer lists), its last check, newest release held, the next release the publisher's
 * calendar promises and whether it is overdue. `scheduleDb` is the server's own connection
 * (the schedule is instance-wide); without it the next check is not shown.
 */
export async function syncStatus(
  ctx: LibraryContext,
  settings: SyncSettings & { intervalHours: number },
  options: { now?: () => Date; scheduleDb?: LibraryContext['db'] } = {},
): Promise<SyncStatus> {
  const now = (options.now ?? (() => new Date()))();
  const today = now.toISOString().slice(0, 10);
  let mirrorError: string | null = null;
  const listed = await readMirror(settings.mirror ?? undefined, settings.limits).catch(
    (error: unknown) => {
      mirrorError = error instanceof Error ? error.message : String(error);
      return [];
    },
  );
  const checks = new Map((await lastChecks(ctx.db, REFERENCE_ORG)).map((c) => [c.dataset_id, c]));
  const held = new Map(
    (await newestHeldReleases(ctx.db, REFERENCE_ORG)).map((h) => [h.dataset_id, h]),
  );
  const imported = await newestCompleteReleases(ctx.db, REFERENCE_ORG);
  for (const entry of listed) {
    const byHand = importedRelease(entry, imported);
    const synced = held.get(entry.dataset);
    if (byHand && (!synced || newer(byHand.effective_on, synced.effective_on)))
      held.set(entry.dataset, byHand);
  }
  const kinds = new Map<string, string>(listed.map((e) => [e.dataset, e.kind]));
  for (const check of checks.values())
    if (!kinds.has(check.dataset_id)) kinds.set(check.dataset_id, check.kind);
  const datasets = [...kinds].map(([dataset, kind]): DatasetSyncStatus => {
    const check = checks.get(dataset);
    const newest = held.get(dataset);
    const expected = expectedRelease(kind, newest?.effective_on ?? null, today);
    return {
      dataset,
      kind,
      lastChecked: check ? check.checked_at.toISOString() : null,
      result: check?.result ?? null,
      failedStep: check?.failed_step ?? null,
      message: check?.message ?? null,
      newestHeld: newest
        ? {
            documentId: Number(newest.document_id),
            release: newest.release_label,
            effective: newest.effective_on,
            published: newest.published_on,
            sourceUrl: newest.source_url,
          }
        : null,
      nextExpected: expected?.nextExpected ?? null,
      overdue: expected?.overdue ?? false,
    };
  });
  return {
    mirror: settings.mirror ?? defaultMirrorIndex,
    intervalHours: settings.intervalHours,
    nextCheck: await nextCheck(options.scheduleDb, settings.intervalHours, now),
    mirrorError,
    datasets,
  };
}

async function nextCheck(
  db: LibraryContext['db'] | undefined,
  intervalHours: number,
  now: Date,
): Promise<string | null> {
  if (!db || intervalHours <= 0) return null;
  const schedule = await readSchedule(db);
  if (schedule.nextCheckAt) return schedule.nextCheckAt.toISOString();
  // Never checked: the first check runs at the next tick.
  return schedule.lastStartedAt
    ? nextCheckAfter(schedule.lastStartedAt, intervalHours).toISOString()
    : now.toISOString();
}

/** The entry's dataset as imported by hand: the newest complete release of its kind and setting. */
function importedRelease(
  entry: MirrorEntry,
  imported: readonly ReferenceRelease[],
): HeldRelease | null {
  const found = imported.find(
    (r) => r.kind === entry.kind && (r.setting ?? null) === (entry.setting ?? null),
  );
  if (!found) return null;
  return {
    dataset_id: entry.dataset,
    document_id: found.document_id,
    release_label: found.release,
    effective_on: found.effective_from,
    published_on: null,
    source_url: null,
  };
}

function newer(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || a > b);
}
