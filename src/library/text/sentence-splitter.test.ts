import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from './sentence-splitter.ts';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['Report 62264 once per day. Do not report 77003 with it.', 2],
    ['Is 77003 separate? No. It is included.', 3],
    ['Stop! Then continue.', 2],
    ['Use a steroid, e.g. Depo-Medrol 80 mg, for the injection.', 1],
    ['Use a steroid, e.g. Methylprednisolone, for the injection.', 1],
    ['Bilateral means both sides, i.e. Left and right.', 1],
    ['Compare 62321 vs. 62323 before coding.', 1],
    ['Compare single shot vs. Catheter placement.', 1],
    ['See Transmittal No. 12345 for details.', 1],
    ['Inject 0.5 mL at each level. Then wait.', 2],
    ['Low back pain with radiculopathy is coded M54.16 here. Sciatica differs.', 2],
    ['Dr. Racz described the technique in the U.S. Army hospital.', 1],
    ['Use un corticoide, p. ej. Triamcinolona, en la inyección.', 1],
    ['He said "stop." Then he left.', 2],
    ['Done (see 62264). Next item.', 2],
    ['Wait... The fluoroscopy time is recorded.', 2],
  ])('%s -> %i sentence(s)', (text, count) => {
    expect(texts(text)).toHaveLength(count);
  });

  it('splits list items and keeps the markers out', () => {
    const text =
      'The note must show:\n- the level injected\n- the side\n* the drug and dose\n• the response\n1. a saved image\n2) the needle approach\n(c) consent';
    expect(texts(text)).toEqual([
      'The note must show:',
      'the level injected',
      'the side',
      'the drug and dose',
      'the response',
      'a saved image',
      'the needle approach',
      'consent',
    ]);
  });

  it('keeps a wrapped list item together', () => {
    const text =
      '- the spinal level injected and the side, and whether imaging was\n  used\n- the drug';
    expect(texts(text)).toEqual([
      'the spinal level injected and the side, and whether imaging was\n  used',
      'the drug',
    ]);
  });

  it('keeps a hard-wrapped paragraph together and splits headings off', () => {
    const text =
      '## Also known as\n\nPercutaneous lysis of epidural adhesions is often referred to as the\nRacz procedure or epidural neurolysis.\n\nReporting rules\nReport 62264 once per day.';
    expect(texts(text)).toEqual([
      'Also known as',
      'Percutaneous lysis of epidural adhesions is often referred to as the\nRacz procedure or epidural neurolysis.',
      'Reporting rules',
      'Report 62264 once per day.',
    ]);
  });

  it('splits at CJK and Arabic terminators', () => {
    expect(texts('每天报告一次。不要与77003一起报告！这是什么？')).toEqual([
      '每天报告一次。',
      '不要与77003一起报告！',
      '这是什么？',
    ]);
    expect(texts('هل يشمل التصوير؟ نعم يشمل. ثم تُحقن الأدوية۔ النهاية')).toEqual([
      'هل يشمل التصوير؟',
      'نعم يشمل.',
      'ثم تُحقن الأدوية۔',
      'النهاية',
    ]);
    expect(texts('「以上です。」次へ')).toEqual(['「以上です。」', '次へ']);
  });

  it('treats table rows and numbered CJK items as items', () => {
    expect(texts('| 62321 | once |\n| 62323 | once |')).toEqual([
      '| 62321 | once |',
      '| 62323 | once |',
    ]);
    expect(texts('一、注射部位\n二、药物剂量')).toEqual(['注射部位', '药物剂量']);
  });

  it('does not split a sentence starting with a code after a sentence end', () => {
    expect(texts('Report 62264 once. 77003 is included.')).toEqual([
      'Report 62264 once.',
      '77003 is included.',
    ]);
  });

  it('returns nothing for blank or punctuation-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n -- \n')).toEqual([]);
  });

  it('gives exact, ordered, non-overlapping offsets (property)', () => {
    const pieces = fc.constantFrom(
      'Report 62264 once per day.',
      ' e.g. ',
      '0.5 mL',
      'M54.16',
      '\n- item',
      '\n\n',
      '。',
      '؟',
      ' No. 5',
      '?',
      '! ',
      '\n',
      '## Head',
      '1. ',
      ' vs. ',
      'Él',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 20 }),
        (parts) => {
          const text = parts.join('');
          let last = 0;
          for (const sentence of splitSentences(text)) {
            expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
            expect(sentence.start).toBeGreaterThanOrEqual(last);
            expect(sentence.end).toBeGreaterThan(sentence.start);
            expect(sentence.text).toBe(sentence.text.trim());
            last = sentence.end;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
