import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../../../../src/contracts/access.ts';
import { roleIncludes, type Role } from '../../../../src/domain/role.ts';
import { ApiError, SIGNED_OUT_EVENT, api, postJson } from '../../api/client.ts';

/** Where the app stands with the server: who is signed in, or why nobody is. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; me: Me }
  /** `ended`: the session expired (a later request answered 401) or the user signed out. */
  | { status: 'signed-out'; ended: 'expired' | 'signed-out' | null }
  | { status: 'setup-required' }
  | { status: 'error'; message: string };

export interface Session {
  state: SessionState;
  /** A sign-in or a redeemed invite answered with the caller. */
  signedIn: (me: Me) => void;
  /** Ends this browser's session, or every session of the user. */
  signOut: (everywhere?: boolean) => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** Asks `GET /api/auth/me` once, and follows sign-in, sign-out and expired sessions. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api<Me>('/api/auth/me', { signal: controller.signal }).then(
      (me) => setState({ status: 'signed-in', me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState(stateAfterFailure(error));
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    // Any request that answers 401 SIGN_IN_REQUIRED: the session is gone.
    const ended = () =>
      setState((current) =>
        current.status === 'signed-in' ? { status: 'signed-out', ended: 'expired' } : current,
      );
    window.addEventListener(SIGNED_OUT_EVENT, ended);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, ended);
  }, []);

  const signedIn = useCallback((me: Me) => setState({ status: 'signed-in', me }), []);
  const signOut = useCallback(async (everywhere = false) => {
    await postJson(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out', {});
    setState({ status: 'signed-out', ended: 'signed-out' });
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const session = useMemo(
    () => ({ state, signedIn, signOut, reload }),
    [state, signedIn, signOut, reload],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function stateAfterFailure(error: unknown): SessionState {
  if (error instanceof ApiError && error.code === 'SETUP_REQUIRED')
    return { status: 'setup-required' };
  if (error instanceof ApiError && error.status === 401)
    return { status: 'signed-out', ended: null };
  return { status: 'error', message: error instanceof Error ? error.message : String(error) };
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/**
 * Whether the signed-in role includes `needed`: a courtesy that hides what the server would
 * refuse (the server decides). A page rendered outside the app shell (a page's own tests) has
 * no session and shows everything.
 */
export function useCan(needed: Role): boolean {
  const session = useContext(SessionContext);
  if (!session) return true;
  return session.state.status === 'signed-in' && roleIncludes(session.state.me.org.role, needed);
}

/**
 * Whether the caller is an instance admin (who may change the reference data), with useCan's
 * courtesy: outside the app shell (a page's own tests) it shows everything.
 */
export function useInstanceAdmin(): boolean {
  const session = useContext(SessionContext);
  if (!session) return true;
  return session.state.status === 'signed-in' && session.state.me.user.instanceAdmin;
}
