import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { askQuestion } from '../../ask/ask.service.ts';
import type { CardCache } from '../../cards/card-cache.ts';
import type { GenerativeConfig } from '../../config/generative-config.ts';
import { createThread, getThread, recordFeedback } from '../../ask/thread.repository.ts';
import {
  askResponseSchema,
  feedbackRecordedSchema,
  feedbackSchema,
  newThreadResponseSchema,
  newThreadSchema,
  questionSchema,
  storedThreadSchema,
  threadParamsSchema,
} from '../../contracts/ask.ts';
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { callerRateLimit } from '../rate-limits.ts';
import type { AccessContext } from '../../access/access-context.ts';
import type { EhrSeal } from '../../ehr/ehr-seal.ts';
import { askCaseOf } from './ask-case.ts';

/**
 * Ask: threads of questions with cited answers, and feedback on an answer. With an open EHR case
 * (`X-Codecard-Case`, checked as GET /api/ehr/case checks it) a question is answered for it.
 */
export function askRoutes(
  app: FastifyInstance,
  generative: GenerativeConfig | null,
  cards: CardCache,
  ehr: { access: AccessContext; seal: EhrSeal },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/threads',
    {
      ...access('viewer', { ...callerRateLimit(), expensive: true }),
      schema: {
        tags: ['ask'],
        summary: 'Start New: open a thread, with its first question when one is given',
        body: newThreadSchema,
        response: { 201: newThreadResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      if (body.question) {
        const { question: text, ...rest } = body;
        const open = await askCaseOf(ehr.access, ehr.seal, request);
        const answered = await askQuestion(
          request.ctx,
          { question: text, ...rest, ...(open ? { case: open } : {}) },
          { generative, cards },
        );
        return reply.code(201).send(answered);
      }
      return reply.code(201).send({ threadId: await createThread(request.ctx, body.lang ?? 'en') });
    },
  );
  r.post(
    '/api/threads/:id/messages',
    {
      ...access('viewer', { ...callerRateLimit(), expensive: true }),
      schema: {
        tags: ['ask'],
        summary: 'Ask a question in a thread (follow-ups keep its codes, date and setting)',
        params: threadParamsSchema,
        body: questionSchema,
        response: { 201: askResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { question: text, ...rest } = request.body;
      const open = await askCaseOf(ehr.access, ehr.seal, request);
      const answered = await askQuestion(
        request.ctx,
        { question: text, ...rest, threadId: request.params.id, ...(open ? { case: open } : {}) },
        { generative, cards },
      );
      return reply.code(201).send(answered);
    },
  );
  r.get(
    '/api/threads/:id',
    {
      ...access('viewer'),
      schema: {
        tags: ['ask'],
        summary: 'A thread with its questions and answers',
        params: threadParamsSchema,
        response: { 200: storedThreadSchema, ...errorResponses },
      },
    },
    async (request) => {
      const thread = await getThread(request.ctx, request.params.id);
      await auditRequest(request.ctx.db, request, 'read.questions', 'ok', {
        type: 'thread',
        id: request.params.id,
      });
      return thread;
    },
  );
  r.post(
    '/api/answers/:id/feedback',
    {
      ...access('viewer'),
      schema: {
        tags: ['ask'],
        summary: 'Up or down on an answer, with an optional comment',
        params: threadParamsSchema,
        body: feedbackSchema,
        response: { 201: feedbackRecordedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await recordFeedback(
        request.ctx,
        request.params.id,
        request.body.vote,
        request.body.comment || null,
      );
      return reply.code(201).send({ status: 'recorded' });
    },
  );
}
