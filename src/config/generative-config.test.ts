import { describe, expect, it } from 'vitest';
import { generativeConfigFromEnv } from './generative-config.ts';

describe('generativeConfigFromEnv', () => {
  it('is null unless both base URL and model are set', () => {
    expect(generativeConfigFromEnv({})).toBeNull();
    expect(
      generativeConfigFromEnv({ CODECARD_LLM_BASE_URL: 'http://127.0.0.1:8080/v1' }),
    ).toBeNull();
    expect(generativeConfigFromEnv({ CODECARD_LLM_MODEL: 'qwen' })).toBeNull();
    expect(
      generativeConfigFromEnv({ CODECARD_LLM_BASE_URL: ' ', CODECARD_LLM_MODEL: 'qwen' }),
    ).toBeNull();
  });

  it('reads every setting', () => {
    expect(
      generativeConfigFromEnv({
        CODECARD_LLM_BASE_URL: ' https://llm.example/v1 ',
        CODECARD_LLM_MODEL: 'qwen2.5-7b-instruct',
        CODECARD_LLM_API_KEY: 'sk-1',
        CODECARD_LLM_TIMEOUT_MS: '5000',
        CODECARD_LLM_MAX_TOKENS: '400',
      }),
    ).toEqual({
      baseUrl: 'https://llm.example/v1',
      model: 'qwen2.5-7b-instruct',
      apiKey: 'sk-1',
      timeoutMs: 5000,
      maxTokens: 400,
    });
    expect(
      generativeConfigFromEnv({
        CODECARD_LLM_BASE_URL: 'http://localhost:11434',
        CODECARD_LLM_MODEL: 'llama3',
        CODECARD_LLM_API_KEY: '',
      }),
    ).toEqual({ baseUrl: 'http://localhost:11434', model: 'llama3' });
  });

  it('rejects bad values with clear messages', () => {
    const env = (url: string, extra: Record<string, string> = {}) => ({
      CODECARD_LLM_BASE_URL: url,
      CODECARD_LLM_MODEL: 'm',
      ...extra,
    });
    expect(() => generativeConfigFromEnv(env('http://exa mple/v1'))).toThrow(
      'CODECARD_LLM_BASE_URL is not a valid URL: "http://exa mple/v1"',
    );
    expect(() => generativeConfigFromEnv(env('ftp://llm.example/v1'))).toThrow(
      'CODECARD_LLM_BASE_URL must be an http or https URL such as http://127.0.0.1:8080/v1, got "ftp://llm.example/v1"',
    );
    expect(() => generativeConfigFromEnv(env('localhost:8080/v1'))).toThrow(
      /http or https URL .*got "localhost:8080\/v1"/,
    );
    expect(() => generativeConfigFromEnv(env('file:///etc/passwd'))).toThrow(/http or https/);
    expect(() => generativeConfigFromEnv(env('https://me:secret@llm.example/v1'))).toThrow(
      /must not contain a user name or password/,
    );
    expect(() =>
      generativeConfigFromEnv(env('http://h/v1', { CODECARD_LLM_TIMEOUT_MS: '1.5s' })),
    ).toThrow('CODECARD_LLM_TIMEOUT_MS must be a whole number from 1 to 600000, got "1.5s"');
    expect(() =>
      generativeConfigFromEnv(env('http://h/v1', { CODECARD_LLM_MAX_TOKENS: '0' })),
    ).toThrow(/CODECARD_LLM_MAX_TOKENS/);
    expect(() =>
      generativeConfigFromEnv(env('http://h/v1', { CODECARD_LLM_TIMEOUT_MS: '9999999999' })),
    ).toThrow(/from 1 to 600000/);
  });

  it('does not echo credentials of an unparseable URL', () => {
    expect(() =>
      generativeConfigFromEnv({
        CODECARD_LLM_BASE_URL: 'http://me:pw@[bad',
        CODECARD_LLM_MODEL: 'm',
      }),
    ).toThrow('CODECARD_LLM_BASE_URL is not a valid URL: "http://[bad"');
  });
});
