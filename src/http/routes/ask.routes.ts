import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { askQuestion, MAX_QUESTION_LENGTH } from '../../ask/ask.service.ts';
import { createThread, getThread, recordFeedback } from '../../ask/thread.repository.ts';
import { localeCodes } from '../../i18n/locales.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { settings } from '../../domain/setting.ts';
import type { GenerativeConfig } from '../../config/generative-config.ts';

const question = z.object({
  question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
  lang: z.enum(localeCodes).optional(),
  dos: z.iso.date().optional(),
  setting: z.enum(settings).optional(),
});
const threadParams = z.object({ id: z.uuid() });

/** Ask: threads of questions with cited answers, and feedback on an answer. */
export function askRoutes(
  app: FastifyInstance,
  ctx: LibraryContext,
  generative: GenerativeConfig | null,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/threads',
    {
      schema: {
        tags: ['ask'],
        summary: 'Start New: open a thread, with its first question when one is given',
        body: question.partial({ question: true }).optional(),
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      if (body.question) {
        const { question: text, ...rest } = body;
        const answered = await askQuestion(ctx, { question: text, ...rest }, { generative });
        return reply.code(201).send(answered);
      }
      return reply.code(201).send({ threadId: await createThread(ctx, body.lang ?? 'en') });
    },
  );
  r.post(
    '/api/threads/:id/messages',
    {
      schema: {
        tags: ['ask'],
        summary: 'Ask a question in a thread (follow-ups keep its codes, date and setting)',
        params: threadParams,
        body: question,
      },
    },
    async (request, reply) => {
      const { question: text, ...rest } = request.body;
      const answered = await askQuestion(
        ctx,
        { question: text, ...rest, threadId: request.params.id },
        { generative },
      );
      return reply.code(201).send(answered);
    },
  );
  r.get(
    '/api/threads/:id',
    {
      schema: {
        tags: ['ask'],
        summary: 'A thread with its questions and answers',
        params: threadParams,
      },
    },
    async (request) => getThread(ctx, request.params.id),
  );
  r.post(
    '/api/answers/:id/feedback',
    {
      schema: {
        tags: ['ask'],
        summary: 'Up or down on an answer, with an optional comment',
        params: threadParams,
        body: z.object({
          vote: z.enum(['up', 'down']),
          comment: z.string().trim().max(2_000).optional(),
        }),
      },
    },
    async (request, reply) => {
      await recordFeedback(ctx, request.params.id, request.body.vote, request.body.comment || null);
      return reply.code(201).send({ status: 'recorded' });
    },
  );
}
