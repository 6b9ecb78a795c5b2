import type { ChatMessage } from './types.ts';
import type { GenerativeConfig } from '../../config/generative-config.ts';

export const defaultTimeoutMs = 20_000;
export const defaultMaxTokens = 800;

/** How much of an error body goes into the message: enough to see the cause, no more. */
const bodySnippetChars = 300;

export interface ChatCompletion {
  content: string;
  /** The model named in the response, when the endpoint names one. */
  model?: string;
}

/**
 * The endpoint for a configured base URL. Servers differ in what they call the API root, so:
 * - ".../chat/completions" is taken as the full endpoint;
 * - a root with no path ("http://host:8080") gets "/v1/chat/completions", which OpenAI,
 *   llama.cpp, vLLM, Ollama and LM Studio all serve;
 * - any other path ("…/v1", "…/openai/deployments/x", with or without a trailing slash) gets
 *   "/chat/completions".
 * A query string (e.g. Azure's api-version) is kept.
 */
export function completionsUrl(baseUrl: string): URL {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (!/\/chat\/completions$/.test(path)) {
    url.pathname = path === '' ? '/v1/chat/completions' : `${path}/chat/completions`;
  }
  return url;
}

/**
 * One non-streaming chat-completions call; returns `choices[0].message.content`. Any failure
 * throws an Error whose message names the endpoint (origin and path only) and never the key.
 */
export async function chatCompletion(
  config: GenerativeConfig,
  messages: readonly ChatMessage[],
  fetchImpl: typeof fetch = fetch,
): Promise<ChatCompletion> {
  const url = completionsUrl(config.baseUrl);
  const where = `${url.origin}${url.pathname}`;
  const key = config.apiKey?.trim() || undefined;
  const fail = (detail: string): Error =>
    new Error(redact(`LLM request to ${where} ${detail}`, key));
  if (key !== undefined && !/^[\x21-\x7e]+$/.test(key)) {
    // Checked here because fetch's own header error would quote the value.
    throw new Error('The LLM API key contains characters that cannot go into an HTTP header');
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  const timeoutMs = config.timeoutMs ?? defaultTimeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        model: config.model,
        messages,
        temperature: 0,
        max_tokens: config.maxTokens ?? defaultMaxTokens,
        stream: false,
      }),
      signal: controller.signal,
      // A redirect would resend the key to wherever the server points; the endpoint is fixed.
      redirect: 'error',
    });
    status = response.status;
    // Read inside the try: the timeout covers a body that trickles in as well.
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) throw fail(`timed out after ${timeoutMs} ms`);
    throw fail(`failed: ${describe(error)}`);
  } finally {
    clearTimeout(timer);
  }
  if (status < 200 || status > 299) {
    throw fail(`returned HTTP ${status}: ${snippet(text, key)}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail(`returned malformed JSON: ${snippet(text, key)}`);
  }
  const content = messageContent(body);
  if (content === undefined) {
    throw fail(`returned no choices[0].message.content: ${snippet(text, key)}`);
  }
  const model = isRecord(body) && typeof body.model === 'string' ? body.model : undefined;
  return model === undefined ? { content } : { content, model };
}

/** `content` is a string, or (some servers) an array of text parts. */
function messageContent(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.choices)) return undefined;
  const first: unknown = body.choices[0];
  if (!isRecord(first) || !isRecord(first.message)) return undefined;
  const content = first.message.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts = content.map((part: unknown) =>
    isRecord(part) && typeof part.text === 'string' ? part.text : undefined,
  );
  return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The network error and its cause ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

// eslint-disable-next-line no-control-regex -- an error body may hold terminal escapes
const controlRuns = /[\u0000-\u001f\u007f-\u009f]+/g;

/** A short one-line excerpt of a body, the key removed before it is cut (a cut key would stay). */
function snippet(text: string, key: string | undefined): string {
  const oneLine = redact(text, key).replace(controlRuns, ' ').trim();
  if (oneLine === '') return '(empty body)';
  return oneLine.length > bodySnippetChars ? `${oneLine.slice(0, bodySnippetChars)}…` : oneLine;
}

/** Servers echo keys back ("Incorrect API key provided: sk-…"); the message must not. */
function redact(message: string, key: string | undefined): string {
  return key === undefined ? message : message.split(key).join('[redacted]');
}
