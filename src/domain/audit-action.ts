/**
 * Everything the audit log records. Entries name ids only: never question text, claim content
 * or document text.
 */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  'sign-out-everywhere',
  'setup',
  'invite.accept',
  'user.invite',
  'user.role',
  'user.remove',
  'api-key.create',
  'api-key.revoke',
  'org.create',
  'reference.choose',
  'reference.sync',
  'document.upload',
  'document.delete',
  'import.cancel',
  'check.run',
  'batch.run',
  'batch.cancel',
  'batch.resume',
  'export',
  'read.questions',
  'read.claims',
  'access.denied',
  'ehr.connection',
  'ehr.access-request',
  'ehr.launch',
  'fhir.read',
  'watch-list.add',
  'watch-list.remove',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  orgId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
}
