import type { JobError, JobStatus } from '../domain/job-queue.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { CheckJobCounts, CheckJobRow } from './check-job.repository.ts';

export interface CheckSummary {
  claims: number;
  claimsWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Claims checked so far, of all claims in the file. */
export interface CheckProgress {
  done: number;
  total: number;
}

/** A batch check as its organization sees it (read from the store at every look). */
export interface CheckJob {
  id: string;
  orgId: string;
  fileName: string;
  lang: LocaleCode;
  status: JobStatus;
  /** A failed check that `resume` can continue from its last stored result. */
  resumable: boolean;
  progress: CheckProgress;
  createdAt: string;
  finishedAt?: string;
  /** Once done. */
  summary?: CheckSummary;
  error?: JobError;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function checkJobOf(row: CheckJobRow): CheckJob {
  return {
    id: row.id,
    orgId: row.org_id,
    fileName: row.file_name,
    // Written from a parsed locale at submit.
    lang: row.lang as LocaleCode,
    status: row.status,
    resumable: row.resumable,
    progress: { done: row.done, total: row.total },
    createdAt: iso(row.created_at),
    ...(row.finished_at ? { finishedAt: iso(row.finished_at) } : {}),
    ...(row.status === 'done'
      ? {
          summary: {
            claims: row.done,
            claimsWithErrors: row.claims_with_errors,
            errors: row.errors,
            warnings: row.warnings,
            infos: row.infos,
          },
        }
      : {}),
    ...(row.error_code !== null
      ? { error: { code: row.error_code, message: row.error_message ?? '' } }
      : {}),
  };
}

export function countsOf(row: CheckJobRow): CheckJobCounts {
  return {
    done: row.done,
    claims_with_errors: row.claims_with_errors,
    errors: row.errors,
    warnings: row.warnings,
    infos: row.infos,
  };
}
