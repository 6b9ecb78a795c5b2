import type { Db } from '../db/database.ts';
import type { AuditEntry } from '../domain/audit-action.ts';

export interface AuditRow {
  id: number;
  at: Date;
  org_id: string | null;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_api_key_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
}

export interface AuditFilter {
  orgId: string;
  action?: string;
  actorUserId?: string;
  outcome?: string;
  from?: string;
  to?: string;
  /** Entries older than this id (paging backwards in time). */
  before?: number;
  limit: number;
}

export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      actor_user_id: entry.actorUserId,
      actor_api_key_id: entry.actorApiKeyId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
    })
    .execute();
}

/** The organization's entries, newest first, filtered. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.at',
      'a.org_id',
      'a.actor_user_id',
      'u.email as actor_email',
      'a.actor_api_key_id',
      'a.action',
      'a.target_type',
      'a.target_id',
      'a.outcome',
      'a.ip',
    ])
    .where('a.org_id', '=', filter.orgId);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.actorUserId) query = query.where('a.actor_user_id', '=', filter.actorUserId);
  if (filter.outcome) query = query.where('a.outcome', '=', filter.outcome);
  if (filter.from) query = query.where('a.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('a.at', '<', new Date(filter.to));
  if (filter.before !== undefined) query = query.where('a.id', '<', filter.before);
  return query.orderBy('a.id', 'desc').limit(filter.limit).execute();
}
