import type { SkippedRow } from './fact-record.ts';

export function skipRow(reason: string, locator: string): SkippedRow {
  return { kind: 'skip', reason, locator };
}

/** Keeps skip reasons short when a cell holds a paragraph. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
