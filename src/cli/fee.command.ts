import { CodecardError } from '../errors/codecard-error.ts';
import { medicareFee } from '../fees/medicare-fee.service.ts';
import { isoDateOption } from '../library/import-options.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { localeOption, today } from '../library/option-values.ts';
import { printJson, printLine } from './output.ts';

/** Exit code when the library cannot give the fee (it lacks a file, a row or the locality). */
const EXIT_NOT_FOUND = 1;

/**
 * `codecard fee CODE --locality WORDS`: the Medicare fee in both settings with the formula and
 * every number used, and the RVU and GPCI rows cited. A status the fee schedule does not price
 * is an answer (exit 0), never $0.00; what the library lacks exits 1.
 */
export async function runFee(
  ctx: LibraryContext,
  code: string | undefined,
  flags: { locality?: string; date?: string; modifier?: string; lang?: string; json: boolean },
): Promise<number> {
  if (!code || !flags.locality?.trim())
    throw new CodecardError('BAD_INPUT', {
      detail: 'fee needs a CODE and --locality, e.g. codecard fee 64483 --locality Manhattan',
    });
  const result = await medicareFee(ctx, {
    code,
    locality: flags.locality,
    modifier: flags.modifier ?? null,
    date: isoDateOption(flags.date, '--date') ?? today(),
    lang: flags.lang !== undefined ? localeOption(flags.lang) : 'en',
  });
  const answered = result.outcome === 'priced' || result.outcome === 'not-priced';
  if (flags.json) {
    printJson(result);
    return answered ? 0 : EXIT_NOT_FOUND;
  }
  printLine(result.text);
  for (const citation of [result.citations.rvu, result.citations.gpci]) {
    if (citation === null) continue;
    const version = citation.version ? ` ${citation.version}` : '';
    printLine(
      `  source: [${citation.documentId}] ${citation.title}${version}, ${citation.locator}`,
    );
  }
  return answered ? 0 : EXIT_NOT_FOUND;
}
