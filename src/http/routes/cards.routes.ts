import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CardCache } from '../../cards/card-cache.ts';
import { cardParamsSchema, cardQuerySchema, cardSchema } from '../../contracts/cards.ts';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { recordCardView } from '../../cards/card-view-event.ts';
import { today } from '../../library/option-values.ts';
import { sendSharedJson } from '../shared-json-reply.ts';

/** `cards`: the app's card cache (one per app, so per process in production), shared with Ask. */
export function cardRoutes(app: FastifyInstance, cards: CardCache) {
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
    async (request, reply) => {
      const card = await cards.card(request.ctx, {
        code: request.params.code,
        system: request.params.system,
        dos: request.query.dos ?? today(),
        setting: request.query.setting ?? 'practitioner',
        lang: request.query.lang ?? 'en',
      });
      recordCardView(request.ctx, card);
      // The cache hands every request the same frozen card: its bytes are made once too.
      return sendSharedJson(request, reply, card);
    },
  );
}
