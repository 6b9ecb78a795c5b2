import { openClaimStream } from '../claims/claim-stream.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { localeOption, settingOption } from '../library/option-values.ts';
import { checkClaims } from '../check/check-claims.ts';
import { reportFormats, reportWriter, type ReportWriter } from '../check/check-report.ts';
import { openCheckInput } from './check-input.ts';
import { textReportWriter } from './check-text-report.ts';
import { OutputSink } from './output-sink.ts';
import { render, renderStream, terminalLine } from './progress-bar.ts';

const formats = ['text', ...reportFormats] as const;
type Format = (typeof formats)[number];
/** Exit code when any claim has an error finding (bad input exits 1 through the error catalog). */
const EXIT_ERRORS_FOUND = 2;
/** Claims between progress-bar updates (the bar itself redraws at most every 100 ms). */
const PROGRESS_EVERY = 1_000;

/**
 * Checks claims as they are read and writes each result as it comes: NDJSON input streams
 * (any number of claims in bounded memory), other formats are parsed whole first. Nothing but a
 * flag for "some claim had an error" is kept across claims. Bad input found partway through a
 * stream ends the run with exit 1 after the results already written; a JSON report is then left
 * unterminated on purpose, so it cannot be mistaken for a complete one.
 */
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
  if (!isFormat(format)) {
    throw new CodecardError('BAD_INPUT', {
      detail: `--format must be one of ${formats.join(', ')}`,
    });
  }
  const lang = localeOption(flags.lang);
  const input = await openCheckInput(file);
  const stream = await openClaimStream(input.chunks, input.source, setting ? { setting } : {});
  const writer: ReportWriter = format === 'text' ? textReportWriter : reportWriter(format);
  const out = new OutputSink(
    process.stdout,
    format === 'json' || format === 'ndjson' ? 'json' : 'text',
  );
  const line = terminalLine();
  const total = stream.kind === 'whole' ? stream.claims.length : 0;
  const showProgress = (done: number) =>
    line.draw((seconds) =>
      stream.kind === 'whole'
        ? render('check', { phase: 'checking', done, total }, seconds, 'claims')
        : renderStream(
            'check',
            { done, bytesRead: input.bytesRead(), totalBytes: input.size },
            seconds,
            'claims',
          ),
    );
  let done = 0;
  let anyErrors = false;
  try {
    // The pipeline keeps no claim, so a stream of any length stays in bounded memory; it
    // records the run's usage event when the stream ends, also on bad input partway.
    for await (const result of checkClaims(ctx, stream.claims, { lang })) {
      if (result.summary.errors > 0) anyErrors = true;
      // The head waits for the first result, so bad input on the first claim writes nothing.
      if (done === 0) out.write(writer.head());
      if (out.write(writer.item(result))) await out.flush();
      if (++done % PROGRESS_EVERY === 0) showProgress(done);
    }
    out.write(done === 0 ? writer.head() + writer.tail() : writer.tail());
  } catch (error) {
    // Ends the partial JSON's last line, so the error message starts on its own line.
    if (done > 0 && format === 'json') out.write('\n');
    throw error;
  } finally {
    // Results of the claims before a bad line are written too: they were checked.
    line.end();
    await out.flush();
  }
  return anyErrors ? EXIT_ERRORS_FOUND : 0;
}

function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}
