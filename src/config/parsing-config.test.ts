import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';

describe('CODECARD_PARSE_HEAP_MB and CODECARD_PARSE_TIMEOUT_MS', () => {
  test('default to 512 MB and 60 s, and take whole numbers', () => {
    expect(loadConfig({}).parsing).toEqual({ heapMb: 512, timeoutMs: 60_000 });
    const env = { CODECARD_PARSE_HEAP_MB: '1024', CODECARD_PARSE_TIMEOUT_MS: '120000' };
    expect(loadConfig(env).parsing).toEqual({ heapMb: 1024, timeoutMs: 120_000 });
  });

  test('refuse a heap too small to start a parser and a timeout under a second', () => {
    expect(() => loadConfig({ CODECARD_PARSE_HEAP_MB: '16' })).toThrow(
      /CODECARD_PARSE_HEAP_MB must be a whole number of at least 64/,
    );
    expect(() => loadConfig({ CODECARD_PARSE_TIMEOUT_MS: '5' })).toThrow(
      /CODECARD_PARSE_TIMEOUT_MS must be a whole number of at least 1000/,
    );
  });
});
