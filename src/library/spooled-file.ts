/**
 * An uploaded file written to the spool directory: its bytes stay on disk, hashed and counted
 * as they arrived, until its import (or check) reads them; whoever consumes it deletes it.
 */
export interface SpooledFile {
  /** The client's file name (base name only). */
  fileName: string;
  path: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed while they were written. */
  sha256: string;
}
