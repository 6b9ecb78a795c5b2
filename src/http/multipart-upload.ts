import type { FastifyReply, FastifyRequest } from 'fastify';
import { CodecardError } from '../errors/codecard-error.ts';
import { discardSpooled, type UploadSpool } from '../library/intake/upload-spool.ts';
import type { SpooledFile } from '../library/spooled-file.ts';
import { lingerAfterRefusal } from './linger-after-refusal.ts';
import type { UploadGate } from './upload-gate.ts';

/** Where uploads go and how much one may carry; one per app. */
export interface UploadSettings {
  spool: UploadSpool;
  gate: UploadGate;
  /** Each file (CODECARD_MAX_UPLOAD_MB). */
  maxFileBytes: number;
  /** All files of one request together (CODECARD_MAX_UPLOAD_TOTAL_MB). */
  maxRequestBytes: number;
}

export interface Upload<Field extends string> {
  /** In the blob store; the caller owns them: hands them on or deletes them (`discardSpooled`). */
  files: SpooledFile[];
  fields: Partial<Record<Field, string>>;
}

/**
 * Reads a multipart upload: its files streamed to the blob store (each within the per-file limit,
 * or FILE_TOO_LARGE; all within the per-request limit, or UPLOAD_TOO_LARGE) and the named text
 * fields; other fields are ignored. The caller must be under the cap of concurrent uploads
 * (TOO_MANY_UPLOADS). On any failure, a client's abort included, no blob is left.
 */
export async function readUpload<Field extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  settings: UploadSettings,
  form: { maxFiles: number; fields: readonly Field[] },
): Promise<Upload<Field>> {
  if (!request.isMultipart()) {
    throw new CodecardError('BAD_INPUT', { detail: 'upload files as multipart/form-data' });
  }
  const release = settings.gate.enter(uploaderOf(request), reply);
  const upload: Upload<Field> = { files: [], fields: {} };
  let total = 0;
  let current = '';
  try {
    // One byte over the per-file limit reaches the meter, which refuses it at once, instead of
    // the parser silently truncating the file and reading the rest of it to the end.
    const parts = request.parts({
      limits: { fileSize: settings.maxFileBytes + 1, files: form.maxFiles },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        current = safeName(part.filename);
        let size = 0;
        const file = await settings.spool.write(part.file, current, (bytes) => {
          size += bytes;
          total += bytes;
          if (size > settings.maxFileBytes) throw fileTooLarge(current, settings.maxFileBytes);
          if (total > settings.maxRequestBytes) {
            throw new CodecardError('UPLOAD_TOO_LARGE', {
              limit: settings.maxRequestBytes,
              setting: 'CODECARD_MAX_UPLOAD_TOTAL_MB',
            });
          }
        });
        upload.files.push(file);
      } else if (
        (form.fields as readonly string[]).includes(part.fieldname) &&
        typeof part.value === 'string'
      ) {
        upload.fields[part.fieldname as Field] = part.value;
      }
    }
    return upload;
  } catch (error) {
    await discardSpooled(settings.spool.store, upload.files);
    const refused = uploadError(error, current, settings.maxFileBytes);
    // The rest of a body over a limit is not read: the connection closes soon after the answer.
    if (refused instanceof CodecardError && refused.status === 413) lingerAfterRefusal(reply);
    throw refused;
  } finally {
    release();
  }
}

/** Runs `work` on an upload's files; if it fails they are deleted, as nobody will take them. */
export async function discardOnFailure<T>(
  settings: UploadSettings,
  files: readonly SpooledFile[],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await discardSpooled(settings.spool.store, files);
    throw error;
  }
}

/** The parser's own size error and a full blob disk in the catalog's words. */
function uploadError(error: unknown, file: string, maxFileBytes: number): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(file, maxFileBytes);
  if (code === 'ENOSPC')
    return new CodecardError('DISK_FULL', {
      file,
      detail: 'the blob directory (CODECARD_BLOB_DIR) is full',
    });
  return error;
}

function fileTooLarge(file: string, limit: number): CodecardError {
  return new CodecardError('FILE_TOO_LARGE', {
    file,
    size: `more than ${limit}`,
    limit,
  });
}

/** The user the access guard resolved (an API key counts as the user who created it). */
function uploaderOf(request: FastifyRequest): string {
  return request.principal ? `user:${request.principal.userId}` : `address:${request.ip}`;
}

/** Only the base name of an uploaded file is kept (no paths from the client). */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters never reach logs or the library.
  return (
    [...base]
      .filter((c) => c >= ' ')
      .join('')
      .slice(0, 200) || 'upload'
  );
}
