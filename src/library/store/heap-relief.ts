import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Large imports allocate ~1 KB of short-lived objects per row; V8 lets that garbage grow the
 * heap by hundreds of MB before a full collection (a 2M-row PTP import peaked at 1.6 GB RSS, and
 * 0.8 GB with the heap capped). The store cannot pass V8 flags to the process it runs in, so it
 * asks for a full collection itself every so many rows during a load.
 */
let collect: (() => void) | null | undefined;

export function relieveHeap(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
