import { z } from 'zod';

/** The one JSON error shape every route answers a failure with (status from the error catalog). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** More about some errors, in a shape of their own (a card's NOT_FOUND: card-not-found.ts). */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** The failure replies every route may give, for the OpenAPI document and response checks. */
export const errorResponses = { '4xx': apiErrorSchema, '5xx': apiErrorSchema } as const;
