import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../access/audit.repository.ts';
import type { Db } from '../../db/database.ts';
import type { AuditAction, AuditOutcome } from '../../domain/audit-action.ts';
import type { Principal } from '../../domain/principal.ts';

export interface AuditTarget {
  type: string;
  id: string;
}

/** Appends one audit entry for a request: who (user and key), from where, did what to which id. */
export async function auditRequest(
  db: Db,
  request: FastifyRequest,
  action: AuditAction,
  outcome: AuditOutcome,
  target?: AuditTarget,
  actor: Principal | null = request.principal,
): Promise<void> {
  await appendAudit(db, {
    orgId: actor?.orgId ?? null,
    actorUserId: actor?.userId ?? null,
    actorApiKeyId: actor?.apiKeyId ?? null,
    action,
    outcome,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    ip: request.ip,
  });
}
