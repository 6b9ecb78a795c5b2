import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { composeCard } from '../../cards/compose-card.ts';
import { recordCardView } from '../../cards/card-view-event.ts';
import { localeCodes } from '../../i18n/locales.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { today } from '../../library/option-values.ts';
import { settings } from '../../domain/setting.ts';
import { codeSystems } from '../../domain/code-system.ts';

export function cardRoutes(app: FastifyInstance, ctx: LibraryContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/cards/:system/:code',
    {
      schema: {
        tags: ['cards'],
        summary: 'The code card for a date of service, setting and language',
        params: z.object({
          system: z.enum(codeSystems),
          code: z.string().min(1).max(16),
        }),
        querystring: z.object({
          dos: z.iso.date().optional(),
          setting: z.enum(settings).optional(),
          lang: z.enum(localeCodes).optional(),
        }),
      },
    },
    async (request) => {
      const card = await composeCard(ctx, {
        code: request.params.code,
        system: request.params.system,
        dos: request.query.dos ?? today(),
        setting: request.query.setting ?? 'practitioner',
        lang: request.query.lang ?? 'en',
      });
      recordCardView(ctx, card);
      return card;
    },
  );
}
