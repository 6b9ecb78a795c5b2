import type { OpenDatabase } from '../../src/db/database.ts';
import { eventSinkFor } from '../../src/events/event-sinks.ts';
import { DEFAULT_ORG, type LibraryContext } from '../../src/library/library-context.ts';

/**
 * A library context over an opened test store, wired like the server's: the organization and
 * the store's usage-event recorder (written before the store closes).
 */
export function testContext(opened: OpenDatabase, orgId = DEFAULT_ORG): LibraryContext {
  return {
    db: opened.db,
    engine: opened.engine,
    orgId,
    events: eventSinkFor(opened),
    ...(opened.fence ? { fence: opened.fence } : {}),
  };
}
