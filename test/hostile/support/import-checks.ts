import type { ImportJob } from '../../../src/contracts/library.ts';
import type { CaseControl } from './hostile-case.ts';
import { postMultipart, type UploadAnswer, type UploadFile } from './streamed-upload.ts';

/** A message that says which limit was hit: the limit's name or size. */
const namesALimit =
  /limit|CODECARD_[A-Z_]+|\bover\b|exceed|more than|longer than|deeper than|larger than|too (many|large|deep|long|complex)|from \d+ to \d+|at most|up to/i;

export function namesLimit(message: string): boolean {
  return namesALimit.test(message) && /\d/.test(message);
}

export interface ImportAnswer extends UploadAnswer {
  jobs: ImportJob[];
  error: { code: string; message: string } | null;
}

/** Uploads files and waits for their imports (`?wait=true`). */
export async function importFiles(
  c: CaseControl,
  files: UploadFile[],
  fields: Record<string, string> = {},
): Promise<ImportAnswer> {
  const answer = await postMultipart(
    `${c.server.baseUrl}/api/library/documents?wait=true`,
    c.server.headers(),
    files,
    fields,
  );
  let jobs: ImportJob[] = [];
  let error: ImportAnswer['error'] = null;
  try {
    const body = JSON.parse(answer.text) as { jobs?: ImportJob[]; error?: ImportAnswer['error'] };
    jobs = body.jobs ?? [];
    error = body.error ?? null;
  } catch {
    // Not JSON: reported by the checks below.
  }
  return { ...answer, jobs, error };
}

/** The errors an answer carries: the request's own, or each failed import job's. */
export function errorsOf(answer: ImportAnswer): { code: string; message: string }[] {
  if (answer.error) return [answer.error];
  return answer.jobs.flatMap((job) => (job.error ? [job.error] : []));
}

/**
 * The upload was refused with a 4xx naming the limit, with one of `codes`, and the library is
 * as it was.
 */
export async function expectRefused(
  c: CaseControl,
  answer: ImportAnswer,
  codes: readonly string[],
  options: { limitNamed?: boolean } = {},
): Promise<void> {
  const refused = answer.status >= 400 && answer.status < 500;
  const outcome =
    answer.status === 0
      ? `no answer (${answer.text.slice(0, 120)})`
      : `${answer.status}${answer.jobs[0] ? ` (import ${answer.jobs[0].status})` : ''}`;
  c.check(refused, `expected a 4xx refusal, got ${outcome}`);
  const errors = errorsOf(answer);
  if (refused) c.check(errors.length > 0, `no error in the answer: ${answer.text.slice(0, 200)}`);
  for (const error of errors) {
    c.check(
      codes.includes(error.code),
      `error code ${error.code} is not one of ${codes.join(', ')}: ${error.message}`,
    );
    if (options.limitNamed !== false)
      c.check(namesLimit(error.message), `the message names no limit: "${error.message}"`);
  }
  if (errors.length > 0) c.note(errors.map((e) => `${e.code}: ${e.message}`).join(' | '));
  await c.expectLibraryUnchanged();
}
