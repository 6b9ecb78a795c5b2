import type { Db } from '../db/database.ts';
import type { AccessPolicy } from './access-policy.ts';

/** What the account services need: the store, the policy and a clock tests can move. */
export interface AccessContext {
  db: Db;
  policy: AccessPolicy;
  now: () => Date;
}
