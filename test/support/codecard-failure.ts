import { expect } from 'vitest';
import { CodecardError } from '../../src/errors/codecard-error.ts';

/** The CodecardError a promise rejects with (the test fails if it resolves or throws another). */
export async function codecardFailure(promise: Promise<unknown>): Promise<CodecardError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CodecardError);
  return error as CodecardError;
}
