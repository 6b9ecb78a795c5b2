import { ApiError } from '../../api/client.ts';
import type { Translate } from '../../i18n/locale-context.tsx';
import type { ImportJob } from '../../../../src/contracts/library.ts';

/** How often an import's progress is asked for. */
export const POLL_MS = 500;

/** One file added to the library: its upload, then its import job. */
export interface UploadItem {
  key: number;
  name: string;
  size: number;
  stage: 'uploading' | 'importing' | 'finished';
  /** Upload: fraction of bytes sent, null while unknown. */
  sent: number | null;
  job?: ImportJob;
  /** The upload was refused or failed (the import job's own failure is in `job.error`). */
  error?: string;
}

/** An upload's failure in words (a network failure has its own message). */
export function failureText(failure: unknown, t: Translate): string {
  if (failure instanceof ApiError && failure.code === 'NETWORK') return t('library.upload.network');
  return failure instanceof Error ? failure.message : String(failure);
}
