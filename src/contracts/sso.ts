import { z } from 'zod';

/** Where to land after signing in with SSO: a path on this site (checked again by the route). */
export const ssoStartQuerySchema = z.object({ returnTo: z.string().max(2000).optional() });

/** The SSO routes answer with a redirect, never a body. */
export const ssoRedirectSchema = z.null().describe('302: the Location header says where to go');
