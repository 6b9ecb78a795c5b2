import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseJsonClaims } from '../../claims/json-claims.ts';
import { checkBodySchema, checkQuerySchema, checkResponseSchema } from '../../contracts/checks.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { callerRateLimit } from '../rate-limits.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { checkAllClaims } from '../../check/check-claims.ts';

export function checkRoutes(app: FastifyInstance, ctx: LibraryContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/checks',
    {
      config: callerRateLimit(),
      schema: {
        tags: ['checks'],
        summary: 'Check claims (the JSON claim format) against the NCCI PTP and MUE edits',
        querystring: checkQuerySchema,
        body: checkBodySchema,
        response: { 200: checkResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      // The claim parser validates the body and names the claim and line of any problem.
      const claims = parseJsonClaims(JSON.stringify(request.body), 'request body');
      return { claims: await checkAllClaims(ctx, claims, request.query.lang ?? 'en') };
    },
  );
}
