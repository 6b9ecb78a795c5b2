import { z } from 'zod';

/**
 * CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/): the discovery reply, the hook request Codecard
 * reads and the cards it answers with (src/ehr/cds-*.ts, src/http/routes/cds-hooks.routes.ts).
 */

export const cdsServiceSchema = z.object({
  hook: z.string(),
  id: z.string(),
  title: z.string().optional(),
  description: z.string(),
  prefetch: z.record(z.string(), z.string()).optional(),
  usageRequirements: z.string().optional(),
});
export const cdsDiscoverySchema = z.object({ services: z.array(cdsServiceSchema) });
export type CdsDiscovery = z.infer<typeof cdsDiscoverySchema>;

const fhirResourceSchema = z.looseObject({
  resourceType: z.string({ error: 'a FHIR resource needs a resourceType' }),
});

/** A hook call. Only what Codecard reads is checked; other members pass through unread. */
export const cdsHookRequestSchema = z.looseObject({
  hook: z.string({ error: 'the hook name is missing' }).min(1),
  hookInstance: z.string({ error: 'the hookInstance is missing' }).min(1).max(200),
  fhirServer: z.url().optional(),
  context: z.looseObject({
    userId: z.string().optional(),
    patientId: z.string({ error: 'context.patientId is missing' }).min(1).max(200),
    encounterId: z.string().min(1).max(200).optional(),
    selections: z.array(z.string()).optional(),
    draftOrders: z.looseObject(
      {
        resourceType: z.literal('Bundle', { error: 'context.draftOrders must be a FHIR Bundle' }),
        entry: z
          .array(z.looseObject({ resource: fhirResourceSchema.optional() }))
          .max(500)
          .optional(),
      },
      { error: 'context.draftOrders (a Bundle of the orders) is missing' },
    ),
  }),
  prefetch: z.record(z.string(), fhirResourceSchema.nullable()).optional(),
});
export type CdsHookRequest = z.infer<typeof cdsHookRequestSchema>;

export const cdsLinkSchema = z.object({
  label: z.string(),
  url: z.string(),
  type: z.enum(['absolute', 'smart']),
  appContext: z.string().optional(),
});

export const cdsCardSchema = z.object({
  uuid: z.string(),
  summary: z.string().max(140),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.object({ label: z.string(), url: z.string().optional() }),
  links: z.array(cdsLinkSchema).optional(),
});
export type CdsCard = z.infer<typeof cdsCardSchema>;

export const cdsResponseSchema = z.object({ cards: z.array(cdsCardSchema) });
export type CdsResponse = z.infer<typeof cdsResponseSchema>;
