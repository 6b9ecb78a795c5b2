import type { Db } from '../db/database.ts';
import { describeDbError } from '../db/describe-db-error.ts';
import type { AppEvent, EventSink } from '../domain/app-event.ts';
import { deleteEventsBefore, insertEvents } from './event.repository.ts';

export interface EventRecorderOptions {
  /** Events older than this are deleted, at most once an hour, after a write. */
  retentionDays: number;
  flushIntervalMs: number;
  /** A write starts as soon as this many events wait, and no insert carries more. */
  maxBatch: number;
  /** Events beyond this many waiting are dropped (a database that stays unreachable). */
  maxQueued: number;
  now: () => Date;
  /** Where write failures are reported; messages never include event content. */
  log: (message: string) => void;
}

export const defaultRecorderOptions: EventRecorderOptions = {
  retentionDays: 400,
  flushIntervalMs: 1_000,
  maxBatch: 500,
  maxQueued: 100_000,
  now: () => new Date(),
  log: (message) => process.stderr.write(`codecard: ${message}\n`),
};

const PRUNE_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface QueuedEvent {
  orgId: string;
  type: string;
  at: string;
  data: string;
}

/**
 * Usage events are queued in memory and written in batches (one multi-row insert per batch),
 * about once a second, so recording one costs a request nothing: `record` never waits and never
 * throws. A failed write is logged and its events are dropped rather than retried: the
 * dashboard's numbers are statistics, and a retry queue would grow while the database is down.
 */
export class EventRecorder implements EventSink {
  private readonly options: EventRecorderOptions;
  private queue: QueuedEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The write in progress (never rejects), so writes run one after another. */
  private writing: Promise<void> = Promise.resolve();
  private lastPruned: number | null = null;
  private dropped = 0;

  constructor(
    private readonly db: Db,
    options: Partial<EventRecorderOptions> = {},
  ) {
    this.options = { ...defaultRecorderOptions, ...options };
  }

  set retentionDays(days: number) {
    this.options.retentionDays = days;
  }

  record(orgId: string, event: AppEvent): void {
    if (this.queue.length >= this.options.maxQueued) {
      this.dropped++;
      return;
    }
    this.queue.push({
      orgId,
      type: event.type,
      at: this.options.now().toISOString(),
      data: JSON.stringify(event.data),
    });
    if (this.queue.length >= this.options.maxBatch) this.startWrite();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.startWrite(), this.options.flushIntervalMs);
      // A pending write must not keep a finished CLI command (or a test) alive; close flushes.
      this.timer.unref();
    }
  }

  /** Writes everything recorded so far; resolves when it is written (or its failure logged). */
  flush(): Promise<void> {
    this.startWrite();
    return this.writing;
  }

  private startWrite(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.writeQueued());
  }

  private async writeQueued(): Promise<void> {
    if (this.dropped > 0) {
      this.options.log(`${this.dropped} usage events were dropped: too many waiting to be written`);
      this.dropped = 0;
    }
    // Only a write that had something to write prunes: closing an idle store sends no query
    // (on the embedded store it would wait behind an import's transaction).
    if (this.queue.length === 0) return;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      try {
        await insertEvents(
          this.db,
          batch.map((e) => ({ org_id: e.orgId, type: e.type, at: e.at, data: e.data })),
        );
      } catch (error) {
        this.options.log(`could not write ${batch.length} usage events: ${describeDbError(error)}`);
      }
    }
    await this.pruneIfDue();
  }

  private async pruneIfDue(): Promise<void> {
    const now = this.options.now().getTime();
    if (this.lastPruned !== null && now - this.lastPruned < PRUNE_EVERY_MS) return;
    this.lastPruned = now;
    const cutoff = new Date(now - this.options.retentionDays * DAY_MS).toISOString();
    try {
      await deleteEventsBefore(this.db, cutoff);
    } catch (error) {
      this.options.log(`could not delete old usage events: ${describeDbError(error)}`);
    }
  }
}
