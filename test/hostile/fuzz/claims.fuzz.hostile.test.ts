import { describe, test } from 'vitest';
import { fuzzParser } from './fuzz-run.ts';
import { claimTargets } from './fuzz-target.ts';

// >= 1,000 generated inputs per claim reader (CSV, X12 837, JSON/NDJSON) through readClaims.
describe('claim input fuzz', () => {
  for (const target of claimTargets) {
    test(target, () => fuzzParser(target, 5_000));
  }
});
