import type { LibraryContext } from '../library/library-context.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { updateCheckJobCounts, type CheckJobCounts } from './check-job.repository.ts';
import { insertCheckResults, type StoredResult } from './check-results.repository.ts';

export interface ResultWriterLimits {
  /** Results stored per transaction at most. */
  results: number;
  /** A batch waits no longer than this before it is stored (ms), so progress moves. */
  waitMs: number;
}

export const defaultWriterLimits: ResultWriterLimits = { results: 2_000, waitMs: 1_000 };

/**
 * Stores a running job's results as they come, a batch at a time, each batch in one transaction
 * with the job's progress and counts: what the job row says is done is exactly what is stored,
 * so a resume starts after the last stored result and never writes one twice (seq is unique per
 * job). At most one batch waits in memory.
 */
export class CheckResultWriter {
  private pending: StoredResult[] = [];
  private lastWrite = Date.now();
  /** The counts with the pending results included. */
  private readonly counts: CheckJobCounts;

  constructor(
    private readonly ctx: LibraryContext,
    private readonly jobId: string,
    stored: CheckJobCounts,
    private readonly limits: ResultWriterLimits,
    private readonly afterWrite: (done: number) => Promise<void>,
  ) {
    this.counts = { ...stored };
  }

  async add(result: ClaimResult): Promise<void> {
    const { counts } = this;
    counts.done++;
    this.pending.push({ seq: counts.done, json: JSON.stringify(result) });
    if (result.summary.errors > 0) counts.claims_with_errors++;
    counts.errors += result.summary.errors;
    counts.warnings += result.summary.warnings;
    counts.infos += result.summary.infos;
    if (
      this.pending.length >= this.limits.results ||
      Date.now() - this.lastWrite >= this.limits.waitMs
    )
      await this.flush();
  }

  /** Stores what waits (the end of a run, or a batch that is full or old enough). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const items = this.pending;
    const counts = { ...this.counts };
    const job = { id: this.jobId, orgId: this.ctx.orgId };
    await this.ctx.db.transaction().execute(async (trx) => {
      await insertCheckResults(trx, this.ctx.engine, job, items);
      await updateCheckJobCounts(trx, job.orgId, job.id, counts);
    });
    this.pending = [];
    this.lastWrite = Date.now();
    await this.afterWrite(counts.done);
  }
}
