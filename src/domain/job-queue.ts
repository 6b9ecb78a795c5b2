/**
 * Long work (imports, batch checks) runs as jobs: callers enqueue, poll progress, read the
 * results as a stream once done, and may cancel. The interface lives in the domain so that the
 * layers defining jobs never depend on where they run: today an in-process queue, later a
 * durable one on PostgreSQL with the same contract.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobError {
  code: string;
  message: string;
}

/** A job as its callers see it: what it was given, how far it is, and how it ended. */
export interface Job<Input, Progress, Outcome> {
  readonly id: string;
  readonly kind: string;
  readonly input: Input;
  status: JobStatus;
  progress: Progress;
  createdAt: string;
  finishedAt?: string;
  outcome?: Outcome;
  error?: JobError;
}

/** What a running job is handed: where to report progress and results, and its cancel signal. */
export interface JobRun<Progress, Result> {
  readonly signal: AbortSignal;
  progress(progress: Progress): void;
  emit(result: Result): void;
}

export interface JobSpec<Input, Progress, Result, Outcome> {
  /** Jobs of one kind run one after another; kinds run side by side. */
  kind: string;
  input: Input;
  progress: Progress;
  /** Finished jobs of this kind kept for polling and download, newest first. */
  keepFinished: number;
  run(run: JobRun<Progress, Result>): Promise<Outcome>;
}

/** How many jobs of a kind wait and run (read-only; the readiness check reports it). */
export interface JobCounts {
  running: number;
  queued: number;
}

export interface JobQueue {
  enqueue<Input, Progress, Result, Outcome>(
    spec: JobSpec<Input, Progress, Result, Outcome>,
  ): { job: Job<Input, Progress, Outcome>; finished: Promise<Job<Input, Progress, Outcome>> };
  /** The job of this kind with this id; fails NOT_FOUND for another kind's id. */
  get<Input, Progress, Outcome>(kind: string, id: string): Job<Input, Progress, Outcome>;
  /** A finished job's results in the order they were emitted. */
  results<Result>(kind: string, id: string): AsyncIterable<Result>;
  /** Cancels a queued job at once and a running one at its next check of the signal. */
  cancel(kind: string, id: string): void;
  /** Resolves when every job enqueued so far (of one kind, if given) has finished. */
  idle(kind?: string): Promise<void>;
  /**
   * Forgets the jobs of a kind that finished before `before`, results and all (a batch check's
   * results hold claim content, kept no longer than the retention period); returns how many.
   */
  forgetFinished(kind: string, before: Date): number;
  /** Jobs of a kind now running and waiting their turn. */
  counts(kind: string): JobCounts;
}
