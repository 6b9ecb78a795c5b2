import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';
import { FENCED_ROLE } from './migrations/20261205020000-fence-organizations.ts';

/**
 * Which organization each pooled connection is fenced to (none: it is itself). A connection keeps
 * its fence when it goes back to the pool, so the next fenced query of the same organization
 * costs no extra round trip: before, every fenced query paid one to fence and one to reset, which
 * tripled a card's round trips and held the pool's few connections three times as long under
 * load. The state is per session (`set_config(…, false)` outside any transaction sticks).
 */
const fencedAs = new WeakMap<pg.PoolClient, string>();

/**
 * The store as one organization sees it on PostgreSQL: each connection it hands out has taken
 * the fenced role and names the organization (a single query or a whole transaction runs so).
 * One Kysely per organization, sharing the pool; the row-level security policies do the fencing.
 * Unfenced users of the same pool take their connections through `unfencedPool`, which resets a
 * fenced connection before handing it out.
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

/** The pool as the server's own role uses it: a connection last fenced is reset first. */
export function unfencedPool(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      if (fencedAs.has(client)) {
        await settle(client, () => client.query('reset role; reset codecard.org_id'));
        fencedAs.delete(client);
      }
      return client;
    },
    // The shared pool is ended by the store's own close.
    end: () => Promise.resolve(),
  };
}

function fencedPool(pool: pg.Pool, orgId: string) {
  return {
    async connect() {
      const client = await pool.connect();
      if (fencedAs.get(client) !== orgId) {
        // One round trip (`role` is the setting SET ROLE sets), only when the connection was
        // last used unfenced or for another organization.
        await settle(client, () =>
          client.query(
            `select set_config('role', $1, false), set_config('codecard.org_id', $2, false)`,
            [FENCED_ROLE, orgId],
          ),
        );
        fencedAs.set(client, orgId);
      }
      return client;
    },
    end: () => Promise.resolve(),
  };
}

/**
 * Runs the fence change; a connection whose fence could not be changed is destroyed rather than
 * handed to anyone in an unknown state.
 */
async function settle(client: pg.PoolClient, change: () => Promise<unknown>): Promise<void> {
  try {
    await change();
  } catch (error) {
    fencedAs.delete(client);
    client.release(error as Error);
    throw error;
  }
}
