/** Why the sign-in page is shown, besides a first visit. */
export type SignInReason = 'expired' | 'signed-out';

/**
 * The sign-in page's address: where to go back to afterwards (`next`, an in-app path) and why
 * the user is there.
 */
export function signInPath(next: string, reason: SignInReason | null = null): string {
  const query = new URLSearchParams();
  if (next !== '/' && safeNext(next) === next) query.set('next', next);
  if (reason) query.set('reason', reason);
  const search = query.toString();
  return search ? `/sign-in?${search}` : '/sign-in';
}

/**
 * Where to go after signing in: an in-app path only (never another site: `//evil.example` or
 * `https://…` fall back to the start page), and never back to the sign-in or setup page.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(sign-in|setup)(?:[/?#]|$)/.test(next)) return '/';
  return next;
}
