/**
 * Long work (imports, batch checks, retention purges) runs as jobs: a job is a kind and a
 * JSON-serializable input, so it can wait in a database and run in another process. Callers
 * enqueue, poll progress and may cancel; the processes that run jobs register one handler per
 * kind. The interface lives in the domain so the layers defining jobs never depend on where they
 * run: in this process (the embedded default) or on PostgreSQL across instances (pg-boss).
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
  /** 1 for the first run; each retry adds one. */
  attempt: number;
  createdAt: string;
  finishedAt?: string;
  outcome?: Outcome;
  error?: JobError;
}

/** What a running handler is handed: its job, where to report progress, its abort signal. */
export interface JobRun<Input, Progress> {
  readonly id: string;
  readonly input: Input;
  readonly attempt: number;
  /**
   * Aborts on a cancel (reason JOB_CANCELLED, from any instance), when this process stops
   * (JOB_SHUTDOWN: the job is retried elsewhere) or when the job was given up as lost and retried
   * elsewhere (JOB_LOST).
   */
  readonly signal: AbortSignal;
  /** Stored where every instance reads it (at most every few seconds on PostgreSQL). */
  progress(progress: Progress): void;
}

/**
 * Runs one job. An expected failure (a CodecardError: a bad file) ends the job failed at once;
 * anything else (a database outage, a crash) is retried per the kind's policy.
 */
export type JobHandler<Input, Progress, Outcome> = (
  run: JobRun<Input, Progress>,
) => Promise<Outcome>;

export const JOB_CANCELLED = 'job-cancelled';
export const JOB_SHUTDOWN = 'job-shutdown';
export const JOB_LOST = 'job-lost';

/** How a kind is retried, and how many finished jobs the in-process queue keeps. */
export interface JobPolicy {
  /** Retries after the first attempt. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Doubles the delay with each retry (with jitter on PostgreSQL). */
  backoff: boolean;
  /** In-process only: finished jobs of the kind kept for polling, newest first. */
  keepFinished: number;
}

export interface EnqueueOptions<Progress> {
  /** The job's id (a UUID); default a new one. */
  id?: string;
  /** Progress before the handler reports any. */
  progress: Progress;
  policy: JobPolicy;
}

/** How many jobs of a kind wait and run (read-only; the readiness check reports it). */
export interface JobCounts {
  running: number;
  queued: number;
}

export interface JobQueue {
  enqueue<Input, Progress>(
    kind: string,
    input: Input,
    options: EnqueueOptions<Progress>,
  ): Promise<string>;
  /**
   * This process runs jobs of `kind` with `handler`, one at a time per kind (imports then never
   * overlap on the embedded store's single connection; a batch check is CPU-bound).
   */
  work<Input, Progress, Outcome>(
    kind: string,
    handler: JobHandler<Input, Progress, Outcome>,
  ): Promise<void>;
  /** The job of this kind with this id; fails NOT_FOUND for another kind's id or none. */
  get<Input, Progress, Outcome>(kind: string, id: string): Promise<Job<Input, Progress, Outcome>>;
  /** Resolves with the job once it has ended (done, failed or cancelled). */
  finished<Input, Progress, Outcome>(
    kind: string,
    id: string,
  ): Promise<Job<Input, Progress, Outcome>>;
  /** Cancels a queued job at once and a running one (on any instance) at its next signal check. */
  cancel(kind: string, id: string): Promise<void>;
  /** Jobs of a kind queued or running, anywhere. */
  unfinished<Input>(kind: string): Promise<{ id: string; input: Input }[]>;
  counts(kind: string): Promise<JobCounts>;
  /** Resolves when the jobs this process runs (of one kind, if given) have all ended. */
  idle(kind?: string): Promise<void>;
  /**
   * No job starts here any more. A durable queue aborts its running handlers (JOB_SHUTDOWN) and
   * hands their jobs back for another worker; the in-process queue lets them run on (`idle`
   * waits for them), there being no other process to take them.
   */
  stop(): Promise<void>;
}
