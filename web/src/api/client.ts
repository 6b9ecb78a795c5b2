import { addEhrHeaders } from './ehr-session.ts';

/** An API error in the server's shape: `{error: {code, message}}`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** The error's `details`, when the server gives some (a card's NOT_FOUND). */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Sent on the window when any request answers 401 SIGN_IN_REQUIRED. */
export const SIGNED_OUT_EVENT = 'codecard:signed-out';

/** Reads a successful answer's body (JSON by default; a file as bytes). */
export type ReadBody<T> = (response: Response) => Promise<T>;

/** Calls the API and returns its JSON; a non-2xx answer throws an ApiError with its message. */
export async function api<T>(path: string, init: RequestInit = {}, read?: ReadBody<T>): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && typeof init.body === 'string')
    headers.set('content-type', 'application/json');
  // Opened from a chart: the EHR session's tokens, since the frame may get no cookie.
  addEhrHeaders(headers);
  const response = await fetch(path, { ...init, headers });
  if (read && response.ok) return read(response);
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (
      body as {
        error?: { code?: string; message?: string; details?: Record<string, unknown> };
      } | null
    )?.error;
    // The session ended (expired, or signed out elsewhere): the app shell takes the user to
    // the sign-in page. Only this code: a wrong password is SIGN_IN_FAILED.
    if (response.status === 401 && error?.code === 'SIGN_IN_REQUIRED')
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_ERROR',
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return body as T;
}

export const postJson = <T>(path: string, payload: unknown) =>
  api<T>(path, { method: 'POST', body: JSON.stringify(payload) });
