import { loadConfig, type Config } from '../config/config.ts';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { configureEvents, eventSinkFor } from '../events/event-sinks.ts';
import { applyQuestionRetention } from './question-retention-schedule.ts';
import { DEFAULT_ORG, type LibraryContext } from '../library/library-context.ts';
import { closeParserPool, configureParserPool } from '../library/parsers/shared-parser-pool.ts';
import { discardUnfinishedImports } from '../library/unfinished-imports.ts';

export interface GlobalOptions {
  dataDir?: string;
  json: boolean;
}

export interface OpenedLibrary {
  ctx: LibraryContext;
  config: Config;
  close(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 3_000;

/**
 * Opens the library for one command (deleting what a killed staged import left). SIGINT/SIGTERM
 * close the database before exiting; an import in flight never commits (a staged one's version
 * is deleted then or at the next open).
 */
export async function openLibrary(options: GlobalOptions): Promise<OpenedLibrary> {
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  configureParserPool({ maxHeapMb: config.parsing.heapMb, timeoutMs: config.parsing.timeoutMs });
  const opened: OpenDatabase = await openDatabase(config.database);
  await discardUnfinishedImports(opened).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: closing the library…\n`);
    const timer = setTimeout(() => process.exit(130), SHUTDOWN_GRACE_MS);
    opened.close().then(
      () => {
        clearTimeout(timer);
        process.exit(130);
      },
      () => process.exit(130),
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const events = eventSinkFor(opened);
  configureEvents(opened.db, { retentionDays: config.eventRetentionDays });
  // Questions asked from the CLI are stored too, and a library used only from the CLI has no
  // server to apply retention: every command applies it once.
  await applyQuestionRetention({ db: opened.db, retentionDays: config.questionRetentionDays });
  return {
    ctx: { db: opened.db, engine: opened.engine, orgId: DEFAULT_ORG, events },
    config,
    close: async () => {
      // The command's usage events (a check, a card, a question) are written before it exits.
      await events.flush();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await closeParserPool();
      await opened.close();
    },
  };
}
