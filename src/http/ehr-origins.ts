import type { Db } from '../db/database.ts';
import { allEhrFrameAncestors } from '../ehr/ehr-connections.repository.ts';

const REFRESH_MS = 30_000;

/**
 * The origins every EHR connection on the instance names as frame ancestors: what the pages'
 * CSP `frame-ancestors` (ehr-frame-ancestors.ts) and the CDS Hooks CORS (cds-hooks-cors.ts)
 * allow. One copy per app, read from the database every 30 s at most; `forget` drops it at
 * once when this instance saves a connection.
 */
export class EhrOrigins {
  private cached: { origins: string[]; at: number } | null = null;

  constructor(private readonly db: Db) {}

  async list(): Promise<string[]> {
    if (!this.cached || Date.now() - this.cached.at > REFRESH_MS) {
      const urls = await allEhrFrameAncestors(this.db);
      this.cached = {
        origins: [...new Set(urls.map((url) => new URL(url).origin))],
        at: Date.now(),
      };
    }
    return this.cached.origins;
  }

  forget(): void {
    this.cached = null;
  }
}
