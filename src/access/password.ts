import { hash, verify } from '@node-rs/argon2';
import { CodecardError } from '../errors/codecard-error.ts';

const MIN_LENGTH = 12;
const MAX_LENGTH = 1024;

/** argon2id with the library's defaults (OWASP's 19 MiB, 2 passes); the salt is per hash. */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordRules(password);
  return hash(password);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Length is what makes a password strong; composition rules only annoy (NIST SP 800-63B). */
export function checkPasswordRules(password: string): void {
  if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
    throw new CodecardError('WEAK_PASSWORD', { min: MIN_LENGTH, max: MAX_LENGTH });
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends a verify's time when the account does not exist, so timing does not reveal it. */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hash('not-a-real-password-for-timing');
  await passwordMatches(await dummyHash, password);
  return false;
}
