import type { Transaction } from 'kysely';
import { copyCsv, insertUnnest, toCsvLine, type BulkValue } from '../../db/bulk-insert.ts';
import type { Database } from '../../db/schema.ts';
import type { FactRecord } from '../formats/fact-record.ts';
import { EditScopeTally } from './edit-scope-tally.ts';
import { factTables, type FactTable } from './fact-tables.ts';

/**
 * Pending rows of one table. On PGlite they are kept as the CSV text COPY will read, so a batch
 * holds one string per row instead of an array of values (a 2M-row import promoted ~30 MB of row
 * arrays per batch to the old generation before).
 */
interface Pending {
  count: number;
  csv: string;
  rows: BulkValue[][];
}

type Kind = FactRecord['kind'];

/**
 * Buffers facts per table; `flush` writes them all through the transaction it is given (the
 * import's only one, or one chunk of a staged import). Indexes stay live: dropping them for a
 * load takes the table's ACCESS EXCLUSIVE lock (every reader waits on a server) and, on the
 * embedded store, a staged import cannot leave readers without them between chunks.
 */
export class FactWriter {
  private readonly buffers = new Map<Kind, Pending>();
  private readonly engine: 'pglite' | 'postgres';
  private readonly orgId: string;
  private readonly documentId: number;
  stored = 0;
  /** Rows buffered and not yet written. */
  pending = 0;
  /** What the NCCI edits written so far cover (edit_scopes). */
  readonly scope = new EditScopeTally();

  constructor(engine: 'pglite' | 'postgres', orgId: string, documentId: number) {
    this.engine = engine;
    this.orgId = orgId;
    this.documentId = documentId;
  }

  add(fact: FactRecord): void {
    const spec = factTables[fact.kind] as FactTable<Kind>;
    let pending = this.buffers.get(fact.kind);
    if (!pending) {
      pending = { count: 0, csv: '', rows: [] };
      this.buffers.set(fact.kind, pending);
    }
    if (fact.kind === 'ptp' || fact.kind === 'mue') this.scope.add(fact);
    const row = spec.row(fact, this.orgId, this.documentId);
    if (this.engine === 'pglite') pending.csv += toCsvLine(row);
    else pending.rows.push(row);
    pending.count++;
    this.pending++;
    this.stored++;
  }

  /** The tables this writer has written to. */
  get tables(): (keyof Database)[] {
    return [...this.buffers.keys()].map((kind) => factTables[kind].table);
  }

  async flush(trx: Transaction<Database>): Promise<void> {
    for (const [kind, pending] of this.buffers) {
      if (pending.count === 0) continue;
      const spec = factTables[kind] as FactTable<Kind>;
      this.buffers.set(kind, { count: 0, csv: '', rows: [] });
      if (this.engine === 'pglite') await copyCsv(trx, spec.table, spec.columns, pending.csv);
      else await insertUnnest(trx, spec.table, spec.columns, pending.rows);
    }
    this.pending = 0;
  }
}
