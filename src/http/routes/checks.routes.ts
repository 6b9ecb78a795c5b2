import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { claimsFromJsonValue } from '../../claims/json-claims.ts';
import { checkBodySchema, checkQuerySchema, checkResponseSchema } from '../../contracts/checks.ts';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { callerRateLimit } from '../rate-limits.ts';
import { checkAllClaims } from '../../check/check-claims.ts';

export function checkRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/checks',
    {
      ...access('coder', callerRateLimit()),
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
      const results = await checkAllClaims(request.ctx, claims, request.query.lang ?? 'en');
      await auditRequest(request.ctx.db, request, 'check.run', 'ok', {
        type: 'claims',
        id: String(results.length),
      });
      return { claims: results };
    },
  );
}
