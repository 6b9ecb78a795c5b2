import type { AnswerKind } from '../domain/answer-kind.ts';
import type { Card } from '../cards/card-types.ts';
import type { PtpVerdictKind } from '../domain/ptp-verdict.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { Setting } from '../domain/setting.ts';
import type { Citation } from '../domain/citation.ts';
import type { CaseAnswer } from '../contracts/ehr.ts';
import type { FeeResult } from '../contracts/fees.ts';

export type PairVerdict =
  'allowed' | 'modifier-required' | 'not-allowed' | 'no-edit-found' | 'cannot-tell';
export type CoverageVerdict = 'covered' | 'not-covered' | 'no-policy-found';
export type ValidityVerdict =
  'valid' | 'not-billable' | 'ended' | 'not-yet' | 'not-in-library' | 'cannot-tell';

/** A citation an answer rests on; prose sources carry the quoted words. */
export type AnswerCitation = Citation;

export interface Answer {
  /** Stored answers have an id (feedback refers to it). */
  id?: string;
  kind: AnswerKind;
  verdict?: PairVerdict | CoverageVerdict | ValidityVerdict;
  /** The answer in the asked language: fixed wording from the catalogs, library text quoted. */
  text: string;
  /** Codes the answer is about (normalized: "62264", "M54.16"). */
  codes: string[];
  citations: AnswerCitation[];
  /** 0..1: how well the library supports the answer. */
  confidence: number;
  /** For `pair` answers: each pair's verdict as the PTP engine gave it (ptp-verdict.ts kinds). */
  pairs?: { codes: [string, string]; verdict: PtpVerdictKind }[];
  /** For `card` answers: the cards themselves. */
  cards?: Card[];
  /** Set when a model wrote the answer from the cited passages (every sentence checked). */
  generatedBy?: string;
  /** For `table-rows` answers: the matching rows, their columns and each row's citation. */
  table?: AnswerTable;
  /** For `code-search` answers: the best codes, best first, each with its descriptor row. */
  codeHits?: CodeHit[];
  /** For `fee` answers (and fee refusals): the fee, its arithmetic and both rows cited. */
  fee?: FeeResult;
  /** For refusals of a table question: the table the library lacks (or has none in force of). */
  lacks?: 'gpci' | 'mcd-index' | 'mpfs-rvu' | 'code-table';
  /** For refusals: the nearest codes and documents the library does have. */
  nearest?: { codes: string[]; documents: { documentId: number; title: string }[] };
  /** With an open EHR case: the asked codes for this patient (never stored with the thread). */
  forCase?: CaseAnswer;
}

export interface AskRequest {
  question: string;
  /** The language of the answer's fixed wording; detected from the question when absent. */
  lang?: LocaleCode;
  /** Date of service, ISO; a date in the question wins; default today. */
  dos?: string;
  setting?: Setting;
  /** Continue a thread: codes, date and setting of earlier questions stay in context. */
  threadId?: string;
  /** An open EHR case (issue 18): the question is answered for it. */
  case?: AskCase;
}

/**
 * An open EHR case an answer is for: its date and setting replace the defaults (a date or
 * setting the question names wins), and `answer` gives the asked codes for this patient.
 */
export interface AskCase {
  dateOfService: string;
  setting: Setting;
  answer(codes: string[], lang: LocaleCode): Promise<CaseAnswer>;
}

export interface AskResponse {
  threadId: string;
  answer: Answer;
}

/** Rows of one library table that answer a question. */
export interface AnswerTable {
  table: 'gpci' | 'mcd-index' | 'mpfs-rvu';
  /** Column labels in the answer's language (RVU columns as the file names them). */
  columns: string[];
  rows: { cells: string[]; citation: AnswerCitation }[];
  /** Rows that matched; more than `rows` when the list was cut. */
  total: number;
}

/** A code found by its descriptor. */
export interface CodeHit {
  system: string;
  code: string;
  description: string;
  /** ICD-10-CM: valid for claims; null when the table does not say. */
  billable: boolean | null;
  /** The question's words the descriptor has, and those it lacks. */
  matched: string[];
  missing: string[];
  /** Whether the descriptor states the dose the question names. */
  dose: 'same' | 'different' | 'none' | null;
  citation: AnswerCitation;
}
