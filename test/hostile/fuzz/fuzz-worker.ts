/**
 * The fuzz thread: runs one parser on one input at a time and says how it ended. A hang or a
 * memory blow-up ends only this thread; the runner starts another.
 */
import { parentPort } from 'node:worker_threads';
import { readClaims } from '../../../src/claims/claim-input.ts';
import { CodecardError } from '../../../src/errors/codecard-error.ts';
import { documentParsers } from '../../../src/library/parsers/index.ts';
import { configureParserPool } from '../../../src/library/parsers/shared-parser-pool.ts';
import type { FuzzInput, FuzzOutcome } from './fuzz-target.ts';

/**
 * The parser pool's own time limit, below the runner's hang limits (5 s, 10 s for PDF): an input
 * slower than this must come back as DOCUMENT_TOO_COMPLEX, the server's answer, so a hang here
 * means the limit failed. DOCX is held tighter: a 2 KB mutated DOCX took mammoth 48 s until
 * its XML parts were checked first (docx-xml-check.ts); now every DOCX input must finish on its
 * own, so one stopped by this time limit counts as a hang.
 */
configureParserPool({ timeoutMs: 4_000 });

process.on('unhandledRejection', (reason) => {
  parentPort?.postMessage({ unhandled: String(reason).slice(0, 300) });
});

function stoppedByTimeLimit(error: CodecardError): boolean {
  return (
    error.code === 'DOCUMENT_TOO_COMPLEX' && error.message.includes('CODECARD_PARSE_TIMEOUT_MS')
  );
}

async function parse(input: FuzzInput): Promise<string> {
  const file = { fileName: input.fileName, bytes: Buffer.from(input.bytes) };
  switch (input.target) {
    case 'csv':
    case 'x12':
    case 'json':
      return `${readClaims(file.bytes, file.fileName).length} claims`;
    case 'pdf':
    case 'docx':
    case 'html':
    case 'markdown':
    case 'text':
      return `${(await documentParsers[input.target](file)).passages.length} passages`;
  }
}

parentPort?.on('message', (input: FuzzInput) => {
  void parse(input)
    .then(
      (detail): FuzzOutcome => ({ kind: 'parsed', detail }),
      (error: unknown): FuzzOutcome =>
        error instanceof CodecardError
          ? {
              kind: input.target === 'docx' && stoppedByTimeLimit(error) ? 'hang' : 'refused',
              detail: `${error.code}: ${error.message.slice(0, 200)}`,
            }
          : {
              kind: 'crash',
              detail:
                error instanceof Error
                  ? `${error.name}: ${error.stack ?? error.message}`.slice(0, 1500)
                  : String(error),
            },
    )
    .then((outcome) => parentPort?.postMessage({ outcome }));
});
