import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lookupCode } from '../../codes/code-lookup.ts';
import { searchCodes } from '../../codes/code-search.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { today } from '../../library/option-values.ts';
import { codeSystems } from '../../domain/code-system.ts';

const system = z.enum(codeSystems).optional();
const dos = z.iso.date().optional();

export function codeRoutes(app: FastifyInstance, ctx: LibraryContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/codes',
    {
      schema: {
        tags: ['codes'],
        summary: 'Find codes by words, synonyms or a code prefix',
        querystring: z.object({
          q: z.string().min(1).max(200),
          system,
          dos,
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
      },
    },
    async (request) => {
      const { q, system: s, dos: d, limit } = request.query;
      return {
        results: await searchCodes(ctx, q, {
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
      schema: {
        tags: ['codes'],
        summary: "A code's descriptors on a date of service, with sources",
        params: z.object({ code: z.string().min(1).max(16) }),
        querystring: z.object({ system, dos }),
      },
    },
    async (request) => {
      const { system: s, dos: d } = request.query;
      return lookupCode(ctx, request.params.code, {
        ...(s ? { system: s } : {}),
        dos: d ?? today(),
      });
    },
  );
}
