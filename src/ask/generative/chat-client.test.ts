import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletion, completionsUrl } from './chat-client.ts';
import { fixture, startChatServer, type ChatServer } from './test-chat-server.ts';
import type { ChatMessage } from './types.ts';

const key = 'sk-test-SECRET-4242';
const messages: ChatMessage[] = [
  { role: 'system', content: 'rules' },
  { role: 'user', content: 'question' },
];

/** The error a call rejects with (an Error saying "resolved" when it does not reject). */
function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => new Error('resolved'),
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
}

let server: ChatServer;
beforeEach(async () => {
  server = await startChatServer();
});
afterEach(async () => {
  await server.close();
});

describe('completionsUrl', () => {
  it('appends the chat-completions path to every form of base URL', () => {
    const url = (base: string) => completionsUrl(base).href;
    expect(url('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/v1/chat/completions');
    expect(url('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/v1/chat/completions');
    expect(url('http://127.0.0.1:8080/v1')).toBe('http://127.0.0.1:8080/v1/chat/completions');
    expect(url('http://127.0.0.1:8080/v1/')).toBe('http://127.0.0.1:8080/v1/chat/completions');
    expect(url('https://llm.example/v1/chat/completions')).toBe(
      'https://llm.example/v1/chat/completions',
    );
    expect(url('https://llm.example/openai/deployments/m?api-version=2024-10-21')).toBe(
      'https://llm.example/openai/deployments/m/chat/completions?api-version=2024-10-21',
    );
  });
});

describe('chatCompletion against a local chat-completions server', () => {
  it('posts model, messages, temperature 0 and max_tokens, and reads the message content', async () => {
    server.reply({ body: fixture('well-cited.json') });
    const result = await chatCompletion({ baseUrl: `${server.baseUrl}/`, model: 'm-1' }, messages);
    expect(result.model).toBe('recorded-local-model');
    expect(result.content).toMatch(/^CPT 62264 describes/);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      model: 'm-1',
      messages,
      temperature: 0,
      max_tokens: 800,
      stream: false,
    });
  });

  it('reaches the same endpoint from a base URL without /v1', async () => {
    server.reply({ body: fixture('no-answer.json') });
    await chatCompletion({ baseUrl: server.origin, model: 'm', maxTokens: 64 }, messages);
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
    expect(server.requests[0]?.body).toMatchObject({ max_tokens: 64 });
  });

  it('reads content sent as an array of text parts', async () => {
    server.reply({ body: fixture('content-parts.json') });
    const result = await chatCompletion({ baseUrl: server.baseUrl, model: 'm' }, messages);
    expect(result.content).toBe(
      'Imaging guidance and contrast injection are included in 62264 [P1].',
    );
  });

  it('sends Authorization: Bearer only when a key is set', async () => {
    server.reply({ body: fixture('no-answer.json') });
    server.reply({ body: fixture('no-answer.json') });
    server.reply({ body: fixture('no-answer.json') });
    await chatCompletion({ baseUrl: server.baseUrl, model: 'm', apiKey: key }, messages);
    await chatCompletion({ baseUrl: server.baseUrl, model: 'm' }, messages);
    await chatCompletion({ baseUrl: server.baseUrl, model: 'm', apiKey: '  ' }, messages);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${key}`,
      undefined,
      undefined,
    ]);
  });

  it('throws a clear error on HTTP 500 without the key, even when the server echoes it', async () => {
    server.reply({ status: 500, body: `upstream failure for key ${key}` });
    const error = await rejection(
      chatCompletion({ baseUrl: server.baseUrl, model: 'm', apiKey: key }, messages),
    );
    const message = error.message;
    expect(message).toMatch(/LLM request to http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    expect(message).toContain('returned HTTP 500');
    expect(message).toContain('[redacted]');
    expect(message).not.toContain(key);
  });

  it('reports the error body of a 404 model error', async () => {
    server.reply({ status: 404, body: fixture('error-body.json') });
    await expect(
      chatCompletion({ baseUrl: server.baseUrl, model: 'missing-model' }, messages),
    ).rejects.toThrow(/returned HTTP 404: .*does not exist/);
  });

  it('times out through AbortController with a clear error', async () => {
    server.reply({ hang: true });
    const error = await rejection(
      chatCompletion({ baseUrl: server.baseUrl, model: 'm', apiKey: key, timeoutMs: 50 }, messages),
    );
    expect(error.message).toMatch(/timed out after 50 ms/);
    expect(error.message).not.toContain(key);
  });

  it('throws on malformed JSON and on a body without choices', async () => {
    server.reply({ body: `{"choices": [ {"message": ${key}` });
    server.reply({ body: { object: 'chat.completion', choices: [] } });
    server.reply({ body: { choices: [{ message: { role: 'assistant', content: null } }] } });
    const config = { baseUrl: server.baseUrl, model: 'm', apiKey: key };
    const first = await rejection(chatCompletion(config, messages));
    expect(first.message).toMatch(/returned malformed JSON/);
    expect(first.message).not.toContain(key);
    await expect(chatCompletion(config, messages)).rejects.toThrow(
      /returned no choices\[0\]\.message\.content/,
    );
    await expect(chatCompletion(config, messages)).rejects.toThrow(/no choices\[0\]/);
  });

  it('reports a refused connection', async () => {
    const { origin } = server;
    await server.close();
    server = await startChatServer();
    await expect(chatCompletion({ baseUrl: origin, model: 'm' }, messages)).rejects.toThrow(
      /LLM request to .* failed: fetch failed/,
    );
  });

  it('refuses a key that cannot go into a header, without quoting it', async () => {
    const error = await rejection(
      chatCompletion({ baseUrl: server.baseUrl, model: 'm', apiKey: 'sk-bad\nkey' }, messages),
    );
    expect(error.message).toMatch(/cannot go into an HTTP header/);
    expect(error.message).not.toContain('sk-bad');
    expect(server.requests).toHaveLength(0);
  });
});
