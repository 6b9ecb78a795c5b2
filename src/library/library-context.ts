import type { AppEvent, EventSink } from '../domain/app-event.ts';
import type { Db, OpenDatabase } from '../db/database.ts';

/** Who is asking and where the library lives. The org comes from the caller, never a body. */
export interface LibraryContext {
  db: Db;
  engine: 'pglite' | 'postgres';
  orgId: string;
  /** Where this context's usage events go (the Performance dashboard's source). */
  events: EventSink;
  /** PostgreSQL: the store fenced to one organization by row-level security. */
  fence?: (orgId: string) => Db;
  /**
   * PostgreSQL with a read replica (CODECARD_DATABASE_READ_URL): the replica as this context's
   * organization sees it. Read only through `readingContext` (src/rules/library-version-reader.ts),
   * which falls back to `db` while the replica lags behind the primary's library.
   */
  readDb?: Db;
  /** The replica fenced to one organization, as `fence` is for the primary. */
  readFence?: (orgId: string) => Db;
  /**
   * Set by `forOrg`: where the count of library changes is read (the store as the server's own
   * role, so a request that needs nothing else never re-fences its connection), for the `db` it
   * was set with. A context whose `db` became a transaction or the replica computes its library
   * version there every time (src/rules/library-versions.ts).
   */
  changeCount?: { for: Db; db: Db };
}

export const DEFAULT_ORG = 'default';

/** Queues a usage event for the context's organization; returns at once and never throws. */
export function recordEvent(ctx: LibraryContext, event: AppEvent): void {
  ctx.events.record(ctx.orgId, event);
}

/** The same library seen as one organization: what a signed-in request works with. */
export function forOrg(ctx: LibraryContext, orgId: string): LibraryContext {
  const readDb = ctx.readFence ? ctx.readFence(orgId) : ctx.readDb;
  const db = ctx.fence ? ctx.fence(orgId) : ctx.db;
  return {
    ...ctx,
    orgId,
    db,
    ...(readDb ? { readDb } : {}),
    changeCount: { for: db, db: ctx.changeCount?.db ?? ctx.db },
  };
}

/** The replica part of a context, for whoever builds one from an opened store (serve, CLI). */
export function replicaOf(opened: OpenDatabase): Pick<LibraryContext, 'readDb' | 'readFence'> {
  return opened.read ? { readDb: opened.read.db, readFence: opened.read.fence } : {};
}
