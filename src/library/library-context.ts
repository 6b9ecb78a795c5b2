import type { Db } from '../db/database.ts';

/** Who is asking and where the library lives. The org comes from the caller, never a body. */
export interface LibraryContext {
  db: Db;
  engine: 'pglite' | 'postgres';
  orgId: string;
}

export const DEFAULT_ORG = 'default';
