import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cdsDiscoverySchema,
  cdsHookRequestSchema,
  cdsResponseSchema,
} from '../../contracts/cds-hooks.ts';
import { localeSchema } from '../../contracts/common.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { checkCase } from '../../ehr/case-check.ts';
import { cdsCards } from '../../ehr/cds-cards.ts';
import { cdsHookResources } from '../../ehr/cds-hook-resources.ts';
import { cdsDiscovery, cdsServiceHooks, type CdsServiceId } from '../../ehr/cds-services.ts';
import { appendAudit } from '../../access/audit.repository.ts';
import type { Db } from '../../db/database.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { readingContext } from '../../rules/library-version-reader.ts';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';
import { cdsClientAuth, codecardOrigin } from '../cds-client-auth.ts';
import { callerRateLimit } from '../rate-limits.ts';

const hookQuerySchema = z.object({ lang: localeSchema.optional() });

/**
 * CDS Hooks 2.0: discovery, and the order-sign and order-select services, which check the draft
 * orders with the encounter's prefetched diagnoses (src/ehr/case-check.ts) and answer with a
 * card per problem. The FHIR data in a call is used for that reply only: never stored, and never
 * logged (request logs carry the method and path only, log-options.ts). Callers authenticate
 * with the EHR's JWT (CDS Hooks 2.0: its registered CDS client, src/http/cds-client-auth.ts) or
 * an API key of their organization (coder or above).
 */
export function cdsHooksRoutes(
  app: FastifyInstance,
  options: { db: Db; base: LibraryContext; publicUrl: URL | null },
) {
  const { publicUrl } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.decorateRequest('cdsClientOrg', null);
  const verifyClient = cdsClientAuth(options.db, options.base, publicUrl);
  r.get(
    '/cds-services',
    {
      // EHRs send their own JWT on every call, discovery too: it is read by no one here.
      ...access('public', { anonymous: true }),
      schema: {
        tags: ['ehr'],
        summary: 'CDS Hooks discovery: the order-sign and order-select services',
        response: { 200: cdsDiscoverySchema, ...errorResponses },
      },
    },
    () => cdsDiscovery(),
  );
  for (const id of Object.keys(cdsServiceHooks) as CdsServiceId[]) {
    r.post(
      `/cds-services/${id}`,
      {
        ...access('coder', { ...callerRateLimit(), expensive: true, cdsClient: true }),
        onRequest: verifyClient,
        schema: {
          tags: ['ehr'],
          summary: `CDS Hooks ${cdsServiceHooks[id]}: cards for the draft orders`,
          querystring: hookQuerySchema,
          body: cdsHookRequestSchema,
          response: { 200: cdsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const body = request.body;
        if (body.hook !== cdsServiceHooks[id])
          throw new CodecardError('BAD_INPUT', {
            detail: `the service ${id} answers the ${cdsServiceHooks[id]} hook, not "${body.hook}"`,
          });
        const lang = request.query.lang ?? 'en';
        const reading = await readingContext(request.ctx);
        const today = new Date().toISOString().slice(0, 10);
        const checked = await checkCase(reading, cdsHookResources(body), { lang, today });
        const target = { type: 'cds-hook', id };
        if (request.cdsClientOrg === null) {
          await auditRequest(request.ctx.db, request, 'check.run', 'ok', target);
        } else {
          await appendAudit(request.ctx.db, {
            orgId: request.cdsClientOrg,
            actorUserId: null,
            actorApiKeyId: null,
            action: 'check.run',
            outcome: 'ok',
            targetType: target.type,
            targetId: target.id,
            ip: request.ip,
          });
        }
        const origin = codecardOrigin(request, publicUrl);
        // order-select: cards about the orders just chosen (all orders when none are named).
        const selections = body.hook === 'order-select' ? body.context.selections : undefined;
        return { cards: cdsCards(checked, lang, origin, selections) };
      },
    );
  }
}
