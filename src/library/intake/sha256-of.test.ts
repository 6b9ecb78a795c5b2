import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { loopTurnsDuring } from '../../domain/test-loop-turns.ts';
import { pseudoRandomBytes } from '../parsers/test-fixtures.ts';
import { sha256Of } from './sha256-of.ts';

const MB = 1024 * 1024;

describe('sha256Of', () => {
  test.each([0, 1, 8 * MB - 1, 8 * MB, 8 * MB + 1, 20 * MB + 7])(
    'equals one-call SHA-256 for %i bytes',
    async (size) => {
      const bytes = pseudoRandomBytes(size, size + 1);
      expect(await sha256Of(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    },
  );

  test('lets other work run while a large buffer is hashed', async () => {
    const bytes = Buffer.alloc(64 * MB, 7);
    const turnsWhileHashing = await loopTurnsDuring(() => sha256Of(bytes));
    // One call would let the ticker run at most once; slices let it run between them.
    expect(turnsWhileHashing).toBeGreaterThanOrEqual(4);
  });
});
