import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves the focus to `target` after the next change of `trigger`, when armed: a submitted form's
 * problems, a check's findings. Returns `arm(on)`; an unarmed change leaves the focus alone.
 */
export function useFocusAfter(trigger: unknown, target: RefObject<HTMLElement | null>) {
  const armed = useRef(false);
  useEffect(() => {
    if (armed.current && trigger) {
      armed.current = false;
      target.current?.focus();
    }
  }, [trigger]);
  return (on = true) => {
    armed.current = on;
  };
}
