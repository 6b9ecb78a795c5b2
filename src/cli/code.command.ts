import { CodecardError } from '../errors/codecard-error.ts';
import { lookupCode } from '../codes/code-lookup.ts';
import { searchCodes } from '../codes/code-search.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { isoDateOption } from '../library/import-options.ts';
import { systemOption, today } from '../library/option-values.ts';
import { printJson, printLine } from './output.ts';
import { validityLines } from './validity-lines.ts';

export async function runCode(
  ctx: LibraryContext,
  code: string | undefined,
  flags: { system?: string; dos?: string; json: boolean },
): Promise<number> {
  if (!code)
    throw new CodecardError('BAD_INPUT', {
      detail: 'code needs a CODE, e.g. codecard code M54.16',
    });
  const system = systemOption(flags.system);
  const dos = isoDateOption(flags.dos, '--dos') ?? today();
  const result = await lookupCode(ctx, code, { ...(system ? { system } : {}), dos });
  if (flags.json) {
    printJson(result);
    return 0;
  }
  printLine(
    `${result.system.toUpperCase()} ${result.code}${result.billable === false ? ' (not billable: a header)' : ''}`,
  );
  for (const line of validityLines(result, dos)) printLine(`  ${line}`);
  printLine(`  ${result.description}`);
  if (result.shortDescription) printLine(`  short: ${result.shortDescription}`);
  if (result.consumerDescription) printLine(`  in plain words: ${result.consumerDescription}`);
  printLine(
    `  effective ${result.effectiveFrom ?? 'from the start'} to ${result.effectiveTo ?? 'now'} (date of service ${dos})`,
  );
  for (const note of result.notes) printLine(`  ${note.type} (${note.code}): ${note.text}`);
  for (const s of result.sources)
    printLine(
      `  source: [${s.documentId}] ${s.title}${s.release ? ` ${s.release}` : ''}, ${s.locator}`,
    );
  return 0;
}

export async function runSearch(
  ctx: LibraryContext,
  text: string,
  flags: { system?: string; limit?: string; dos?: string; json: boolean },
): Promise<number> {
  if (text.trim() === '') throw new CodecardError('BAD_INPUT', { detail: 'search needs TEXT' });
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new CodecardError('BAD_INPUT', { detail: '--limit must be a positive whole number' });
  }
  const system = systemOption(flags.system);
  const dos = isoDateOption(flags.dos, '--dos') ?? today();
  const results = await searchCodes(ctx, text, { ...(system ? { system } : {}), limit, dos });
  if (flags.json) {
    printJson({ results });
    return 0;
  }
  if (results.length === 0) printLine(`No codes in the library match "${text}".`);
  for (const r of results) printLine(`${r.system.padEnd(8)} ${r.code.padEnd(8)} ${r.description}`);
  return 0;
}
