/** Shared assertions for parser tests (test-only). */
import { expect } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { ParsedDocument, SourceFile } from '../import-kind.ts';

/** A parser as tests call it: in this thread or through the pool. */
type Parser = (file: SourceFile) => Promise<ParsedDocument>;

/** Runs a parser and returns the CodecardError it threw; any other outcome fails the test. */
export async function parseError(
  parser: Parser,
  fileName: string,
  bytes: Buffer,
): Promise<CodecardError> {
  let result: ParsedDocument | undefined;
  try {
    result = await parser({ fileName, bytes });
  } catch (error) {
    if (!(error instanceof CodecardError)) throw error;
    expect(error.message).toContain(fileName);
    return error;
  }
  throw new Error(`expected a CodecardError, got ${result.passages.length} passages`);
}

/** Parses, or accepts a CodecardError naming the file; anything else is a failure. */
export async function parseOrCodecardError(
  parser: Parser,
  fileName: string,
  bytes: Buffer,
): Promise<ParsedDocument | CodecardError> {
  try {
    const parsed = await parser({ fileName, bytes });
    for (const passage of parsed.passages) {
      expect(passage.endOffset - passage.startOffset).toBe(passage.text.length);
    }
    return parsed;
  } catch (error) {
    if (!(error instanceof CodecardError)) {
      throw new Error(`non-Codecard error: ${String(error)}`, { cause: error });
    }
    expect(error.message).toContain(fileName);
    return error;
  }
}
