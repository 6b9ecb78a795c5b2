import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/errors.ts';
import { feeQuerySchema, feeResultSchema } from '../../contracts/fees.ts';
import { medicareFee } from '../../fees/medicare-fee.service.ts';
import { today } from '../../library/option-values.ts';
import { readingContext } from '../../rules/library-version-reader.ts';
import { access } from '../access/request-access.ts';

/** `GET /api/fees`: the Medicare physician fee of a code in a locality, both settings, cited. */
export function feeRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/fees',
    {
      ...access('viewer'),
      schema: {
        tags: ['fees'],
        summary: 'The Medicare physician fee of a code in a locality on a date of service',
        querystring: feeQuerySchema,
        response: { 200: feeResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { code, locality, date, modifier, lang } = request.query;
      return medicareFee(await readingContext(request.ctx), {
        code,
        locality,
        modifier: modifier ?? null,
        date: date ?? today(),
        lang: lang ?? 'en',
      });
    },
  );
}
