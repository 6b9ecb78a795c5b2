import { describe, test } from 'vitest';
import { fuzzParser } from './fuzz-run.ts';
import { documentTargets } from './fuzz-target.ts';

// >= 1,000 generated inputs per document parser: each parses or ends in a CodecardError.
describe('document parser fuzz', () => {
  for (const target of documentTargets) {
    test(target, () => fuzzParser(target, target === 'pdf' ? 10_000 : 5_000));
  }
});
