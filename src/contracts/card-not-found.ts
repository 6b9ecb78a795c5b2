import { z } from 'zod';

/**
 * The `details` of a card's NOT_FOUND (`error.details`): what was searched for the code on the
 * date (each table release in force) and the nearest codes the library does describe.
 */
export const cardNotFoundSchema = z.object({
  kind: z.literal('card-not-found'),
  code: z.string(),
  system: z.string(),
  dos: z.string(),
  searched: z.array(
    z.object({
      kind: z.string(),
      title: z.string(),
      release: z.string().nullable(),
      effectiveFrom: z.string().nullable(),
      effectiveTo: z.string().nullable(),
      partial: z.boolean(),
    }),
  ),
  nearest: z.array(z.object({ system: z.string(), code: z.string(), description: z.string() })),
});
export type CardNotFound = z.infer<typeof cardNotFoundSchema>;
