import { CodecardError, parseFailed } from '../../errors/codecard-error.ts';
import { documentTooComplex, WorkLimitExceeded } from './work-limits.ts';

/**
 * Runs a parser body so that a hostile file can only ever produce a CodecardError naming the
 * file: a work limit crossed becomes DOCUMENT_TOO_COMPLEX, library exceptions (and stack
 * overflows on absurd nesting) become PARSE_FAILED.
 */
export async function guarded<T>(fileName: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CodecardError) throw error;
    if (error instanceof WorkLimitExceeded) throw documentTooComplex(fileName, error.detail);
    throw parseFailed(fileName, describeError(error));
  }
}

export function describeError(error: unknown, what = 'the document'): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.trim() ?? '';
  return firstLine
    ? `${what} could not be read (${firstLine.slice(0, 200)})`
    : `${what} could not be read`;
}
