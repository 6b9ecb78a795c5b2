import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseJsonClaims } from '../../claims/json-claims.ts';
import { localeCodes } from '../../i18n/locales.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { checkAllClaims } from '../../check/check-claims.ts';

export function checkRoutes(app: FastifyInstance, ctx: LibraryContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/checks',
    {
      schema: {
        tags: ['checks'],
        summary: 'Check claims (the JSON claim format) against the NCCI PTP and MUE edits',
        querystring: z.object({ lang: z.enum(localeCodes).optional() }),
        body: z.unknown(),
      },
    },
    async (request) => {
      // The claim parser validates the body and names the claim and line of any problem.
      const claims = parseJsonClaims(JSON.stringify(request.body), 'request body');
      return { claims: await checkAllClaims(ctx, claims, request.query.lang ?? 'en') };
    },
  );
}
