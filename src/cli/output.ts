import { CodecardError } from '../errors/codecard-error.ts';
import { terminalSafe } from './terminal-safe.ts';

export function printJson(value: unknown): void {
  process.stdout.write(`${terminalSafe(JSON.stringify(value, null, 2), 'json')}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${terminalSafe(text)}\n`);
}

/** Errors: one line on stderr ("codecard: <message>"), JSON when asked; the exit code to use. */
export function reportError(error: unknown, json: boolean): number {
  if (error instanceof CodecardError) {
    if (json)
      process.stdout.write(
        `${terminalSafe(JSON.stringify({ error: { code: error.code, message: error.message } }), 'json')}\n`,
      );
    process.stderr.write(`codecard: ${terminalSafe(error.message)}\n`);
    return error.code === 'NOT_FOUND' ? 1 : 2;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`codecard: unexpected failure: ${terminalSafe(message)}\n`);
  return 70;
}
