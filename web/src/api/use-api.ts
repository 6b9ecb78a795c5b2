import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import { api, type ReadBody } from './client.ts';

export interface UseApiOptions<T> {
  /** Method and body for a request that is not a GET (a claim check); `key` says when to send. */
  init?: Omit<RequestInit, 'signal'>;
  /** Reads the answer's body when it is not JSON (a PDF file as bytes). */
  read?: ReadBody<T>;
  /** Wait this long before asking (a debounced search, a polling interval). */
  delayMs?: number;
  /** Another value asks again for the same path (the next poll of a job). */
  key?: unknown;
  /** A failed request keeps the last data on screen (default: the data is cleared). */
  keepDataOnError?: boolean;
  /** Called with each answer of the current request (never for a cancelled one). */
  onSuccess?: (data: T) => void;
  /** Called when the current request fails (never when it was cancelled). */
  onError?: (error: Error) => void;
}

export interface ApiLoad<T> {
  /** The last answer; it stays while a new request runs, so a page can show it as busy. */
  data: T | null;
  error: Error | null;
  loading: boolean;
  /** Asks again (a retry button). */
  reload: () => void;
  /** Changes the shown data without asking (an item removed before the list reloads). */
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * Loads `path` from the API (typed by the contracts) and keeps its data, loading state and
 * error. A request is cancelled (AbortController) when the path, the key or a retry replaces it
 * and when the component unmounts, so an old answer never overwrites a newer one. A null path
 * asks for nothing and clears the data.
 */
export function useApi<T>(path: string | null, options: UseApiOptions<T> = {}): ApiLoad<T> {
  const { delayMs = 0, key, keepDataOnError = false } = options;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [attempt, setAttempt] = useState(0);
  // The latest callbacks, so a page's inline functions do not restart the request.
  const callbacks = useRef(options);
  callbacks.current = options;

  useEffect(() => {
    if (path === null) {
      setData(null);
      setError(null);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setError(null);
    setLoading(true);
    const request = () =>
      api<T>(
        path,
        { ...callbacks.current.init, signal: controller.signal },
        callbacks.current.read,
      ).then(
        (answer) => {
          if (controller.signal.aborted) return;
          setData(answer);
          setLoading(false);
          callbacks.current.onSuccess?.(answer);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          const failed = failure instanceof Error ? failure : new Error(String(failure));
          if (!keepDataOnError) setData(null);
          setError(failed);
          setLoading(false);
          callbacks.current.onError?.(failed);
        },
      );
    const timer = delayMs > 0 ? setTimeout(() => void request(), delayMs) : null;
    if (timer === null) void request();
    return () => {
      if (timer !== null) clearTimeout(timer);
      controller.abort();
    };
  }, [path, key, attempt, delayMs, keepDataOnError]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/** A failure in words: the API's own message, or the browser's for a network failure. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
