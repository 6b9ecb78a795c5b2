import { z } from 'zod';
import { settings } from '../domain/setting.ts';
import { structuredKinds } from '../domain/document-kind.ts';

const isoDate = z.iso.date();

/**
 * One dataset release on a mirror: what to fetch (url, and the member file when it is a zip),
 * how to check it (declared size, SHA-256, and the import kind its layout must show) and what
 * the publisher says about it (release label, publication and effective dates).
 */
export const mirrorEntrySchema = z
  .object({
    /** Stable name of the dataset on the mirror ("ncci-ptp-practitioner"). */
    dataset: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    kind: z.enum(structuredKinds),
    setting: z.enum(settings).optional(),
    /** An excerpt or subset: supplements the complete release instead of superseding it. */
    partial: z.boolean().optional(),
    /** http(s)://, file:// or a path relative to the index file. */
    url: z.string().min(1),
    /** In a zip: the member's exact name, or a pattern with `*` (the only member it matches). */
    member: z.string().min(1).optional(),
    size: z.number().int().positive().optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .transform((hash) => hash.toLowerCase())
      .optional(),
    release: z.string().min(1).optional(),
    published: isoDate.optional(),
    effective: isoDate.optional(),
  })
  .strict();

export type MirrorEntry = z.infer<typeof mirrorEntrySchema>;

/** An index file: `{ "entries": [...] }`, each dataset named once. */
export const mirrorIndexSchema = z
  .object({
    description: z.string().optional(),
    entries: z.array(mirrorEntrySchema),
  })
  .superRefine((index, context) => {
    const seen = new Set<string>();
    for (const [at, entry] of index.entries.entries()) {
      if (seen.has(entry.dataset))
        context.addIssue({
          code: 'custom',
          path: ['entries', at, 'dataset'],
          message: `dataset "${entry.dataset}" is listed twice`,
        });
      seen.add(entry.dataset);
    }
  });

export type MirrorIndex = z.infer<typeof mirrorIndexSchema>;
