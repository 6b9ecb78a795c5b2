import { z } from 'zod';
import { AUDIT_ACTIONS } from '../domain/audit-action.ts';
import { ROLES } from '../domain/role.ts';

export const roleSchema = z.enum(ROLES);

const emailSchema = z.string().trim().min(3).max(320);
const passwordSchema = z.string().min(1).max(1024);

export const signInSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  /** Which of the user's organizations to work in (default: the first they joined). */
  orgId: z.string().max(100).optional(),
});

export const orgMembershipSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema });

/** The signed-in caller: who, in which organization, with which role. */
export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), instanceAdmin: z.boolean() }),
  org: orgMembershipSchema,
  orgs: z.array(orgMembershipSchema),
  via: z.enum(['session', 'api-key']),
});
export type Me = z.infer<typeof meSchema>;

export const signedOutSchema = z.object({ status: z.literal('signed-out'), sessions: z.number() });

export const setupStatusSchema = z.object({
  /** No administrator exists yet: only the setup link works. */
  needsSetup: z.boolean(),
  /** SSO is configured: the sign-in page offers it. */
  sso: z.boolean(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const inviteTokenQuerySchema = z.object({ token: z.string().min(1).max(200) });

export const inviteInfoSchema = z.object({
  orgId: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  instanceAdmin: z.boolean(),
});
export type InviteInfo = z.infer<typeof inviteInfoSchema>;

export const acceptInviteSchema = z.object({
  token: z.string().min(1).max(200),
  email: emailSchema,
  password: passwordSchema,
  displayName: z.string().max(200).default(''),
});

export const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  instanceAdmin: z.boolean(),
  signsInWith: z.enum(['password', 'sso', 'invited']),
  createdAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
export const membersSchema = z.object({ members: z.array(memberSchema) });

export const userParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const roleChangeSchema = z.object({ role: roleSchema });

export const createInviteSchema = z.object({
  email: emailSchema.optional(),
  role: roleSchema,
});
/** A one-time link; the token is shown here once and stored only as a hash. */
export const createdInviteSchema = z.object({ token: z.string(), expiresAt: z.string() });

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;
export const apiKeysSchema = z.object({ keys: z.array(apiKeySchema) });
export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
});
/** The key itself appears in this reply only. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
export const apiKeyParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  user: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  next: z.number().nullable(),
});

export const orgSchema = z.object({ id: z.string(), name: z.string() });
export const orgsSchema = z.object({ orgs: z.array(orgSchema) });
export const createOrgSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2 to 63 long'),
  name: z.string().trim().min(1).max(200),
  /** Invite its first admin at once (the link is in the reply). */
  adminEmail: emailSchema.optional(),
});
export const createdOrgSchema = orgSchema.extend({ adminInvite: createdInviteSchema.nullable() });

export const doneSchema = z.object({ status: z.enum(['removed', 'revoked']) });

export const auditCsvResponse = {
  description: 'The filtered audit log, as CSV (ids only, no question or claim content)',
  content: { 'text/csv': { schema: z.string() } },
};
