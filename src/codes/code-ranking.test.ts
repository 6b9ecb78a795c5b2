import { describe, expect, it } from 'vitest';
import { doseAgreement, dosesIn, rankHits, wordsMatched } from './code-ranking.ts';

// Authored sample descriptors, not from any code set.
const hit = (code: string, description: string, billable: boolean | null = null, score = 0.1) => ({
  code,
  description,
  billable,
  score,
});

describe('doses', () => {
  it('reads amounts and normalizes units', () => {
    expect(dosesIn('Sample drug, per 10 mg and 0.5 ml, 1,000 units, 250 mcg')).toEqual([
      { value: 10, unit: 'mg', text: '10 mg' },
      { value: 0.5, unit: 'ml', text: '0.5 ml' },
      { value: 1000, unit: 'unit', text: '1,000 units' },
      { value: 250, unit: 'mcg', text: '250 mcg' },
    ]);
    expect(dosesIn('10mg')).toEqual([{ value: 10, unit: 'mg', text: '10mg' }]);
    expect(dosesIn('10 mgx')).toEqual([]);
  });

  it('compares the asked dose with the descriptor’s', () => {
    const asked = dosesIn('10 mg');
    expect(doseAgreement(asked, 'Sample drug, 10 mg')).toBe('same');
    expect(doseAgreement(asked, 'Sample drug, per 1 mg')).toBe('different');
    expect(doseAgreement(asked, 'Sample drug, 100 mg')).toBe('different');
    expect(doseAgreement(asked, 'Sample drug')).toBe('none');
    expect(doseAgreement([], 'Sample drug, 10 mg')).toBeNull();
  });
});

describe('rankHits', () => {
  it('puts the stated dose first, then other doses last', () => {
    const ranked = rankHits(
      [
        hit('X0001', 'Injection, sampleone, 1 mg', null, 0.9),
        hit('X0002', 'Injection, sampleone, 10 mg'),
        hit('X0003', 'Sampleone, inhalation, per milligram'),
        hit('X0004', 'Injection, sampleone, per 5 mg', null, 0.8),
      ],
      ['sampleone'],
      dosesIn('10 mg'),
    );
    expect(ranked.map((r) => [r.code, r.dose])).toEqual([
      ['X0002', 'same'],
      ['X0003', 'none'],
      ['X0001', 'different'],
      ['X0004', 'different'],
    ]);
  });

  it('ranks by words matched, then billable, then the fewest other words', () => {
    const ranked = rankHits(
      [
        hit('Q1.0', 'Lower sample ache', false),
        hit('Q1.01', 'Lower sample ache, unspecified', true),
        hit('Q1.02', 'Spinal lower sample ache', true),
        hit('Q2', 'Sample ache of the arm with lower grade and more words', true),
        hit('Q3', 'Unrelated', true, 0.99),
      ],
      ['spinal', 'lower', 'sample', 'ache'],
      [],
    );
    expect(ranked.map((r) => r.code)).toEqual(['Q1.02', 'Q1.01', 'Q2', 'Q1.0', 'Q3']);
    expect(ranked[1]?.missing).toEqual(['spinal']);
  });

  it('matches plural and longer forms of a word', () => {
    expect(wordsMatched(['injections', 'steroid'], 'Steroid injection, sample').matched).toEqual([
      'injections',
      'steroid',
    ]);
    expect(wordsMatched(['low'], 'Lower sample').matched).toEqual([]);
  });
});
