/**
 * The page to return to after SSO: only a path on this site, so the sign-in cannot be used to
 * send someone to another site with Codecard's name on the link (an open redirect). "//host"
 * and "/\\host" are read by browsers as other sites, so they are refused too.
 */
export function safeReturnTo(raw: string | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  const base = 'http://codecard.invalid';
  const url = new URL(raw, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}
