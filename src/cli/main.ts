import { parseArgs } from 'node:util';
import { CodecardError } from '../errors/codecard-error.ts';
import { openLibrary } from './cli-context.ts';
import { runAsk } from './ask.command.ts';
import { runCard } from './card.command.ts';
import { runCheck } from './check.command.ts';
import { runCode, runSearch } from './code.command.ts';
import { runImport } from './import.command.ts';
import { runLibrary, runRemove } from './library.command.ts';
import { printLine, reportError } from './output.ts';
import { runPerformance } from './performance.command.ts';
import { runSamples } from './samples.command.ts';
import { runServe } from './serve.command.ts';
import { usage } from './usage.ts';
import { terminalSafe } from './terminal-safe.ts';
import { forOrg } from '../library/library-context.ts';
import { REFERENCE_ORG } from '../domain/reference-org.ts';
import { runUser } from './user.command.ts';
import { runOrg } from './org.command.ts';

const options = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  kind: { type: 'string' },
  setting: { type: 'string' },
  effective: { type: 'string' },
  title: { type: 'string' },
  system: { type: 'string' },
  partial: { type: 'boolean' },
  reference: { type: 'boolean' },
  columns: { type: 'string' },
  complete: { type: 'boolean' },
  dos: { type: 'string' },
  limit: { type: 'string' },
  lang: { type: 'string' },
  format: { type: 'string' },
  port: { type: 'string' },
  thread: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  granularity: { type: 'string' },
  role: { type: 'string' },
  org: { type: 'string' },
  'instance-admin': { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Parses argv, runs one command, and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  // `codecard card 62264 | head`: a reader that stops early is not an error.
  process.stdout.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let json = argv.includes('--json');
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
    json = values.json;
    const [command, ...rest] = positionals;
    if (values.help || !command || command === 'help') {
      printLine(usage);
      return command || values.help ? 0 : 2;
    }
    if (command === 'serve') return await runServe({ dataDir: values.data, port: values.port });
    const library = await openLibrary({ dataDir: values.data, json });
    try {
      switch (command) {
        case 'import':
          // --reference: into the instance-wide reference data every organization reads.
          return await runImport(
            values.reference ? forOrg(library.ctx, REFERENCE_ORG) : library.ctx,
            rest,
            {
              ...values,
              partial: values.partial ? 'true' : values.complete ? 'false' : undefined,
              json,
            },
          );
        case 'library':
          return await runLibrary(library.ctx, json);
        case 'remove':
          return await runRemove(library.ctx, rest[0], json);
        case 'code':
          return await runCode(library.ctx, rest[0], values);
        case 'card':
          return await runCard(library.ctx, rest[0], values);
        case 'ask':
          return await runAsk(library.ctx, rest.join(' '), values, library.config.llm);
        case 'check':
          // check keeps exit 2 for "errors found", so bad input is 1 there.
          try {
            return await runCheck(library.ctx, rest[0], values);
          } catch (error) {
            if (!(error instanceof CodecardError)) throw error;
            return Math.min(reportError(error, json), 1);
          }
        case 'performance':
          return await runPerformance(library.ctx, values);
        case 'samples':
          return await runSamples(library.ctx, rest[0], json);
        case 'org':
          return await runOrg(library.ctx, rest, json);
        case 'user':
          return await runUser(library.ctx, library.config, rest, { ...values, json });
        case 'search':
          return await runSearch(library.ctx, rest.join(' '), values);
        default:
          process.stderr.write(`codecard: unknown command "${terminalSafe(command)}"\n${usage}\n`);
          return 2;
      }
    } finally {
      await library.close();
    }
  } catch (error) {
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`codecard: ${terminalSafe(error.message)}\n${usage}\n`);
      return 2;
    }
    return reportError(error, json);
  }
}
