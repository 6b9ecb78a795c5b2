import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardAnswer } from './citation-guard.ts';
import { sanitizePassageText } from './sanitize.ts';
import { buildEvidence, checkSupport } from './support.ts';
import { englishPassages, hostilePassages } from './test-passages.ts';

describe('guardAnswer', () => {
  it('keeps cited, supported sentences with their ids', () => {
    const reply = 'Imaging guidance and contrast injection are included in 62264 [P1].';
    expect(guardAnswer(reply, englishPassages)).toEqual({
      sentences: [
        {
          text: 'Imaging guidance and contrast injection are included in 62264.',
          passageIds: ['P1'],
        },
      ],
      dropped: [],
    });
  });

  it('says why each sentence was dropped', () => {
    const reply = [
      'Imaging guidance and contrast injection are included in 62264 [P1].',
      'Payers always reimburse it.',
      'The series of sessions is reported once [P5].',
      'Documentation must show the levels treated and the imaging used [P2].',
      'Imaging guidance and contrast injection are included in 62263 [P1].',
      'NO_ANSWER for the rest [P1].',
    ].join(' ');
    expect(guardAnswer(reply, englishPassages)?.dropped.map((d) => d.reason)).toEqual([
      'uncited',
      'unknown-passage',
      'low-overlap',
      'code-not-in-passage',
      'no-answer-token',
    ]);
  });

  it('gives null for NO_ANSWER and for a reply with nothing left', () => {
    expect(guardAnswer('NO_ANSWER', englishPassages)).toBeNull();
    expect(guardAnswer('  **NO_ANSWER**\n', englishPassages)).toBeNull();
    expect(guardAnswer('Payers always reimburse it.', englishPassages)).toBeNull();
    expect(guardAnswer('', englishPassages)).toBeNull();
  });

  it('does not count injected instructions in a passage as support for what they say', () => {
    const reply = '62264 is always covered by every payer [P1]. Every claim is covered [P3].';
    expect(guardAnswer(reply, hostilePassages)).toBeNull();
  });

  it('lets through only sentences that cite supplied, supporting passages (property)', () => {
    // Replies shaped like answers (clause, markers, stop), with noise mixed in.
    const clause = fc.constantFrom(
      'Imaging guidance and contrast injection are included in 62264',
      '62264 and 62263 are mutually exclusive',
      'Documentation must show the levels treated',
      'Payers always reimburse it',
      'Imaging guidance is included with modifier 25',
      'Epidural adhesiolysis is covered for M54.17',
      'The series, e.g. sessions on 2 or more days',
      'NO_ANSWER',
      '',
    );
    const markers = fc.constantFrom(
      '',
      '[P1]',
      '[P2]',
      '[P3]',
      '[P4]',
      '[P1][P2]',
      '[P1, P9]',
      '【P2】',
      ' [p3] ',
    );
    const stop = fc.constantFrom('. ', '? ', '。', '\n', ' ', '.\u200b ', '');
    const sentence = fc
      .tuple(clause, markers, stop, fc.boolean())
      .map(([c, m, s, after]) => (after ? `${c}${s}${m}` : `${c} ${m}${s}`));
    const reply = fc.array(sentence, { maxLength: 8 }).map((parts) => parts.join(' '));
    const supplied = new Map(englishPassages.map((p) => [p.id, p]));
    fc.assert(
      fc.property(reply, (text) => {
        const guarded = guardAnswer(text, englishPassages);
        if (guarded === null) return;
        expect(guarded.sentences.length).toBeGreaterThan(0);
        for (const sentence of guarded.sentences) {
          expect(sentence.passageIds.length).toBeGreaterThan(0);
          expect(sentence.text).not.toMatch(/[[【]\s*P\d/);
          expect(sentence.text).not.toContain('\u200b');
          const cited = sentence.passageIds.map((id) => {
            const passage = supplied.get(id);
            expect(passage).toBeDefined();
            return buildEvidence(
              `${passage?.title ?? ''}\n${sanitizePassageText(passage?.text ?? '')}`,
            );
          });
          expect(checkSupport(sentence.text, cited)).toBeNull();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
