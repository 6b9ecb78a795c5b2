import { describe, expect, it } from 'vitest';
import { splitCitedSentences } from './sentences.ts';

describe('splitCitedSentences', () => {
  it('keeps markers with their sentence, before or after the full stop', () => {
    expect(
      splitCitedSentences(
        'Imaging is included [P1]. Contrast is included. [P2][P3] It is done once [P1, P3].',
      ),
    ).toEqual([
      { text: 'Imaging is included.', ids: ['P1'] },
      { text: 'Contrast is included.', ids: ['P2', 'P3'] },
      { text: 'It is done once.', ids: ['P1', 'P3'] },
    ]);
  });

  it('splits on ! ? and line breaks, and leaves sentences without markers uncited', () => {
    expect(splitCitedSentences('Never together! [P2]\nIs it covered? Yes [P3]')).toEqual([
      { text: 'Never together!', ids: ['P2'] },
      { text: 'Is it covered?', ids: [] },
      { text: 'Yes', ids: ['P3'] },
    ]);
  });

  it('does not split inside codes, numbers or abbreviations', () => {
    expect(
      splitCitedSentences(
        'Covered for M54.16 at 1.5 units, e.g. after 4 weeks, etc. [P3] Report 62264 once [P1].',
      ),
    ).toEqual([
      { text: 'Covered for M54.16 at 1.5 units, e.g. after 4 weeks, etc.', ids: ['P3'] },
      { text: 'Report 62264 once.', ids: ['P1'] },
    ]);
  });

  it('splits on full-width stops without spaces', () => {
    expect(
      splitCitedSentences('影像引导已包含在 62264 中[P1]。不得单独报告！[P1]造影剂？'),
    ).toEqual([
      { text: '影像引导已包含在 62264 中。', ids: ['P1'] },
      { text: '不得单独报告！', ids: ['P1'] },
      { text: '造影剂？', ids: [] },
    ]);
  });

  it('splits on the Arabic question mark', () => {
    expect(splitCitedSentences('هل يغطي الإجراء 62264؟ [P1] نعم. [P2]')).toEqual([
      { text: 'هل يغطي الإجراء 62264؟', ids: ['P1'] },
      { text: 'نعم.', ids: ['P2'] },
    ]);
  });

  it('splits after markers where a new sentence visibly starts', () => {
    expect(
      splitCitedSentences('Imaging is included [P1] Contrast is too [P2] and units [P1].'),
    ).toEqual([
      { text: 'Imaging is included', ids: ['P1'] },
      { text: 'Contrast is too and units.', ids: ['P2', 'P1'] },
    ]);
  });

  it('drops list bullets, joins a marker-only line to the sentence above, skips reasoning', () => {
    const reply = '<think>The user wants [P9].</think>\n- 1. Imaging is included.\n[P1]\n**';
    expect(splitCitedSentences(reply)).toEqual([{ text: 'Imaging is included.', ids: ['P1'] }]);
  });

  it('reads full-width and lower-case markers as ids', () => {
    expect(splitCitedSentences('Included ［P2］ and 【p3】 too.')).toEqual([
      { text: 'Included and too.', ids: ['P2', 'P3'] },
    ]);
  });
});
