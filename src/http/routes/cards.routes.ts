import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CardCache } from '../../cards/card-cache.ts';
import { cardParamsSchema, cardQuerySchema, cardSchema } from '../../contracts/cards.ts';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { recordCardView } from '../../cards/card-view-event.ts';
import { today } from '../../library/option-values.ts';
import { sendSharedJson } from '../shared-json-reply.ts';
import { medicareFee } from '../../fees/medicare-fee.service.ts';
import { readingContext } from '../../rules/library-version-reader.ts';

/** The code systems the physician fee schedule prices (CPT and HCPCS Level II codes). */
const feeSystems = new Set(['cpt', 'hcpcs']);

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
      const { locality } = request.query;
      // A locality adds the code's Medicare fee beside the cached card (the card is unchanged).
      if (locality && feeSystems.has(card.system)) {
        const fees = await medicareFee(await readingContext(request.ctx), {
          code: card.code,
          locality,
          date: card.dos,
          lang: card.lang,
        });
        return { ...card, fees };
      }
      // The cache hands every request the same frozen card: its bytes are made once too.
      return sendSharedJson(request, reply, card);
    },
  );
}
