import { basename } from 'node:path';
import { readClaims } from '../claims/claim-input.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { localeOption, settingOption } from '../library/option-values.ts';
import { checkClaims, type ClaimResult } from '../rules/check-claims.service.ts';
import { csvCell } from './csv-cell.ts';
import { printJson, printLine } from './output.ts';
import { readInputFile } from './read-input-file.ts';
import { terminalProgress } from './progress-bar.ts';

const formats = ['text', 'json', 'csv'] as const;
/** Exit code when any claim has an error finding (bad input exits 1 through the error catalog). */
const EXIT_ERRORS_FOUND = 2;

export async function runCheck(
  ctx: LibraryContext,
  file: string | undefined,
  flags: { setting?: string; format?: string; lang?: string; json: boolean },
): Promise<number> {
  if (!file)
    throw new CodecardError('BAD_INPUT', {
      detail: 'check needs a FILE (or - for standard input)',
    });
  const setting = settingOption(flags.setting);
  const format = flags.json ? 'json' : (flags.format ?? 'text');
  if (!(formats as readonly string[]).includes(format)) {
    throw new CodecardError('BAD_INPUT', {
      detail: `--format must be one of ${formats.join(', ')}`,
    });
  }
  const lang = localeOption(flags.lang);
  const bytes = file === '-' ? await readStdin() : await readInputFile(file);
  const claims = readClaims(
    bytes,
    file === '-' ? 'stdin' : basename(file),
    setting ? { setting } : {},
  );
  const progress = terminalProgress('check');
  const results = await checkClaims(ctx, claims, lang, (done, total) =>
    progress.listener({ phase: 'storing', done, total }),
  );
  progress.end();
  if (format === 'json') printJson({ claims: results });
  else if (format === 'csv') printCsv(results);
  else printText(results);
  return results.some((r) => r.summary.errors > 0) ? EXIT_ERRORS_FOUND : 0;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function printText(results: ClaimResult[]): void {
  for (const result of results) {
    const { errors, warnings, infos } = result.summary;
    printLine(`Claim ${result.id}: ${errors} errors, ${warnings} warnings, ${infos} notes`);
    for (const f of result.findings) {
      printLine(
        `  ${f.severity.toUpperCase()} [${f.rule}] line ${f.lines.map((l) => l + 1).join(', ')}: ${f.message}`,
      );
      if (f.fix) printLine(`    fix: ${f.fix}`);
      for (const c of f.citations)
        printLine(
          `    source: [${c.documentId}] ${c.title}${c.version ? ` ${c.version}` : ''}, ${c.locator}`,
        );
    }
  }
}

function printCsv(results: ClaimResult[]): void {
  printLine(
    ['claim', 'rule', 'severity', 'lines', 'codes', 'modifiers', 'message', 'fix', 'sources'].join(
      ',',
    ),
  );
  for (const result of results) {
    for (const f of result.findings) {
      const sources = f.citations.map((c) => `${c.title} ${c.locator}`).join('; ');
      printLine(
        [
          result.id,
          f.rule,
          f.severity,
          f.lines.map((l) => l + 1).join(' '),
          f.codes.join(' '),
          (f.modifiers ?? []).join(' '),
          f.message,
          f.fix ?? '',
          sources,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
}
