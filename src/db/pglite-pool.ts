import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite is one connection. This adapter gives Kysely's own PostgresDriver the `pg.Pool` shape
 * it expects, handing the single connection out to one holder at a time, so transactions and
 * savepoints work exactly as on a PostgreSQL server (one dialect, one driver code path).
 *
 * A query whose only parameter is a Blob and whose text starts with COPY is run as
 * `COPY ... FROM '/dev/blob'` with that Blob: PGlite's fast bulk-load path. `COPY ... TO '/dev/blob'`
 * returns one row `{blob}` with the output.
 */
export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();
  private readonly pglite: PGlite;

  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }

  async connect(): Promise<PGliteClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => released);
    await previous;
    return new PGliteClient(this.pglite, release);
  }

  async end(): Promise<void> {
    await this.queue;
  }
}

export interface PoolQueryResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

class PGliteClient {
  private readonly pglite: PGlite;
  private readonly onRelease: () => void;

  constructor(pglite: PGlite, onRelease: () => void) {
    this.pglite = pglite;
    this.onRelease = onRelease;
  }

  async query(text: string, parameters: unknown[]): Promise<PoolQueryResult> {
    const first = parameters[0];
    const isCopy = parameters.length === 1 && first instanceof Blob && /^\s*copy\s/i.test(text);
    const result = isCopy
      ? await this.pglite.query(text, [], { blob: first })
      : await this.pglite.query(text, parameters);
    // COPY ... TO '/dev/blob' hands its output back as a Blob: one row carrying it.
    const rows =
      result.blob && /\sto\s+'\/dev\/blob'/i.test(text) ? [{ blob: result.blob }] : result.rows;
    return {
      command: commandOf(text),
      rowCount: result.affectedRows ?? rows.length,
      rows,
    };
  }

  release(): void {
    this.onRelease();
  }
}

function commandOf(text: string): string {
  const match = /^\s*(\w+)/.exec(text);
  return (match?.[1] ?? '').toUpperCase();
}
