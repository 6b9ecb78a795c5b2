import { describe, expect, it } from 'vitest';
import { addressesQuestion } from './answer-addresses.ts';
import { askedIntent } from './intent.ts';
import { parseQuestion } from './question.ts';

const asked = (text: string) => askedIntent(parseQuestion(text, () => []));

describe('what counts as answered', () => {
  it('reads what the question itself asks for', () => {
    expect(asked('can I bill 62264 with 77003?')).toBe('pair');
    expect(asked('how many units of 64483?')).toBe('units');
    expect(asked('is M54.16 covered for 62323?')).toBe('coverage');
    expect(asked('62264')).toBeNull();
    expect(asked('what is the Racz procedure?')).toBeNull();
  });

  it('counts only answers of the kind asked, never refusals or "cannot tell"', () => {
    expect(addressesQuestion({ kind: 'pair', verdict: 'not-allowed' }, 'pair')).toBe(true);
    expect(addressesQuestion({ kind: 'card' }, 'pair')).toBe(false);
    expect(addressesQuestion({ kind: 'card' }, 'units')).toBe(false);
    expect(addressesQuestion({ kind: 'pair', verdict: 'cannot-tell' }, 'pair')).toBe(false);
    expect(addressesQuestion({ kind: 'not-found' }, null)).toBe(false);
    expect(addressesQuestion({ kind: 'card' }, null)).toBe(true);
  });
});
