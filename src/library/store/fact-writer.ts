import type { Transaction } from 'kysely';
import { copyCsv, insertUnnest, toCsvLine, type BulkValue } from '../../db/bulk-insert.ts';
import type { Database } from '../../db/schema.ts';
import type { FactRecord } from '../formats/fact-record.ts';
import { factTables, type FactTable } from './fact-tables.ts';
import { createIndex, dropIndex, tableIndexes } from './table-maintenance.repository.ts';

const FLUSH_ROWS = 20_000;

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
/**
 * Above this many incoming rows, a table's indexes are dropped for the load and rebuilt after:
 * maintaining three b-trees row by row made a 2M-row COPY four times slower than building them
 * once. It all happens inside the import's transaction, so a failure leaves the indexes as they
 * were.
 */
const REBUILD_INDEXES_ABOVE = 200_000;

type Kind = FactRecord['kind'];

/** Buffers facts per table and writes them in large batches inside one transaction. */
export class FactWriter {
  private readonly buffers = new Map<Kind, Pending>();
  private readonly droppedIndexes = new Map<string, string[]>();
  private readonly trx: Transaction<Database>;
  private readonly engine: 'pglite' | 'postgres';
  private readonly orgId: string;
  private readonly documentId: number;
  private readonly rebuildIndexes: boolean;
  stored = 0;

  constructor(
    trx: Transaction<Database>,
    engine: 'pglite' | 'postgres',
    orgId: string,
    documentId: number,
    expectedRows: number,
  ) {
    this.trx = trx;
    this.engine = engine;
    this.orgId = orgId;
    this.documentId = documentId;
    this.rebuildIndexes = expectedRows > REBUILD_INDEXES_ABOVE;
  }

  async add(fact: FactRecord): Promise<void> {
    const spec = factTables[fact.kind] as FactTable<Kind>;
    let pending = this.buffers.get(fact.kind);
    if (!pending) {
      pending = { count: 0, csv: '', rows: [] };
      this.buffers.set(fact.kind, pending);
    }
    const row = spec.row(fact, this.orgId, this.documentId);
    if (this.engine === 'pglite') pending.csv += toCsvLine(row);
    else pending.rows.push(row);
    pending.count++;
    this.stored++;
    if (pending.count >= FLUSH_ROWS) await this.flush(fact.kind);
  }

  /** The tables this writer has written to. */
  get tables(): (keyof Database)[] {
    return [...this.buffers.keys()].map((kind) => factTables[kind].table);
  }

  async finish(): Promise<void> {
    for (const kind of this.buffers.keys()) await this.flush(kind);
    for (const [, definitions] of this.droppedIndexes) {
      for (const definition of definitions) await createIndex(this.trx, definition);
    }
    this.droppedIndexes.clear();
  }

  private async flush(kind: Kind): Promise<void> {
    const pending = this.buffers.get(kind);
    if (!pending || pending.count === 0) return;
    const spec = factTables[kind] as FactTable<Kind>;
    if (this.rebuildIndexes && !this.droppedIndexes.has(spec.table))
      await this.dropIndexes(spec.table);
    this.buffers.set(kind, { count: 0, csv: '', rows: [] });
    if (this.engine === 'pglite') await copyCsv(this.trx, spec.table, spec.columns, pending.csv);
    else await insertUnnest(this.trx, spec.table, spec.columns, pending.rows);
  }

  private async dropIndexes(table: string): Promise<void> {
    const rows = await tableIndexes(this.trx, table);
    this.droppedIndexes.set(
      table,
      rows.map((r) => r.indexdef),
    );
    for (const row of rows) await dropIndex(this.trx, row.indexname);
  }
}
