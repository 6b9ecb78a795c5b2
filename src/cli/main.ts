import { parseArgs } from 'node:util';
import { CodecardError } from '../errors/codecard-error.ts';
import { printLine, reportError } from './output.ts';
import { usage } from './usage.ts';
import { terminalSafe } from './terminal-safe.ts';
import { forOrg } from '../library/library-context.ts';
import { REFERENCE_ORG } from '../domain/reference-org.ts';

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
  date: { type: 'string' },
  locality: { type: 'string' },
  modifier: { type: 'string' },
  limit: { type: 'string' },
  lang: { type: 'string' },
  format: { type: 'string' },
  port: { type: 'string' },
  thread: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  granularity: { type: 'string' },
  days: { type: 'string' },
  dataset: { type: 'string' },
  codes: { type: 'string' },
  csv: { type: 'boolean', default: false },
  role: { type: 'string' },
  org: { type: 'string' },
  'instance-admin': { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  status: { type: 'boolean' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * Parses argv, runs one command, and returns the exit code. Each command's module is loaded
 * when it runs: `serve` then starts opening its database before the rest of the code loads.
 */
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
    if (command === 'serve')
      return await (
        await import('./serve.command.ts')
      ).runServe({ dataDir: values.data, port: values.port });
    if (command === 'worker')
      return await (await import('./worker.command.ts')).runWorker({ dataDir: values.data });
    const library = await (
      await import('./cli-context.ts')
    ).openLibrary({ dataDir: values.data, json });
    try {
      switch (command) {
        case 'import':
          // --reference: into the instance-wide reference data every organization reads.
          return await (
            await import('./import.command.ts')
          ).runImport(values.reference ? forOrg(library.ctx, REFERENCE_ORG) : library.ctx, rest, {
            ...values,
            partial: values.partial ? 'true' : values.complete ? 'false' : undefined,
            json,
          });
        case 'library':
          return await (await import('./library.command.ts')).runLibrary(library.ctx, json);
        case 'sync':
          return await (
            await import('./sync.command.ts')
          ).runSync(library.ctx, library.config, { status: values.status, json });
        case 'remove':
          return await (await import('./library.command.ts')).runRemove(library.ctx, rest[0], json);
        case 'code':
          return await (await import('./code.command.ts')).runCode(library.ctx, rest[0], values);
        case 'fee':
          return await (await import('./fee.command.ts')).runFee(library.ctx, rest[0], values);
        case 'card':
          return await (await import('./card.command.ts')).runCard(library.ctx, rest[0], values);
        case 'ask':
          return await (
            await import('./ask.command.ts')
          ).runAsk(library.ctx, rest.join(' '), values, library.config.llm);
        case 'check':
          // check keeps exit 2 for "errors found", so bad input is 1 there.
          try {
            return await (
              await import('./check.command.ts')
            ).runCheck(library.ctx, rest[0], values);
          } catch (error) {
            if (!(error instanceof CodecardError)) throw error;
            return Math.min(reportError(error, json), 1);
          }
        case 'performance':
          return await (
            await import('./performance.command.ts')
          ).runPerformance(library.ctx, values);
        case 'watch':
          return await (await import('./watch.command.ts')).runWatch(library.ctx, rest, values);
        case 'changes':
          return await (await import('./changes.command.ts')).runChanges(library.ctx, values);
        case 'samples':
          return await (
            await import('./samples.command.ts')
          ).runSamples(library.ctx, rest[0], json);
        case 'org':
          return await (await import('./org.command.ts')).runOrg(library.ctx, rest, json);
        case 'user':
          return await (
            await import('./user.command.ts')
          ).runUser(library.ctx, library.config, rest, { ...values, json });
        case 'search':
          return await (
            await import('./code.command.ts')
          ).runSearch(library.ctx, rest.join(' '), values);
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
