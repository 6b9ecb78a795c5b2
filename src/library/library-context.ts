import type { AppEvent, EventSink } from '../domain/app-event.ts';
import type { Db } from '../db/database.ts';

/** Who is asking and where the library lives. The org comes from the caller, never a body. */
export interface LibraryContext {
  db: Db;
  engine: 'pglite' | 'postgres';
  orgId: string;
  /** Where this context's usage events go (the Performance dashboard's source). */
  events: EventSink;
  /** PostgreSQL: the store fenced to one organization by row-level security. */
  fence?: (orgId: string) => Db;
}

export const DEFAULT_ORG = 'default';

/** Queues a usage event for the context's organization; returns at once and never throws. */
export function recordEvent(ctx: LibraryContext, event: AppEvent): void {
  ctx.events.record(ctx.orgId, event);
}

/** The same library seen as one organization: what a signed-in request works with. */
export function forOrg(ctx: LibraryContext, orgId: string): LibraryContext {
  return { ...ctx, orgId, db: ctx.fence ? ctx.fence(orgId) : ctx.db };
}
