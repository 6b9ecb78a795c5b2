import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';
import { FENCED_ROLE } from './migrations/20261205020000-fence-organizations.ts';

/**
 * The store as one organization sees it on PostgreSQL: each connection it hands out has taken
 * the fenced role and names the organization (a single query or a whole transaction runs so),
 * and is reset before it goes back to the shared pool. One Kysely per organization, sharing
 * the pool; the row-level security policies do the fencing.
 */
export function orgFence(pool: pg.Pool): (orgId: string) => Kysely<Database> {
  const fenced = new Map<string, Kysely<Database>>();
  return (orgId) => {
    let db = fenced.get(orgId);
    if (!db) {
      db = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: fencedPool(pool, orgId) }),
      });
      fenced.set(orgId, db);
    }
    return db;
  };
}

function fencedPool(pool: pg.Pool, orgId: string) {
  return {
    async connect() {
      const client = await pool.connect();
      try {
        // One round trip (`role` is the setting SET ROLE sets), on every fenced query.
        await client.query(
          `select set_config('role', $1, false), set_config('codecard.org_id', $2, false)`,
          [FENCED_ROLE, orgId],
        );
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      const release = client.release.bind(client);
      // A connection goes back to the pool only after it is itself again; one that cannot be
      // reset is destroyed instead of being handed to the next caller fenced.
      client.release = (failure?: Error | boolean) => {
        if (failure) return release(failure);
        client.query('reset role; reset codecard.org_id').then(
          () => release(),
          (error: Error) => release(error),
        );
      };
      return client;
    },
    // The shared pool is ended by the store's own close.
    end: () => Promise.resolve(),
  };
}
