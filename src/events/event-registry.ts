import type { Db } from '../db/database.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { EventRecorder } from './event-recorder.ts';
import type { AppEvent } from './event-types.ts';

/**
 * One recorder per database, found by the database object, so every LibraryContext made over
 * the same store shares one queue and no caller has to carry a recorder around.
 */
const recorders = new WeakMap<Db, EventRecorder>();

function recorderFor(db: Db): EventRecorder {
  let recorder = recorders.get(db);
  if (!recorder) {
    recorder = new EventRecorder(db);
    recorders.set(db, recorder);
  }
  return recorder;
}

/** Queues a usage event for the context's org; returns at once and never throws. */
export function recordEvent(ctx: LibraryContext, event: AppEvent): void {
  recorderFor(ctx.db).record(ctx.orgId, event);
}

/** A card was shown (over HTTP or in the terminal). */
export function recordCardView(
  ctx: LibraryContext,
  card: { system: string; code: string; lang: string },
): void {
  recordEvent(ctx, {
    type: 'card-view',
    data: { system: card.system, code: card.code, lang: card.lang },
  });
}

/** Settings from the configuration (CODECARD_EVENT_RETENTION_DAYS), applied when a store opens. */
export function configureEvents(db: Db, settings: { retentionDays: number }): void {
  recorderFor(db).retentionDays = settings.retentionDays;
}

/** Writes the events queued for this database (before a report, and before it closes). */
export async function flushEvents(db: Db): Promise<void> {
  await recorders.get(db)?.flush();
}
