import { describe, expect, test } from 'vitest';
import { resolveTheme } from './theme.ts';

describe('the theme', () => {
  test("'system' follows the system; light and dark are kept whatever the system prefers", () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
