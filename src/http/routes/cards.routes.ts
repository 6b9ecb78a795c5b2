import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cachedCard } from '../../cards/shared-card-cache.ts';
import { cardParamsSchema, cardQuerySchema, cardSchema } from '../../contracts/cards.ts';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { recordCardView } from '../../cards/card-view-event.ts';
import { today } from '../../library/option-values.ts';

export function cardRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/cards/:system/:code',
    {
      ...access('viewer'),
      schema: {
        tags: ['cards'],
        summary: 'The code card for a date of service, setting and language',
        params: cardParamsSchema,
        querystring: cardQuerySchema,
        response: { 200: cardSchema, ...errorResponses },
      },
    },
    async (request) => {
      const card = await cachedCard(request.ctx, {
        code: request.params.code,
        system: request.params.system,
        dos: request.query.dos ?? today(),
        setting: request.query.setting ?? 'practitioner',
        lang: request.query.lang ?? 'en',
      });
      recordCardView(request.ctx, card);
      return card;
    },
  );
}
