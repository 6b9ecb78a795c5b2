/**
 * What a guidance sentence says about codes. Sides are normalized codes when the sentence
 * names codes, else the text phrase ("imaging guidance"). `span` is the part of the sentence
 * the relation was read from, as [start, end) offsets into the sentence.
 */
export type Relation =
  | NotWithRelation
  | IncludesRelation
  | MutuallyExclusiveRelation
  | FrequencyRelation
  | AliasRelation
  | AddOnRelation;

/** "Do not report 77003 with 62321": subject is never reported with any of the objects. */
export interface NotWithRelation {
  kind: 'not-with';
  subject: string[];
  objects: string[];
  /** Always false: a negated prohibition ("may be reported with") yields no relation. */
  negated: false;
  span: [number, number];
}

/** "Imaging guidance is included in 62321": the subject includes each object. */
export interface IncludesRelation {
  kind: 'includes';
  subject: string[];
  objects: string[];
  span: [number, number];
}

/** "62263 and 62264 are mutually exclusive". */
export interface MutuallyExclusiveRelation {
  kind: 'mutually-exclusive';
  subject: string[];
  objects: string[];
  span: [number, number];
}

export type FrequencyPeriod = 'day' | 'session' | 'encounter' | 'level' | 'side';

/**
 * "Report 62264 once per day": at most `max` per period. The subject is empty when the
 * sentence names no code ("Report once per session."): the card it sits on says which.
 */
export interface FrequencyRelation {
  kind: 'frequency';
  subject: string[];
  period: FrequencyPeriod | (string & {});
  max: number;
  span: [number, number];
}

/** "62264 is often referred to as the Racz procedure"; subject empty as for frequency. */
export interface AliasRelation {
  kind: 'alias';
  subject: string[];
  names: string[];
  span: [number, number];
}

/** "Report 64484 in addition to 64483": the subject is reported with the primary objects. */
export interface AddOnRelation {
  kind: 'add-on';
  subject: string[];
  objects: string[];
  span: [number, number];
}
