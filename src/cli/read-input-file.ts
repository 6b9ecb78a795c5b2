import { readFile } from 'node:fs/promises';
import { CodecardError } from '../errors/codecard-error.ts';

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

/** Reads a file named on the command line; a missing or unreadable file is bad input, not a crash. */
export async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = reasons[(error as NodeJS.ErrnoException).code ?? ''];
    if (!reason) throw error;
    throw new CodecardError('BAD_INPUT', { detail: `${path}: ${reason}` });
  }
}
