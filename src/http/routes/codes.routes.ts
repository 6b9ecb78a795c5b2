import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { lookupCode } from '../../codes/code-lookup.ts';
import { searchCodes } from '../../codes/code-search.ts';
import { readingContext } from '../../rules/library-version-reader.ts';
import {
  codeDescriptionSchema,
  codeParamsSchema,
  codeQuerySchema,
  codeSearchQuerySchema,
  codeSearchSchema,
} from '../../contracts/codes.ts';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { callerRateLimit } from '../rate-limits.ts';
import { today } from '../../library/option-values.ts';

export function codeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/codes',
    {
      ...access('viewer', callerRateLimit()),
      schema: {
        tags: ['codes'],
        summary: 'Find codes by words, synonyms or a code prefix',
        querystring: codeSearchQuerySchema,
        response: { 200: codeSearchSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { q, system: s, dos: d, limit } = request.query;
      return {
        results: await searchCodes(await readingContext(request.ctx), q, {
          ...(s ? { system: s } : {}),
          ...(limit ? { limit } : {}),
          dos: d ?? today(),
        }),
      };
    },
  );

  r.get(
    '/api/codes/:code',
    {
      ...access('viewer'),
      schema: {
        tags: ['codes'],
        summary: "A code's descriptors on a date of service, with sources",
        params: codeParamsSchema,
        querystring: codeQuerySchema,
        response: { 200: codeDescriptionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { system: s, dos: d } = request.query;
      return lookupCode(await readingContext(request.ctx), request.params.code, {
        ...(s ? { system: s } : {}),
        dos: d ?? today(),
      });
    },
  );
}
