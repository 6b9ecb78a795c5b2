/**
 * The address of an invite page. The token travels in the fragment (#), which browsers never
 * send to a server, so it cannot end up in an access log or a Referer header.
 */
export function inviteLink(base: string, token: string): string {
  return `${base.replace(/\/$/, '')}/setup#token=${encodeURIComponent(token)}`;
}
