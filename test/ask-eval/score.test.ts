import { describe, expect, test } from 'vitest';
import {
  consistencyProblems,
  isRefusalQuestion,
  loadQuestions,
  type EvalQuestion,
} from './questions.ts';
import { formatReport } from './report.ts';
import {
  failedScore,
  percentile,
  scoreAnswer,
  summarize,
  textContainsFact,
  type ScoredAnswer,
} from './score.ts';

const pairQuestion: EvalQuestion = {
  id: 'pair-1',
  lang: 'en',
  question: '62264 with 77003 in hospital',
  expect: { kind: 'pair', verdict: 'modifier-required', codes: ['62264', '77003'] },
};
const unitsQuestion: EvalQuestion = {
  id: 'units-1',
  lang: 'es',
  question: '¿Cuántas unidades de 64484 en el hospital?',
  expect: { kind: 'units', codes: ['64484'], facts: ['4'] },
};
const refusalQuestion: EvalQuestion = {
  id: 'oos-1',
  lang: 'fr',
  question: 'Quelle est la capitale de la France ?',
  expect: { kind: 'not-found', refuse: true },
};
const answer = (overrides: Partial<ScoredAnswer>): ScoredAnswer => ({
  kind: 'pair',
  text: '',
  codes: [],
  ...overrides,
});

describe('scoreAnswer', () => {
  test('a pair answer with the verdict and both codes is correct', () => {
    const score = scoreAnswer(
      pairQuestion,
      answer({ verdict: 'modifier-required', codes: ['77003', '62264'], text: 'Indicator 1.' }),
    );
    expect(score).toEqual({ factsCorrect: true, problems: [] });
  });

  test('a wrong verdict, a missing code and a wrong kind are each a problem', () => {
    const score = scoreAnswer(
      pairQuestion,
      answer({ kind: 'card', verdict: 'allowed', codes: ['62264'] }),
    );
    expect(score.factsCorrect).toBe(false);
    expect(score.problems).toEqual([
      'kind: expected pair, got card',
      'verdict: expected modifier-required, got allowed',
      'codes: missing 77003 (answer has 62264)',
    ]);
  });

  test('refusing an in-library question is a wrong answer, not a refusal', () => {
    const score = scoreAnswer(pairQuestion, answer({ kind: 'not-found' }));
    expect(score.factsCorrect).toBe(false);
    expect(score.refusalCorrect).toBeUndefined();
    expect(score.problems[0]).toMatch(/refused an in-library question/);
  });

  test('codes compare without dots, spaces or case', () => {
    const question: EvalQuestion = {
      id: 'card-1',
      lang: 'en',
      question: 'M54.16',
      expect: { kind: 'card', codes: ['M54.16'] },
    };
    expect(scoreAnswer(question, answer({ kind: 'card', codes: ['m5416'] })).factsCorrect).toBe(
      true,
    );
  });

  test('a units fact must be the number itself, not a digit of a code', () => {
    const right = 'No más de 4 unidades por día (MUE del hospital) para 64484.';
    const wrong = 'No más de 2 unidades por día para 64484.';
    expect(
      scoreAnswer(unitsQuestion, answer({ kind: 'units', codes: ['64484'], text: right })),
    ).toMatchObject({ factsCorrect: true });
    expect(
      scoreAnswer(unitsQuestion, answer({ kind: 'units', codes: ['64484'], text: wrong })).problems,
    ).toEqual(['facts: "4" not in the text']);
  });

  test('a refusal question is right only when refused', () => {
    expect(scoreAnswer(refusalQuestion, answer({ kind: 'not-found' }))).toEqual({
      factsCorrect: true,
      refusalCorrect: true,
      problems: [],
    });
    const answered = scoreAnswer(refusalQuestion, answer({ kind: 'passages' }));
    expect(answered).toMatchObject({ factsCorrect: false, refusalCorrect: false });
    expect(answered.problems).toEqual(['expected a refusal (not-found), got a passages answer']);
  });

  test('failedScore records a thrown question as wrong for its measure', () => {
    expect(failedScore(refusalQuestion, 'threw')).toEqual({
      factsCorrect: false,
      refusalCorrect: false,
      problems: ['threw'],
    });
    expect(failedScore(pairQuestion, 'threw').refusalCorrect).toBeUndefined();
  });
});

describe('textContainsFact', () => {
  test('numbers and codes stand alone; Arabic-Indic digits count', () => {
    expect(textContainsFact('MUE 10 per day', '1')).toBe(false);
    expect(textContainsFact('no more than 1 unit', '1')).toBe(true);
    expect(textContainsFact('لا يُسمح بأكثر من ٤ وحدات', '4')).toBe(true);
    expect(textContainsFact('代码62264是一天完成的', '62264')).toBe(true);
    expect(textContainsFact('see 622641', '62264')).toBe(false);
  });

  test('capital tokens stand alone; phrases match anywhere, ignoring case and spacing', () => {
    expect(textContainsFact('imaging, contrast, etc.', 'TC')).toBe(false);
    expect(textContainsFact('Modifier TC is the technical part', 'TC')).toBe(true);
    expect(textContainsFact('Keep at least one\nSaved  image.', 'saved image')).toBe(true);
    expect(textContainsFact('the spinal levels treated', 'level')).toBe(true);
    expect(textContainsFact('usually takes 15 to 30 minutes', '15 to 30')).toBe(true);
  });
});

describe('summarize', () => {
  const results = [
    { question: pairQuestion, score: { factsCorrect: true, problems: [] }, latencyMs: 12 },
    {
      question: unitsQuestion,
      score: { factsCorrect: false, problems: ['facts: "4" not in the text'] },
      latencyMs: 30,
    },
    {
      question: refusalQuestion,
      score: { factsCorrect: true, refusalCorrect: true, problems: [] },
      latencyMs: 3,
    },
  ];

  test('rates over in-library and out-of-library questions, by language and kind', () => {
    const summary = summarize(results);
    expect(summary).toMatchObject({
      questions: 3,
      inLibrary: { questions: 2, correct: 1 },
      outOfLibrary: { questions: 1, correct: 1 },
      factsCorrectRate: 0.5,
      refusalCorrectRate: 1,
      byLanguage: {
        en: { questions: 1, correct: 1 },
        es: { questions: 1, correct: 0 },
        fr: { questions: 1, correct: 1 },
      },
      byKind: {
        pair: { questions: 1, correct: 1 },
        units: { questions: 1, correct: 0 },
        'not-found': { questions: 1, correct: 1 },
      },
      latencyMs: { p50: 12, p95: 30 },
    });
    expect(summary.failures).toEqual([
      {
        id: 'units-1',
        lang: 'es',
        question: unitsQuestion.question,
        problems: ['facts: "4" not in the text'],
      },
    ]);
  });

  test('no question of a sort gives NaN, which fails any threshold', () => {
    const summary = summarize([]);
    expect(summary.factsCorrectRate).toBeNaN();
    expect(summary.latencyMs).toBeNull();
  });

  test('the report prints the figures and the failures', () => {
    const report = formatReport(summarize(results), { checked: 4, valid: 4, failures: [] });
    expect(report).toMatch(/facts correct\s+50\.0%\s+1\/2/);
    expect(report).toMatch(/citations valid\s+100\.0%\s+4\/4/);
    expect(report).toMatch(/refusals correct\s+100\.0%\s+1\/1/);
    expect(report).toMatch(/p50 12\.0 ms, p95 30\.0 ms/);
    expect(report).toMatch(/units-1 \[es\][^\n]*\n\s+- facts: "4" not in the text/);
  });
});

describe('percentile', () => {
  test('nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('the evaluation set (questions.json)', () => {
  const questions = loadQuestions();
  const refusals = questions.filter(isRefusalQuestion);
  const inLibrary = questions.filter((q) => !isRefusalQuestion(q));

  // Issue 5's floor; the set is written larger so that bad questions can be dropped.
  test('holds at least 150 questions, 30 of them outside the library', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    expect(refusals.length).toBeGreaterThanOrEqual(30);
  });

  test('spans at least four languages, each with in-library questions', () => {
    const languages = new Set(inLibrary.map((q) => q.lang));
    expect(languages.size).toBeGreaterThanOrEqual(4);
    for (const lang of ['en', 'es', 'zh', 'fr', 'de']) expect(languages).toContain(lang);
    expect(new Set(refusals.map((q) => q.lang)).size).toBeGreaterThanOrEqual(4);
  });

  test('covers every intent several times, follow-ups included', () => {
    const kinds = ['card', 'pair', 'units', 'documentation', 'coverage', 'modifier', 'passages'];
    for (const kind of kinds) {
      expect(inLibrary.filter((q) => q.expect.kind === kind).length, kind).toBeGreaterThanOrEqual(
        10,
      );
    }
    expect(questions.filter((q) => (q.thread?.turn ?? 1) > 1).length).toBeGreaterThanOrEqual(8);
  });

  test('every table fact (pair, units, coverage) names the row it was verified against', () => {
    const tableKinds = new Set(['pair', 'units', 'coverage']);
    const unsourced = inLibrary.filter((q) => tableKinds.has(q.expect.kind) && !q.source);
    expect(unsourced.map((q) => q.id)).toEqual([]);
  });

  test('the consistency rules catch duplicates, loose refusals and threads out of order', () => {
    const broken: EvalQuestion[] = [
      { ...pairQuestion, thread: { id: 't', turn: 2 } },
      { ...pairQuestion, expect: { kind: 'pair' } },
      { ...refusalQuestion, expect: { kind: 'not-found' } },
    ];
    expect(consistencyProblems(broken)).toEqual([
      'pair-1: thread t turn 2 follows turn 0',
      'pair-1: duplicate id',
      'pair-1: a pair needs a verdict',
      'oos-1: kind "not-found" and refuse: true go together',
    ]);
  });
});
