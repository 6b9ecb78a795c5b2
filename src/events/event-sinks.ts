import type { EventSink } from '../domain/app-event.ts';
import type { Db, OpenDatabase } from '../db/database.ts';
import { EventRecorder } from './event-recorder.ts';

/**
 * One recorder per database, found by the database object, so every LibraryContext made over
 * the same store shares one queue (the server's, a command's and a test's contexts alike).
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

/**
 * The sink a library context over this store records its usage events into; what is still
 * queued is written before the store closes, whoever closes it.
 */
export function eventSinkFor(opened: OpenDatabase): EventSink {
  const known = recorders.has(opened.db);
  const recorder = recorderFor(opened.db);
  if (!known) opened.beforeClose(() => recorder.flush());
  return recorder;
}

/** Settings from the configuration (CODECARD_EVENT_RETENTION_DAYS), applied when a store opens. */
export function configureEvents(db: Db, settings: { retentionDays: number }): void {
  recorderFor(db).retentionDays = settings.retentionDays;
}
