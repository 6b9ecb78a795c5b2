import { join, resolve } from 'node:path';
import { CodecardError } from '../errors/codecard-error.ts';
import type { DatabaseTarget } from './database-target.ts';
import { type GenerativeConfig, generativeConfigFromEnv } from './generative-config.ts';
import { type SsoConfig, ssoConfigFromEnv } from './sso-config.ts';
import { defaultUploadDir, type UploadConfig } from './upload-config.ts';

/** Typed configuration, parsed once; nothing else reads process.env. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Largest file accepted in an upload over HTTP, in bytes. */
  maxUploadBytes: number;
  /** Blob directory (and its sweep), per-request total and concurrent uploads per user. */
  uploads: UploadConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /**
   * Where users reach Codecard (CODECARD_PUBLIC_URL, e.g. https://codecard.example.org): the
   * only Host and Origin the server accepts. Null: loopback only (localhost, 127.0.0.1, [::1]).
   */
  publicUrl: URL | null;
  /** CSP frame-ancestors for the web app: who may show it in a frame (an EHR). */
  frameAncestors: string;
  /** The optional OpenAI-compatible model for Ask (CODECARD_LLM_*); null: extractive answers. */
  llm: GenerativeConfig | null;
  /** Usage events older than this many days are deleted (CODECARD_EVENT_RETENTION_DAYS). */
  eventRetentionDays: number;
  /** The first-admin setup link also works from other machines (CODECARD_SETUP_REMOTE=1). */
  setupRemote: boolean;
  /** Minutes of inactivity that end a session (CODECARD_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** Hours after sign-in that end a session however busy (CODECARD_SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /** Ask, search and check requests per caller per minute, per route. */
  rateLimitPerMinute: number;
  /**
   * Expensive requests (Ask, single checks) one process runs at once (CODECARD_EXPENSIVE_REQUESTS,
   * default 0: no limit) and how many may wait (CODECARD_EXPENSIVE_WAITING, default 1000).
   */
  expensiveRequests: { concurrency: number; maxWaiting: number };
  /**
   * Question text, feedback comments and batch check results are removed after this many days
   * (CODECARD_QUESTION_RETENTION_DAYS); the counts Performance shows stay.
   */
  questionRetentionDays: number;
  /** Single sign-on with an OpenID Connect provider (CODECARD_OIDC_*); null: passwords only. */
  sso: SsoConfig | null;
  /** Limits of the document parser threads (one document at a time). */
  parsing: ParsingConfig;
  /** Composed cards kept per process (CODECARD_CARD_CACHE_ENTRIES); 0 turns the cache off. */
  cardCacheEntries: number;
  /** Where jobs run (imports, batch checks, retention) on PostgreSQL. */
  jobs: JobsConfig;
  /** The release sync of official datasets into the reference data (CODECARD_SYNC_*). */
  sync: SyncConfig;
}

export interface SyncConfig {
  /**
   * CODECARD_SYNC_MIRROR: an http(s) URL or a local path of an index file (JSON), or a folder
   * of downloaded files; null: the index shipped in samples/cms-mirror.json.
   */
  mirror: string | null;
  /** Hours between scheduled checks (CODECARD_SYNC_INTERVAL_HOURS, default 24); 0: off. */
  intervalHours: number;
}

export interface JobsConfig {
  /**
   * `serve` runs jobs too (CODECARD_RUN_JOBS, default 1); 0: an HTTP-only instance, jobs run on
   * `codecard worker` processes. The embedded store always runs its jobs in the server.
   */
  runInServe: boolean;
  /** A running job's heartbeat period in seconds (CODECARD_JOB_HEARTBEAT_SECONDS, default 2). */
  heartbeatSeconds: number;
  /**
   * A running job whose heartbeat is this many seconds old is retried on another worker
   * (CODECARD_JOB_STALE_SECONDS, default 30).
   */
  staleSeconds: number;
}

export interface ParsingConfig {
  /** Heap cap of a parser thread in MB (CODECARD_PARSE_HEAP_MB); over it the document fails. */
  heapMb: number;
  /** Wall-clock limit of one document's parse in ms (CODECARD_PARSE_TIMEOUT_MS). */
  timeoutMs: number;
}

export interface ConfigOverrides {
  dataDir?: string;
  port?: number;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): Config {
  const port = overrides.port ?? integer(env.PORT, 'PORT', 3000, 0);
  const url = env.DATABASE_URL?.trim();
  const readUrl = env.CODECARD_DATABASE_READ_URL?.trim();
  const poolSize = env.CODECARD_DATABASE_POOL_SIZE?.trim()
    ? integer(env.CODECARD_DATABASE_POOL_SIZE, 'CODECARD_DATABASE_POOL_SIZE', 4, 1)
    : undefined;
  const dataDir = resolve(overrides.dataDir ?? env.CODECARD_DATA_DIR ?? '.codecard');
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!logLevels.includes(logLevel)) {
    throw new CodecardError('BAD_INPUT', {
      detail: `LOG_LEVEL must be one of ${logLevels.join(', ')}`,
    });
  }
  const publicAddress = publicUrl(env.CODECARD_PUBLIC_URL);
  const maxUploadMb = integer(env.CODECARD_MAX_UPLOAD_MB, 'CODECARD_MAX_UPLOAD_MB', 512);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    database: {
      ...(url
        ? { kind: 'postgres', url, ...(poolSize ? { poolSize } : {}) }
        : { kind: 'pglite', dataDir }),
      ...(readUrl ? { readUrl } : {}),
    },
    maxUploadBytes: maxUploadMb * 1024 * 1024,
    uploads: {
      // Beside the embedded database by default: same disk, same owner, swept at start.
      dir: resolve(
        env.CODECARD_BLOB_DIR?.trim() ||
          env.CODECARD_UPLOAD_DIR?.trim() ||
          (url ? defaultUploadDir() : join(dataDir, 'uploads')),
      ),
      // 7 days: a job is long finished by then, whichever instance queued it.
      sweepAfterDays: integer(env.CODECARD_BLOB_SWEEP_DAYS, 'CODECARD_BLOB_SWEEP_DAYS', 7),
      // Two files at the per-file limit by default, so one largest file always fits.
      maxRequestBytes:
        integer(env.CODECARD_MAX_UPLOAD_TOTAL_MB, 'CODECARD_MAX_UPLOAD_TOTAL_MB', 2 * maxUploadMb) *
        1024 *
        1024,
      maxConcurrentPerUser: integer(
        env.CODECARD_MAX_CONCURRENT_UPLOADS,
        'CODECARD_MAX_CONCURRENT_UPLOADS',
        2,
      ),
    },
    logLevel,
    publicUrl: publicAddress,
    frameAncestors: frameAncestors(env.CODECARD_FRAME_ANCESTORS),
    llm: generativeConfig(env),
    // 400 days: a year-over-year comparison of the same month still has both months.
    eventRetentionDays: integer(
      env.CODECARD_EVENT_RETENTION_DAYS,
      'CODECARD_EVENT_RETENTION_DAYS',
      400,
    ),
    setupRemote: env.CODECARD_SETUP_REMOTE === '1',
    sessionIdleMinutes: integer(
      env.CODECARD_SESSION_IDLE_MINUTES,
      'CODECARD_SESSION_IDLE_MINUTES',
      60,
    ),
    sessionMaxHours: integer(env.CODECARD_SESSION_MAX_HOURS, 'CODECARD_SESSION_MAX_HOURS', 12),
    // 120 a minute: two a second, more than a coder types or reads, too few to scrape the
    // library or run up a model bill.
    rateLimitPerMinute: integer(
      env.CODECARD_RATE_LIMIT_PER_MINUTE,
      'CODECARD_RATE_LIMIT_PER_MINUTE',
      120,
    ),
    // Off by default: measured at 100 clients (docs/scaling.md), a lane of 2 cut cards' p99 by
    // a quarter and Ask and check throughput by four fifths. A deployment that wants cards first
    // turns it on. 1,000 waiting is minutes of questions.
    expensiveRequests: {
      concurrency: integer(env.CODECARD_EXPENSIVE_REQUESTS, 'CODECARD_EXPENSIVE_REQUESTS', 0, 0),
      maxWaiting: integer(env.CODECARD_EXPENSIVE_WAITING, 'CODECARD_EXPENSIVE_WAITING', 1000, 0),
    },
    // 30 days: long enough to come back to a thread or a batch, short for text that can name a
    // patient (the typed text is masked before it is stored, but masking is a best effort).
    questionRetentionDays: integer(
      env.CODECARD_QUESTION_RETENTION_DAYS,
      'CODECARD_QUESTION_RETENTION_DAYS',
      30,
    ),
    sso: ssoConfigFromEnv(env, publicAddress ?? new URL(`http://localhost:${port}`)),
    // 512 MB and 60 s: a 5,000-page PDF reads within both; the documents that froze or killed
    // the server (one-line, deeply nested, 121x DOCX) are stopped well before.
    parsing: {
      heapMb: integer(env.CODECARD_PARSE_HEAP_MB, 'CODECARD_PARSE_HEAP_MB', 512, 64),
      timeoutMs: integer(env.CODECARD_PARSE_TIMEOUT_MS, 'CODECARD_PARSE_TIMEOUT_MS', 60_000, 1_000),
    },
    // 1,000 cards: more codes than a department looks up in a day. A card of a heavily bundled
    // code is large (183 KB of JSON on average in `npm run bench -- card`), so ~200 MB at most.
    cardCacheEntries: integer(
      env.CODECARD_CARD_CACHE_ENTRIES,
      'CODECARD_CARD_CACHE_ENTRIES',
      1000,
      0,
    ),
    jobs: jobsConfig(env),
    // Daily: publishers release quarterly at most, a day's delay is nothing, and the mirror is
    // asked once a day per instance group (the schedule is kept in the database).
    sync: {
      mirror: env.CODECARD_SYNC_MIRROR?.trim() || null,
      intervalHours: integer(
        env.CODECARD_SYNC_INTERVAL_HOURS,
        'CODECARD_SYNC_INTERVAL_HOURS',
        24,
        0,
      ),
    },
  };
}

/**
 * Space-separated CSP sources ("'self' https://ehr.example.org"). Only source expressions are
 * accepted, so the value cannot end the directive and inject another one.
 */
function frameAncestors(raw: string | undefined): string {
  const value = raw?.trim() || "'self'";
  const source =
    /^(?:'self'|'none'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9.-]+(?::(?:\d+|\*))?(?:\/[^\s;,]*)?)$/i;
  for (const part of value.split(/\s+/)) {
    if (!source.test(part))
      throw new CodecardError('BAD_INPUT', {
        detail: `CODECARD_FRAME_ANCESTORS: "${part}" is not a CSP source ('self', 'none', https://host)`,
      });
  }
  return value;
}

function generativeConfig(env: NodeJS.ProcessEnv): GenerativeConfig | null {
  try {
    return generativeConfigFromEnv(env);
  } catch (error) {
    throw new CodecardError('BAD_INPUT', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

function jobsConfig(env: NodeJS.ProcessEnv): JobsConfig {
  const run = env.CODECARD_RUN_JOBS?.trim() || '1';
  if (run !== '0' && run !== '1')
    throw new CodecardError('BAD_INPUT', {
      detail: `CODECARD_RUN_JOBS must be 0 or 1, got "${run}"`,
    });
  const heartbeatSeconds = integer(
    env.CODECARD_JOB_HEARTBEAT_SECONDS,
    'CODECARD_JOB_HEARTBEAT_SECONDS',
    2,
  );
  const staleSeconds = integer(env.CODECARD_JOB_STALE_SECONDS, 'CODECARD_JOB_STALE_SECONDS', 30);
  if (staleSeconds < 2 * heartbeatSeconds)
    throw new CodecardError('BAD_INPUT', {
      detail: `CODECARD_JOB_STALE_SECONDS (${staleSeconds}) must be at least twice CODECARD_JOB_HEARTBEAT_SECONDS (${heartbeatSeconds})`,
    });
  return { runInServe: run === '1', heartbeatSeconds, staleSeconds };
}

function integer(raw: string | undefined, name: string, fallback: number, min = 1): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new CodecardError('BAD_INPUT', {
      detail: `${name} must be a whole number of at least ${min}, got "${raw}"`,
    });
  }
  return value;
}

function publicUrl(raw: string | undefined): URL | null {
  const value = raw?.trim();
  if (!value) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/')
    throw new CodecardError('BAD_INPUT', {
      detail: `CODECARD_PUBLIC_URL must be an http(s) origin such as https://codecard.example.org, got "${value}"`,
    });
  return url;
}
