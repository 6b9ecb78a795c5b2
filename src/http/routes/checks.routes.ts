import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { claimsFromJsonValue } from '../../claims/json-claims.ts';
import { checkBodySchema, checkQuerySchema, checkResponseSchema } from '../../contracts/checks.ts';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { callerRateLimit } from '../rate-limits.ts';
import { checkAllClaims } from '../../check/check-claims.ts';
import { readingContext } from '../../rules/library-version-reader.ts';

export function checkRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/checks',
    {
      ...access('coder', { ...callerRateLimit(), expensive: true }),
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
      const claims = claimsFromJsonValue(request.body, 'request body');
      // Reference data from the read replica when it is current (library-version-reader.ts).
      const reading = await readingContext(request.ctx);
      const results = await checkAllClaims(reading, claims, request.query.lang ?? 'en');
      await auditRequest(request.ctx.db, request, 'check.run', 'ok', {
        type: 'claims',
        id: String(results.length),
      });
      return { claims: results };
    },
  );
}
