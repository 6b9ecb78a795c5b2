import { describe, expect, it } from 'vitest';
import { asksCodeFacts } from './intent.ts';
import { parseQuestion } from './question.ts';

describe('asksCodeFacts', () => {
  const asks = (text: string, codes: string[] = []) => asksCodeFacts(parseQuestion(text), codes);

  it('is true for pairs, bundling, coverage, units of a code and add-ons, in any language', () => {
    expect(asks('Can I bill 62264 with 77003?')).toBe(true);
    expect(asks('Is the Racz procedure bundled with fluoroscopy?', ['62264'])).toBe(true);
    expect(asks('Which diagnoses are covered for epidural adhesiolysis?')).toBe(true);
    expect(asks('How many units of the Racz procedure?', ['62264'])).toBe(true);
    expect(asks('Is 64484 an add-on code?')).toBe(true);
    expect(asks('¿Puedo facturar 62264 con 77003?')).toBe(true);
    expect(asks('64484是附加代码吗？')).toBe(true);
  });

  it('is false for prose questions, which a model may phrase', () => {
    expect(asks('How long do patients rest after an epidural procedure?')).toBe(false);
    expect(asks('How long does the Racz procedure take?', ['62264'])).toBe(false);
    expect(asks('What does modifier XS mean?')).toBe(false);
  });
});
