import fc from 'fast-check';
import { expect } from 'vitest';
import { CodecardError } from '../errors/codecard-error.ts';

/** Runs a parser and lets only CodecardError through: anything else is a bug in the parser. */
export function expectOnlyCodecardErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CodecardError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

/** Catches the error a parser throws, for assertions on its code and message. */
export function errorOf(run: () => unknown): CodecardError {
  try {
    run();
  } catch (error) {
    if (error instanceof CodecardError) return error;
    throw error;
  }
  throw new Error('expected a CodecardError, but nothing was thrown');
}

interface Mutation {
  at: number;
  kind: 'delete' | 'insert' | 'replace';
  text: string;
}

/** Small random edits of a valid input: the inputs most like real damage (truncation, typos). */
export const mutations = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'replace'),
    text: fc.oneof(
      fc.string({ minLength: 1, maxLength: 3 }),
      fc.constantFrom('*', '~', ':', ',', '"', '\n', '{', '}', '[', ']', '-', '0', '9', 'ISA'),
    ),
  }),
  { minLength: 1, maxLength: 6 },
);

export function mutate(input: string, edits: Mutation[]): string {
  let text = input;
  for (const { at, kind, text: piece } of edits) {
    const position = text.length === 0 ? 0 : at % text.length;
    if (kind === 'delete') text = text.slice(0, position) + text.slice(position + piece.length);
    else if (kind === 'insert') text = text.slice(0, position) + piece + text.slice(position);
    else text = text.slice(0, position) + piece + text.slice(position + piece.length);
  }
  return text;
}
