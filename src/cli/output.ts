import { CodecardError } from '../errors/codecard-error.ts';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Errors: one line on stderr ("codecard: <message>"), JSON when asked; the exit code to use. */
export function reportError(error: unknown, json: boolean): number {
  if (error instanceof CodecardError) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`,
      );
    process.stderr.write(`codecard: ${error.message}\n`);
    return error.code === 'NOT_FOUND' ? 1 : 2;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`codecard: unexpected failure: ${message}\n`);
  return 70;
}
