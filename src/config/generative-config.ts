/** Where the optional generative provider sends its chat-completions requests. */
export interface GenerativeConfig {
  /** An OpenAI-compatible API root, e.g. "http://127.0.0.1:8080/v1" (see chat-client.ts). */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer …` only when set; never written into an error message. */
  apiKey?: string;
  /** Whole request, body included; default 20000. */
  timeoutMs?: number;
  /** The completion's `max_tokens`; default 800. */
  maxTokens?: number;
}

/**
 * The generative provider's settings from the environment (src/config calls this; nothing else
 * reads process.env). Returns null when CODECARD_LLM_BASE_URL or CODECARD_LLM_MODEL is unset or
 * blank: the provider is optional and answers stay extractive. Invalid values throw.
 *
 * - CODECARD_LLM_BASE_URL   http(s) API root, e.g. http://127.0.0.1:8080/v1
 * - CODECARD_LLM_MODEL      model name sent with each request
 * - CODECARD_LLM_API_KEY    optional; sent as a Bearer token
 * - CODECARD_LLM_TIMEOUT_MS optional whole-request timeout (default 20000)
 * - CODECARD_LLM_MAX_TOKENS optional completion limit (default 800)
 */
export function generativeConfigFromEnv(env: NodeJS.ProcessEnv): GenerativeConfig | null {
  const baseUrl = env.CODECARD_LLM_BASE_URL?.trim();
  const model = env.CODECARD_LLM_MODEL?.trim();
  if (!baseUrl || !model) return null;
  checkBaseUrl(baseUrl);
  const config: GenerativeConfig = { baseUrl, model };
  const apiKey = env.CODECARD_LLM_API_KEY?.trim();
  if (apiKey) config.apiKey = apiKey;
  // Ten minutes at most: beyond 2^31 ms setTimeout would fire at once.
  const timeoutMs = positiveInteger(
    env.CODECARD_LLM_TIMEOUT_MS,
    'CODECARD_LLM_TIMEOUT_MS',
    600_000,
  );
  if (timeoutMs !== undefined) config.timeoutMs = timeoutMs;
  const maxTokens = positiveInteger(env.CODECARD_LLM_MAX_TOKENS, 'CODECARD_LLM_MAX_TOKENS');
  if (maxTokens !== undefined) config.maxTokens = maxTokens;
  return config;
}

function checkBaseUrl(raw: string): void {
  // The value is echoed without any user:password part it might carry.
  const shown = raw.replace(/\/\/[^/@]*@/, '//');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`CODECARD_LLM_BASE_URL is not a valid URL: "${shown}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // "localhost:8080/v1" parses, with "localhost:" as its scheme: say what is expected.
    throw new Error(
      `CODECARD_LLM_BASE_URL must be an http or https URL such as http://127.0.0.1:8080/v1, got "${shown}"`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    // fetch refuses URLs with credentials, and a secret in a URL ends up in logs.
    throw new Error(
      'CODECARD_LLM_BASE_URL must not contain a user name or password; set CODECARD_LLM_API_KEY',
    );
  }
}

function positiveInteger(
  raw: string | undefined,
  name: string,
  max = 1_000_000,
): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  }
  return value;
}
