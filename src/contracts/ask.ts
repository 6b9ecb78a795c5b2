import { answerKinds } from '../domain/answer-kind.ts';
import { feeResultSchema } from './fees.ts';
import { z } from 'zod';
import { settings } from '../domain/setting.ts';
import { cardSchema } from './cards.ts';
import { caseAnswerSchema } from './ehr.ts';
import { citationSchema, isoDateSchema, localeSchema } from './common.ts';

/** The longest question Ask takes (the service refuses longer ones too). */
export const MAX_QUESTION_LENGTH = 2_000;

/** A question: its language, date of service and setting are optional (detected or defaulted). */
export const questionSchema = z.object({
  question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
  lang: localeSchema.optional(),
  dos: isoDateSchema.optional(),
  setting: z.enum(settings).optional(),
});
/** `POST /api/threads`: a new thread, with its first question when one is given. */
export const newThreadSchema = questionSchema.partial({ question: true }).optional();
export const threadParamsSchema = z.object({ id: z.uuid() });
export const feedbackSchema = z.object({
  vote: z.enum(['up', 'down']),
  comment: z.string().trim().max(2_000).optional(),
});
export type Question = z.infer<typeof questionSchema>;
export type NewThread = z.infer<typeof newThreadSchema>;
export type FeedbackRequest = z.infer<typeof feedbackSchema>;

export const answerVerdicts = [
  // pairs
  'allowed',
  'modifier-required',
  'not-allowed',
  'no-edit-found',
  'cannot-tell',
  // coverage
  'covered',
  'not-covered',
  'no-policy-found',
  // validity
  'valid',
  'not-billable',
  'ended',
  'not-yet',
  'not-in-library',
] as const;
/** Each pair's verdict as the PTP engine gives it (the domain's PtpVerdict kinds). */
export const ptpVerdictKinds = [
  'not-allowed',
  'modifier-required',
  'bypassed',
  'not-applicable',
  'deleted',
  'no-edit',
  'cannot-tell',
] as const;

/** Rows of one library table that answer a question. */
export const answerTableSchema = z.object({
  table: z.enum(['gpci', 'mcd-index', 'mpfs-rvu']),
  /** Column labels in the answer's language (RVU columns as the file names them). */
  columns: z.array(z.string()),
  rows: z.array(z.object({ cells: z.array(z.string()), citation: citationSchema })),
  /** Rows that matched; more than `rows` when the list was cut. */
  total: z.number(),
});
export type AnswerTable = z.infer<typeof answerTableSchema>;

/** A code found by its descriptor. */
export const codeHitSchema = z.object({
  system: z.string(),
  code: z.string(),
  description: z.string(),
  /** ICD-10-CM: valid for claims; null when the table does not say. */
  billable: z.boolean().nullable(),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  dose: z.enum(['same', 'different', 'none']).nullable(),
  citation: citationSchema,
});
export type CodeHit = z.infer<typeof codeHitSchema>;

export const answerSchema = z.object({
  /** Stored answers have an id (feedback refers to it). */
  id: z.string().optional(),
  kind: z.enum(answerKinds),
  verdict: z.enum(answerVerdicts).optional(),
  text: z.string(),
  codes: z.array(z.string()),
  citations: z.array(citationSchema),
  /** 0..1: how well the library supports the answer. */
  confidence: z.number(),
  pairs: z
    .array(z.object({ codes: z.tuple([z.string(), z.string()]), verdict: z.enum(ptpVerdictKinds) }))
    .optional(),
  cards: z.array(cardSchema).optional(),
  /** Set when a model wrote the answer from the cited passages. */
  generatedBy: z.string().optional(),
  table: answerTableSchema.optional(),
  codeHits: z.array(codeHitSchema).optional(),
  lacks: z.enum(['gpci', 'mcd-index', 'mpfs-rvu', 'code-table']).optional(),
  /** For `fee` answers (and fee refusals): the fee, its arithmetic and both rows cited. */
  fee: feeResultSchema.optional(),
  nearest: z
    .object({
      codes: z.array(z.string()),
      documents: z.array(z.object({ documentId: z.number(), title: z.string() })),
    })
    .optional(),
  /** With an open EHR case (X-Codecard-Case): the asked codes for this patient (not stored). */
  forCase: caseAnswerSchema.optional(),
});
export type Answer = z.infer<typeof answerSchema>;

/** A question's reply: the thread it belongs to and the answer. */
export const askResponseSchema = z.object({ threadId: z.uuid(), answer: answerSchema });
export type AskResponse = z.infer<typeof askResponseSchema>;

/** An empty thread just opened. */
export const threadCreatedSchema = z.object({ threadId: z.uuid() });
/** `POST /api/threads` answers the first question, or opens an empty thread. */
export const newThreadResponseSchema = z.union([askResponseSchema, threadCreatedSchema]);
export type NewThreadResponse = z.infer<typeof newThreadResponseSchema>;

/** What a thread remembers for follow-ups. */
export const threadContextSchema = z.object({
  codes: z.array(z.string()),
  dos: z.string().nullable(),
  setting: z.string().nullable(),
  diagnoses: z.array(z.string()),
  lastIntent: z.string().nullable(),
  subject: z
    .object({ code: z.string(), system: z.enum(['modifier', 'icd10cm']).nullable() })
    .nullable()
    .optional(),
});

/** `GET /api/threads/:id`: a thread with its questions and answers. */
export const storedThreadSchema = z.object({
  id: z.uuid(),
  lang: z.string(),
  context: threadContextSchema,
  createdAt: z.string(),
  messages: z.array(
    z.object({
      id: z.string(),
      turn: z.number(),
      question: z.string(),
      answer: answerSchema,
      createdAt: z.string(),
    }),
  ),
});
export type StoredThread = z.infer<typeof storedThreadSchema>;

export const feedbackRecordedSchema = z.object({ status: z.literal('recorded') });
