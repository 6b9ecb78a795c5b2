import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import { buildTestApp } from './test-app.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';

// Sample edits written for this test (not CMS data).
const ptp = 'column_1,column_2,modifier_indicator\n62263,62264,0\n62264,77003,1\n';

describe('Ask over HTTP', () => {
  let opened: OpenDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    const library = await openTestLibrary();
    opened = library.opened;
    const ctx = library.ctx;
    await importFile(
      ctx,
      { fileName: 'sample-ptp.csv', bytes: Buffer.from(ptp) },
      { setting: 'practitioner', effective: '2026-01-01' },
    );
    app = await buildTestApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  test('a thread: first question, a follow-up, the thread, feedback', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/threads',
      payload: { question: 'can I bill 62264 with 62263?', dos: '2026-03-02' },
    });
    expect(started.statusCode).toBe(201);
    const first = started.json<{ threadId: string; answer: { id: string; verdict: string } }>();
    expect(first.answer.verdict).toBe('not-allowed');

    const next = await app.inject({
      method: 'POST',
      url: `/api/threads/${first.threadId}/messages`,
      payload: { question: 'and with 77003?', lang: 'de' },
    });
    expect(next.statusCode).toBe(201);
    const followUp = next.json<{ answer: { kind: string; verdict: string; codes: string[] } }>();
    expect(followUp.answer).toMatchObject({ kind: 'pair', verdict: 'modifier-required' });
    expect(followUp.answer.codes).toEqual(['62264', '77003']);

    const thread = await app.inject({ url: `/api/threads/${first.threadId}` });
    expect(thread.json<{ messages: unknown[] }>().messages).toHaveLength(2);

    const feedback = await app.inject({
      method: 'POST',
      url: `/api/answers/${first.answer.id}/feedback`,
      payload: { vote: 'down', comment: 'wanted the modifier list' },
    });
    expect(feedback.statusCode).toBe(201);
  });

  test('an empty thread can be opened; bad ids, votes and questions are refused clearly', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/threads', payload: {} });
    expect(empty.statusCode).toBe(201);
    expect(empty.json<{ threadId: string }>().threadId).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await app.inject({ url: `/api/threads/${crypto.randomUUID()}` });
    expect(missing.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/threads/nope' })).statusCode).toBe(400);
    const badVote = await app.inject({
      method: 'POST',
      url: `/api/answers/${crypto.randomUUID()}/feedback`,
      payload: { vote: 'sideways' },
    });
    expect(badVote.statusCode).toBe(400);
    const blank = await app.inject({
      method: 'POST',
      url: '/api/threads',
      payload: { question: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ error: { code: string } }>().error.code).toBeTruthy();
  });
});
