import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { configureParserPool } from '../library/parsers/shared-parser-pool.ts';
import { webBuildStale } from '../web/web-build.ts';
import { surviveDatabaseFaults } from './process-faults.ts';

/** Runs the server until SIGINT/SIGTERM, then stops taking requests and closes the database. */
export async function runServe(flags: {
  dataDir?: string | undefined;
  port?: string | undefined;
}): Promise<number> {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new CodecardError('BAD_INPUT', {
      detail: `--port must be a port number, got "${flags.port}"`,
    });
  }
  const config = loadConfig(process.env, {
    ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
    ...(port !== undefined ? { port } : {}),
  });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  surviveDatabaseFaults();
  configureParserPool({ maxHeapMb: config.parsing.heapMb, timeoutMs: config.parsing.timeoutMs });
  // The rest of the server's code loads while the database opens: tsx compiles and resolves
  // modules on its loader thread and PGlite compiles its WASM off the main thread, so the two
  // overlap (a first start listened after 3.5 s with them one after the other), and the check
  // of web/dist walks web/src meanwhile.
  const serving = import('./serve-opened.ts');
  const appModule = import('../http/app.ts');
  serving.catch(() => {}); // awaited below; a failure is reported there
  appModule.catch(() => {});
  const webStale =
    process.env.CODECARD_SKIP_WEB_BUILD === '1'
      ? Promise.resolve(false)
      : webBuildStale().catch(() => false); // no web/src beside the server: nothing to rebuild
  const opened = await openDatabase(config.database);
  const { serveOpened } = await serving.catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  return serveOpened({ opened, config, print, webStale: await webStale, appModule });
}
