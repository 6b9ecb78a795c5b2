/** What each fuzzed parser is: prose parsers of the library, and claim inputs. */
export const documentTargets = ['pdf', 'docx', 'html', 'markdown', 'text'] as const;
export const claimTargets = ['csv', 'x12', 'json'] as const;
export type FuzzTarget = (typeof documentTargets)[number] | (typeof claimTargets)[number];

export interface FuzzInput {
  target: FuzzTarget;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * parsed: the input was read; refused: a CodecardError; crash: any other exception; hang: a
 * DOCX stopped by the parser pool's time limit (see fuzz-worker.ts).
 */
export type FuzzOutcome =
  | { kind: 'parsed'; detail: string }
  | { kind: 'refused'; detail: string }
  | { kind: 'crash'; detail: string }
  | { kind: 'hang'; detail: string };
