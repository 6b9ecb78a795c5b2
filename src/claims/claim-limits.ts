/**
 * Size limits for claim inputs. They bound memory and time for one upload and are far above
 * real batches (a clearinghouse file rarely holds more than a few thousand claims; the 837
 * itself caps a professional claim at 50 lines and an institutional one at 999).
 */
export const MAX_CLAIMS = 100_000;
export const MAX_LINES_PER_CLAIM = 1_000;
/** Units are a count of services; the 837 quantity field allows larger numbers but no MUE does. */
export const MAX_UNITS = 9_999;
/**
 * Streamed NDJSON (`codecard check`) is not bound by MAX_CLAIMS: that limit bounds the memory of
 * parsing a whole file, and a stream holds one claim at a time. What a stream keeps per claim is
 * its id's hash for duplicate detection (StreamedClaimIds, ~16-32 bytes), bounded by this.
 */
export const MAX_STREAMED_CLAIMS = 5_000_000;
/** One NDJSON line is one claim: at MAX_LINES_PER_CLAIM lines it stays far below this. */
export const MAX_NDJSON_LINE_BYTES = 8 * 1024 * 1024;
