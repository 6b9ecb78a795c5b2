import { CodecardError } from '../errors/codecard-error.ts';

export interface BoundedFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  /** The error code a failure is reported with. */
  failure: 'SMART_LAUNCH_FAILED' | 'EHR_READ_FAILED' | 'CDS_CLIENT_REFUSED';
  /** What the read is called in a failure's reason (no ids: the reason may reach a log). */
  label: string;
}

/**
 * GETs JSON from an EHR with a time limit and a size limit (the body is read in chunks and
 * dropped past the limit). Plain http is allowed only to this machine (tests, development).
 * Failures carry a short reason that names no token, no id and no content.
 */
export async function fetchJsonBounded(url: URL, options: BoundedFetchOptions): Promise<unknown> {
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
    throw new CodecardError(options.failure, { reason: 'the EHR must be reached over https' });
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/fhir+json, application/json', ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch {
    throw new CodecardError(options.failure, { reason: `${options.label}: no answer in time` });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new CodecardError(
      options.failure,
      { reason: `${options.label}: HTTP ${response.status}` },
      { status: response.status },
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > options.maxBytes) {
      await reader.cancel();
      throw new CodecardError(options.failure, {
        reason: `${options.label}: the answer is over ${options.maxBytes} bytes`,
      });
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new CodecardError(options.failure, { reason: `${options.label}: not JSON` });
  }
}

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
