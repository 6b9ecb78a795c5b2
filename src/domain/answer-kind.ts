/**
 * What an answer to a question is built from: a card, a pair verdict, units, … or a refusal
 * (`not-found`). Fact answers are read from table rows and from code search; `fee` is a
 * Medicare physician fee computed from the RVU and GPCI rows.
 */
export const answerKinds = [
  'card',
  'pair',
  'units',
  'documentation',
  'coverage',
  'modifier',
  'validity',
  'passages',
  'not-found',
  'table-rows',
  'code-search',
  'fee',
] as const;

export type AnswerKind = (typeof answerKinds)[number];

export type FactAnswerKind = Extract<AnswerKind, 'table-rows' | 'code-search'>;
