import { z } from 'zod';
import { CodecardError } from '../errors/codecard-error.ts';
import { fetchJsonBounded } from './bounded-fetch.ts';

/** The fields of `.well-known/smart-configuration` (SMART App Launch 2.x) Codecard uses. */
const smartConfigurationSchema = z.looseObject({
  issuer: z.url().optional(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  capabilities: z.array(z.string()).optional(),
});
export type SmartConfiguration = z.infer<typeof smartConfigurationSchema>;

/**
 * Discovers the EHR's authorization server from its FHIR base (10 s, 100 kB at most). An EHR
 * that says which PKCE methods it supports must list S256 (SMART 2.x requires it).
 */
export async function discoverSmart(iss: string): Promise<SmartConfiguration> {
  const base = iss.endsWith('/') ? iss : `${iss}/`;
  const url = new URL('.well-known/smart-configuration', base);
  const body = await fetchJsonBounded(url, {
    timeoutMs: 10_000,
    maxBytes: 100_000,
    failure: 'SMART_LAUNCH_FAILED',
    label: 'smart-configuration',
  });
  const parsed = smartConfigurationSchema.safeParse(body);
  if (!parsed.success) {
    throw new CodecardError('SMART_LAUNCH_FAILED', {
      reason: 'the EHR’s smart-configuration lacks its endpoints',
    });
  }
  const methods = parsed.data.code_challenge_methods_supported;
  if (methods && !methods.includes('S256')) {
    throw new CodecardError('SMART_LAUNCH_FAILED', { reason: 'the EHR does not offer PKCE S256' });
  }
  return parsed.data;
}
