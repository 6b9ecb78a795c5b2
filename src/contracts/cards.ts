import { z } from 'zod';
import { codeSystems } from '../domain/code-system.ts';
import { settings } from '../domain/setting.ts';
import { cardSectionIds } from '../domain/card-section.ts';
import { citationSchema, isoDateSchema, localeSchema } from './common.ts';

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
});
export type CardParams = z.infer<typeof cardParamsSchema>;
export type CardQuery = z.infer<typeof cardQuerySchema>;

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
  citations: z.array(citationSchema),
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
  citations: z.array(citationSchema),
});
export type CardGap = z.infer<typeof cardGapSchema>;
export type CardConflict = z.infer<typeof cardConflictSchema>;

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
});
export type Card = z.infer<typeof cardSchema>;
