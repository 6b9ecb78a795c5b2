/**
 * The EHR session a SMART launch hands the page (issue 18). Inside the EHR's iframe,
 * third-party cookies are unreliable, so the callback redirects to `/case#session=…&case=…`
 * and the page keeps both tokens in sessionStorage (this tab only, gone when it closes); the
 * API client sends them on every request while they are held. Outside the EHR nothing is held
 * and the session cookie works as before.
 */

const SESSION_KEY = 'codecard.ehr.session';
const CASE_KEY = 'codecard.ehr.case';

/** Where the tokens live: sessionStorage, or nothing when storage is refused (a locked frame). */
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * On the case page, moves `#session=…&case=…` from the address into sessionStorage and removes
 * the fragment (so it is not bookmarked, shared or left in the history). Returns whether tokens
 * were found.
 */
export function adoptEhrSessionFromUrl(location: Location = window.location): boolean {
  if (location.pathname !== '/case' || !location.hash) return false;
  const fragment = new URLSearchParams(location.hash.slice(1));
  const session = fragment.get('session');
  const caseToken = fragment.get('case');
  if (!session && !caseToken) return false;
  const store = storage();
  if (session) store?.setItem(SESSION_KEY, session);
  if (caseToken) store?.setItem(CASE_KEY, caseToken);
  window.history.replaceState(window.history.state, '', `${location.pathname}${location.search}`);
  return true;
}

/** Whether this tab holds an EHR session (the app was opened from a chart). */
export function hasEhrSession(): boolean {
  return Boolean(storage()?.getItem(SESSION_KEY));
}

/** Whether this tab holds a case token (an encounter to show). */
export function hasEhrCase(): boolean {
  return Boolean(storage()?.getItem(CASE_KEY));
}

/** Forgets the EHR session (it ended: the user opens Codecard again from the chart). */
export function clearEhrSession(): void {
  storage()?.removeItem(SESSION_KEY);
  storage()?.removeItem(CASE_KEY);
}

/** Adds the held tokens to a request's headers (never over headers the caller set). */
export function addEhrHeaders(headers: Headers): void {
  const store = storage();
  const session = store?.getItem(SESSION_KEY);
  const caseToken = store?.getItem(CASE_KEY);
  if (session && !headers.has('authorization')) headers.set('authorization', `Bearer ${session}`);
  if (caseToken && !headers.has('x-codecard-case')) headers.set('x-codecard-case', caseToken);
}
