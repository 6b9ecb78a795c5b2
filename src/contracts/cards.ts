import { z } from 'zod';
import { codeSystems } from '../domain/code-system.ts';
import { settings } from '../domain/setting.ts';
import { cardSectionIds } from '../domain/card-section.ts';
import { citationSchema, isoDateSchema, localeSchema } from './common.ts';
import { feeResultSchema } from './fees.ts';

export const cardSectionIdSchema = z.enum(cardSectionIds);
export type CardSectionId = z.infer<typeof cardSectionIdSchema>;

export const cardParamsSchema = z.object({
  system: z.enum(codeSystems),
  code: z.string().min(1).max(16),
});
export const cardQuerySchema = z.object({
  dos: isoDateSchema.optional(),
  setting: z.enum(settings).optional(),
  lang: localeSchema.optional(),
  /** A Medicare locality in the user's words: the card then carries the code's fee there. */
  locality: z.string().min(1).max(200).optional(),
});
export type CardParams = z.infer<typeof cardParamsSchema>;
export type CardQuery = z.infer<typeof cardQuerySchema>;

/**
 * A card's citation, with its words for a reader built by the server: `source` names the
 * dataset (kind, setting, release) or the document's title, `place` the row or page, `label`
 * both ("NCCI PTP, practitioner, v32.2, row 10"). Never a file path.
 */
export const cardCitationSchema = citationSchema.extend({
  label: z.string().optional(),
  source: z.string().optional(),
  place: z.string().optional(),
});
export type CardCitation = z.infer<typeof cardCitationSchema>;

export const cardItemSchema = z.object({
  text: z.string(),
  /** Language of `text`: the locale for statements built from facts, the document's for prose. */
  lang: z.string(),
  /** A quote in another language than the card's (`lang` names it), shown for want of one. */
  quoted: z.boolean().optional(),
  relation: z.enum(['includes', 'included-in', 'mutually-exclusive']).optional(),
  codes: z.array(z.string()).optional(),
  modifierIndicator: z.number().optional(),
  effectiveFrom: z.string().nullable().optional(),
  effectiveTo: z.string().nullable().optional(),
  citations: z.array(cardCitationSchema),
});
export type CardItem = z.infer<typeof cardItemSchema>;

export const cardSectionSchema = z.object({
  id: cardSectionIdSchema,
  title: z.string(),
  items: z.array(cardItemSchema),
});
export type CardSection = z.infer<typeof cardSectionSchema>;

export const cardGapSchema = z.object({ section: cardSectionIdSchema, message: z.string() });
export const cardConflictSchema = z.object({
  section: cardSectionIdSchema,
  message: z.string(),
  citations: z.array(cardCitationSchema),
});
export type CardGap = z.infer<typeof cardGapSchema>;
export type CardConflict = z.infer<typeof cardConflictSchema>;

/** One line of the card's "At a glance" summary, cited; `section` is where the details are. */
export const glanceLineSchema = z.object({
  kind: z.enum(['what', 'validity', 'warning', 'modifiers', 'releases']),
  text: z.string(),
  lang: z.string(),
  section: cardSectionIdSchema.optional(),
  citations: z.array(cardCitationSchema),
});
export type GlanceLine = z.infer<typeof glanceLineSchema>;

const period = { from: z.string().nullable(), to: z.string().nullable() };

/** A PTP edit as a table row, seen from the card's code: the other code and this code's column. */
export const ptpTableRowSchema = z.object({
  otherCode: z.string(),
  descriptor: z.string(),
  column: z.union([z.literal(1), z.literal(2)]),
  modifierIndicator: z.number(),
  rationale: z.string().nullable(),
  ...period,
  /** Indicator 1: the NCCI-associated modifiers that may bypass the edit. */
  bypassModifiers: z.array(z.string()),
  citation: cardCitationSchema,
});
export const mueTableRowSchema = z.object({
  value: z.number(),
  adjudication: z.number().nullable(),
  rationale: z.string().nullable(),
  setting: z.string(),
  ...period,
  citation: cardCitationSchema,
});
export const addOnTableRowSchema = z.object({
  primaryCode: z.string(),
  addOnCode: z.string(),
  /** The short descriptor of the pair's other code (not the card's own). */
  descriptor: z.string(),
  citation: cardCitationSchema,
});
export type PtpTableRow = z.infer<typeof ptpTableRowSchema>;
export type MueTableRow = z.infer<typeof mueTableRowSchema>;
export type AddOnTableRow = z.infer<typeof addOnTableRowSchema>;

/** Table facts shown as tables in their section (they are not bullets too). */
export const cardTableSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ptp'),
    section: cardSectionIdSchema,
    rows: z.array(ptpTableRowSchema),
  }),
  z.object({
    kind: z.literal('mue'),
    section: cardSectionIdSchema,
    rows: z.array(mueTableRowSchema),
  }),
  z.object({
    kind: z.literal('add-on'),
    section: cardSectionIdSchema,
    rows: z.array(addOnTableRowSchema),
  }),
]);
export type CardTable = z.infer<typeof cardTableSchema>;

/** "Changed in <release>": one dataset's changes for the card's code, each cited to its rows. */
export const cardChangesSchema = z.object({
  dataset: z.string(),
  release: z.string(),
  previous: z.string(),
  heading: z.string(),
  note: z.string(),
  items: z.array(
    z.object({
      kind: z.string(),
      text: z.string(),
      lang: z.string(),
      citations: z.array(cardCitationSchema),
    }),
  ),
});
export type CardChanges = z.infer<typeof cardChangesSchema>;

/** `GET /api/cards/:system/:code`: the code card for a date of service, setting and language. */
export const cardSchema = z.object({
  system: z.string(),
  code: z.string(),
  title: z.string(),
  dos: z.string(),
  setting: z.string(),
  lang: localeSchema,
  dir: z.enum(['ltr', 'rtl']),
  libraryVersion: z.string(),
  footer: z.string(),
  /** The summary shown first (absent from cards stored in answers before it existed). */
  glance: z.array(glanceLineSchema).optional(),
  tables: z.array(cardTableSchema).optional(),
  sections: z.array(cardSectionSchema),
  gaps: z.array(cardGapSchema),
  conflicts: z.array(cardConflictSchema),
  /** Datasets the card read whose release is older than the date of service calls for. */
  stale: z
    .array(
      z.object({
        kind: z.string(),
        title: z.string(),
        release: z.string().nullable(),
        effectiveFrom: z.string().nullable(),
        releasePeriod: z.string(),
        datePeriod: z.string(),
      }),
    )
    .optional(),
  /** With `?locality=`: the Medicare fee of the code there (both settings, rows cited). */
  fees: feeResultSchema.optional(),
  /** What the releases in force on the date changed for the code (absent: nothing changed). */
  changes: z.array(cardChangesSchema).optional(),
});
export type Card = z.infer<typeof cardSchema>;
