import { ApiError } from '../../api/client.ts';
import { addEhrHeaders } from '../../api/ehr-session.ts';
import type { UploadOptions } from './library-types.ts';
import type { ImportJob } from '../../../../src/contracts/library.ts';

export interface UploadHandle {
  /** The import job the server started for the file. */
  done: Promise<ImportJob>;
  abort: () => void;
}

/** The server's `{error: {code, message}}`, or the HTTP status text. */
function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } };
    if (body.error?.message)
      return new ApiError(xhr.status, body.error.code ?? 'HTTP_ERROR', body.error.message);
  } catch {
    // Not JSON: a proxy's page, or nothing.
  }
  return new ApiError(xhr.status, 'HTTP_ERROR', xhr.statusText || `HTTP ${xhr.status}`);
}

/**
 * Uploads one file in its own request (so each file has its own progress) with the import
 * options as multipart fields. XMLHttpRequest, because fetch reports no upload progress.
 * `onProgress` gets the fraction sent (0..1), or null while the size is unknown.
 */
export function uploadFile(
  file: File,
  options: UploadOptions,
  onProgress: (fraction: number | null) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportJob>((resolve, reject) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(options))
      if (typeof value === 'string' && value !== '') body.append(name, value);
    body.append('files', file, file.name);
    xhr.open('POST', '/api/library/documents');
    // Opened from a chart: the EHR session's tokens, as the API client sends them.
    const headers = new Headers();
    addEhrHeaders(headers);
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) =>
      onProgress(event.lengthComputable && event.total > 0 ? event.loaded / event.total : null);
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOf(xhr));
      try {
        const job = (JSON.parse(xhr.responseText) as { jobs?: ImportJob[] }).jobs?.[0];
        if (job) resolve(job);
        else reject(new ApiError(xhr.status, 'HTTP_ERROR', 'no import job in the answer'));
      } catch {
        reject(new ApiError(xhr.status, 'HTTP_ERROR', 'the answer is not JSON'));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'aborted'));
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}
