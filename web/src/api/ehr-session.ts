/**
 * The EHR session a SMART launch hands the page (issue 18). Inside the EHR's iframe,
 * third-party cookies are unreliable, so the callback redirects to `/case#session=…&case=…`
 * and the page keeps both tokens in memory and, where the browser allows a framed page storage,
 * in sessionStorage (this tab only, gone when it closes: a reload keeps the case). A browser
 * that blocks third-party storage (Chromium does) refuses sessionStorage in the frame, so
 * memory is the source that always works. The API client sends them on every request while
 * they are held. Outside the EHR nothing is held and the session cookie works as before.
 */

const SESSION_KEY = 'codecard.ehr.session';
const CASE_KEY = 'codecard.ehr.case';

/** The tokens this page holds (memory: a frame may be refused any storage). */
const held = new Map<string, string>();

/** The tab's sessionStorage, or null when the browser refuses it (a third-party frame). */
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  held.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    // Storage full or refused: memory holds the token for this page.
  }
}

function recall(key: string): string | null {
  return held.get(key) ?? storage()?.getItem(key) ?? null;
}

/**
 * On the case page, moves `#session=…&case=…` from the address into the page's keeping, removing
 * the fragment (so it is not bookmarked, shared or left in the history). Returns whether tokens
 * were found.
 */
export function adoptEhrSessionFromUrl(location: Location = window.location): boolean {
  if (location.pathname !== '/case' || !location.hash) return false;
  const fragment = new URLSearchParams(location.hash.slice(1));
  const session = fragment.get('session');
  const caseToken = fragment.get('case');
  if (!session && !caseToken) return false;
  if (session) remember(SESSION_KEY, session);
  if (caseToken) remember(CASE_KEY, caseToken);
  window.history.replaceState(window.history.state, '', `${location.pathname}${location.search}`);
  return true;
}

/** Whether this tab holds an EHR session (the app was opened from a chart). */
export function hasEhrSession(): boolean {
  return Boolean(recall(SESSION_KEY));
}

/** Whether this tab holds a case token (an encounter to show). */
export function hasEhrCase(): boolean {
  return Boolean(recall(CASE_KEY));
}

/** Forgets the EHR session (it ended: the user opens Codecard again from the chart). */
export function clearEhrSession(): void {
  held.clear();
  storage()?.removeItem(SESSION_KEY);
  storage()?.removeItem(CASE_KEY);
}

/** Adds the held tokens to a request's headers (never over headers the caller set). */
export function addEhrHeaders(headers: Headers): void {
  const session = recall(SESSION_KEY);
  const caseToken = recall(CASE_KEY);
  if (session && !headers.has('authorization')) headers.set('authorization', `Bearer ${session}`);
  if (caseToken && !headers.has('x-codecard-case')) headers.set('x-codecard-case', caseToken);
}
