import { ParserPool, type ParserPoolOptions } from './parser-pool.ts';

let options: ParserPoolOptions = {};
let shared: ParserPool | null = null;

/**
 * The process's parser pool, started on first use. The server and the CLI configure it from
 * their config before importing anything (CODECARD_PARSE_HEAP_MB, CODECARD_PARSE_TIMEOUT_MS)
 * and close it on shutdown; tests and scripts get the defaults.
 */
export function sharedParserPool(): ParserPool {
  shared ??= new ParserPool(options);
  return shared;
}

/** Sets the limits of the shared pool; a pool already started is replaced. */
export function configureParserPool(next: ParserPoolOptions): void {
  options = next;
  const previous = shared;
  shared = null;
  void previous?.close();
}

/** Stops the shared pool's threads (shutdown); a later parse starts a new pool. */
export async function closeParserPool(): Promise<void> {
  const previous = shared;
  shared = null;
  await previous?.close();
}
