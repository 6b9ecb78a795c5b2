/** The first administrator the e2e server is set up with (through its printed setup link). */
export const e2eAdmin = {
  email: 'e2e-admin@example.org',
  password: 'correct horse battery staple',
  displayName: 'E2E Admin',
};

/** The session cookie's value in a `set-cookie` answer. */
export function sessionCookieOf(response: Response): string {
  for (const header of response.headers.getSetCookie()) {
    const found = /^codecard_session=([^;]+)/.exec(header);
    if (found) return found[1]!;
  }
  throw new Error(`no session cookie in the answer (${response.status})`);
}

/**
 * Redeems an invite or setup link's token: creates the account and returns its session
 * cookie. Sends an Origin, as a browser would: the server accepts changes from itself only.
 */
export async function redeemInvite(
  baseUrl: string,
  token: string,
  account: { email: string; password: string; displayName: string },
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/invites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ token, ...account }),
  });
  if (response.status !== 201)
    throw new Error(`redeeming the invite answered ${response.status}: ${await response.text()}`);
  return sessionCookieOf(response);
}

/** Headers for a request from the tests as a signed-in browser of the same origin would send. */
export function sessionHeaders(baseUrl: string, cookie: string): Record<string, string> {
  return { cookie: `codecard_session=${cookie}`, origin: baseUrl };
}
