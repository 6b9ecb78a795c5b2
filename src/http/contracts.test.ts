import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { MAX_QUESTION_LENGTH as serviceMaxQuestion } from '../ask/ask.service.ts';
import { MAX_QUESTION_LENGTH } from '../contracts/ask.ts';
import { reportFormats } from '../contracts/check-jobs.ts';
import { granularities } from '../contracts/performance.ts';
import { granularities as serverGranularities } from '../performance/performance-types.ts';
import { reportFormats as serverReportFormats } from '../check/check-report.ts';
import { handleError } from './error-handler.ts';
import { responseSerializer } from './response-serializer.ts';

/** A one-route app whose reply is `body`, its contract `{name: string, count: number}`. */
async function appReplying(body: unknown, validate: boolean) {
  const app = Fastify({ logger: false });
  app.setSerializerCompiler(responseSerializer(validate));
  app.setErrorHandler(handleError);
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/thing',
      { schema: { response: { 200: z.object({ name: z.string(), count: z.number() }) } } },
      () => body as { name: string; count: number },
    );
  const reply = await app.inject({ url: '/thing' });
  await app.close();
  return reply;
}

describe('response contracts', () => {
  test('a reply that matches its contract is written as it is', async () => {
    const reply = await appReplying({ count: 2, name: 'a' }, true);
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe('{"count":2,"name":"a"}');
  });

  test('with validation on, a reply of the wrong shape or with an undescribed field fails', async () => {
    expect((await appReplying({ name: 'a', count: '2' }, true)).statusCode).toBe(500);
    expect((await appReplying({ name: 'a' }, true)).statusCode).toBe(500);
    expect((await appReplying({ name: 'a', count: 2, extra: true }, true)).statusCode).toBe(500);
    expect((await appReplying({ name: 'a', count: 2, nested: { x: 1 } }, true)).statusCode).toBe(
      500,
    );
  });

  test('with validation off (production), replies are written unchanged and unchecked', async () => {
    const reply = await appReplying({ name: 'a', count: 2, extra: true }, false);
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe('{"name":"a","count":2,"extra":true}');
  });

  test('the vocabularies the contracts restate are the server’s, in the same order', () => {
    expect(granularities).toEqual(serverGranularities);
    expect(reportFormats).toEqual(serverReportFormats);
    expect(MAX_QUESTION_LENGTH).toBe(serviceMaxQuestion);
  });
});
