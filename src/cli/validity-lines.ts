import type { CodeDescription } from '../codes/code-description.ts';
import { replacementText, staleText, validityText } from '../codes/validity-message.ts';

/** The verdict sentences `codecard code` prints under the code (the card's wording, in English). */
export function validityLines(result: CodeDescription, dos: string): string[] {
  const { validity } = result;
  if (!validity) return [];
  const facts = { ...validity, code: result.code, system: result.system, dos };
  const lines = [validityText('en', facts)];
  const under = replacementText('en', facts);
  if (under) lines.push(under);
  const stale = staleText('en', facts);
  if (stale) lines.push(stale);
  return lines;
}
