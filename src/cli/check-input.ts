import { fstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CodecardError } from '../errors/codecard-error.ts';

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

/** A claim input read as a stream of chunks, with a count of the bytes read so far. */
export interface CheckInput {
  /** The name used in messages: the file's base name, or "stdin". */
  source: string;
  chunks: AsyncIterable<Uint8Array>;
  /** The input's size when it is known (a file, or standard input redirected from one). */
  size: number | undefined;
  bytesRead(): number;
}

/** Opens FILE, or standard input for "-"; a missing or unreadable file is bad input. */
export async function openCheckInput(file: string): Promise<CheckInput> {
  let bytesRead = 0;
  const counted = async function* (stream: AsyncIterable<Uint8Array>) {
    for await (const chunk of stream) {
      bytesRead += chunk.length;
      yield chunk;
    }
  };
  if (file === '-') {
    return {
      source: 'stdin',
      chunks: counted(process.stdin),
      size: stdinFileSize(),
      bytesRead: () => bytesRead,
    };
  }
  try {
    const handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    }
    return {
      source: basename(file),
      chunks: counted(handle.createReadStream({ highWaterMark: 256 * 1024 })),
      size: stat.isFile() ? stat.size : undefined,
      bytesRead: () => bytesRead,
    };
  } catch (error) {
    const reason = reasons[(error as NodeJS.ErrnoException).code ?? ''];
    if (!reason) throw error;
    throw new CodecardError('BAD_INPUT', { detail: `${file}: ${reason}` });
  }
}

/** `codecard check - < big.ndjson` has a size to show progress against; a pipe has none. */
function stdinFileSize(): number | undefined {
  try {
    const stat = fstatSync(0);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
