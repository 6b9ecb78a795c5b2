/**
 * An uploaded file in the blob store: its bytes stay there, hashed and counted as they arrived,
 * until its import (or check) reads them, on whichever instance or worker that runs; whoever
 * consumes it deletes it. Plain JSON, so a durable job can keep it as its input.
 */
export interface SpooledFile {
  /** The client's file name (base name only). */
  fileName: string;
  /** The blob's key in the store (generated; never the client's file name). */
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed while they were written. */
  sha256: string;
}
