import { ApiError } from '../../api/client.ts';

/** A refused sign-in as a message key and values (translated where it is shown). */
export function signInFailure(error: Error): { key: string; values?: Record<string, string> } {
  if (error instanceof ApiError && error.code === 'SIGN_IN_FAILED') return { key: 'signIn.failed' };
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    // The server says how long in its message ("try again in 42 seconds").
    const seconds = /(\d+)/.exec(error.message)?.[1];
    return seconds ? { key: 'signIn.locked', values: { seconds } } : { key: 'signIn.lockedNow' };
  }
  return { key: 'common.error', values: { message: error.message } };
}
