import { useEffect, useRef, useState } from 'react';
import type { FieldProblems } from './form-problems.ts';

/**
 * A form's submit cycle for the error-summary pattern: the fields' problems stop it before any
 * request; the server's refusal becomes `failure`; either moves the focus to the summary.
 */
export function useFormSubmit() {
  const [problems, setProblems] = useState<FieldProblems>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown) summary.current?.focus();
  }, [shown]);

  /** Checks `found`; when there is none, runs `send` and words its failure with `describe`. */
  const submit = async (
    found: FieldProblems,
    send: () => Promise<void>,
    describe: (error: Error) => string,
  ) => {
    setProblems(found);
    setFailure(null);
    if (found.size > 0) {
      setShown((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await send();
    } catch (error) {
      setFailure(describe(error instanceof Error ? error : new Error(String(error))));
      setShown((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return { problems, failure, busy, summary, submit };
}
