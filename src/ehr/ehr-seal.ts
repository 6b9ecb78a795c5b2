import { Sealer } from '../access/sso-seal.ts';
import type { Db } from '../db/database.ts';
import { ehrSealSecret } from './smart-launches.repository.ts';

/**
 * The sealer for SMART values (a launch's PKCE verifier, the case token with the EHR's access
 * token): AES-256-GCM under the instance key kept in the database, so every instance opens what
 * another sealed and restarts change nothing. Read once per process.
 */
export class EhrSeal {
  private sealer: Promise<Sealer> | null = null;

  constructor(private readonly db: Db) {}

  get(): Promise<Sealer> {
    this.sealer ??= ehrSealSecret(this.db).then(
      (secret) => new Sealer(secret),
      (error: unknown) => {
        this.sealer = null;
        throw error;
      },
    );
    return this.sealer;
  }
}
