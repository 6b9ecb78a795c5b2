import type { Config } from '../config/config.ts';
import type { OpenDatabase } from '../db/database.ts';
import { configureEvents, eventSinkFor } from '../events/event-sinks.ts';
import { DEFAULT_ORG, type LibraryContext } from '../library/library-context.ts';

/**
 * A long-running process's view of the store (serve, worker): every organization's, with the
 * fence for their requests and jobs, and usage events kept per the retention setting.
 */
export function serverContext(opened: OpenDatabase, config: Config): LibraryContext {
  configureEvents(opened.db, { retentionDays: config.eventRetentionDays });
  return {
    db: opened.db,
    engine: opened.engine,
    orgId: DEFAULT_ORG,
    events: eventSinkFor(opened),
    ...(opened.fence ? { fence: opened.fence } : {}),
  };
}
