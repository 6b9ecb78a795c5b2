import type { FastifyRequest } from 'fastify';
import { CodecardError } from '../errors/codecard-error.ts';
import type { SourceFile } from '../library/import-kind.ts';

export interface Upload<Field extends string> {
  files: SourceFile[];
  fields: Partial<Record<Field, string>>;
}

/**
 * Reads a multipart upload: its files (each within the size limit, or FILE_TOO_LARGE) and the
 * named text fields; other fields are ignored.
 */
export async function readUpload<Field extends string>(
  request: FastifyRequest,
  limits: { maxUploadBytes: number; maxFiles: number; fields: readonly Field[] },
): Promise<Upload<Field>> {
  if (!request.isMultipart()) {
    throw new CodecardError('BAD_INPUT', { detail: 'upload files as multipart/form-data' });
  }
  const upload: Upload<Field> = { files: [], fields: {} };
  for await (const part of request.parts({
    limits: { fileSize: limits.maxUploadBytes, files: limits.maxFiles },
  })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        return null;
      });
      if (bytes === null || part.file.truncated) {
        throw new CodecardError('FILE_TOO_LARGE', {
          file: part.filename,
          size: `more than ${limits.maxUploadBytes}`,
          limit: limits.maxUploadBytes,
        });
      }
      upload.files.push({ fileName: safeName(part.filename), bytes });
    } else if (
      (limits.fields as readonly string[]).includes(part.fieldname) &&
      typeof part.value === 'string'
    ) {
      upload.fields[part.fieldname as Field] = part.value;
    }
  }
  return upload;
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
