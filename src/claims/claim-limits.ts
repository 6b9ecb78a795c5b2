/**
 * Size limits for claim inputs. They bound memory and time for one upload and are far above
 * real batches (a clearinghouse file rarely holds more than a few thousand claims; the 837
 * itself caps a professional claim at 50 lines and an institutional one at 999).
 */
export const MAX_CLAIMS = 100_000;
export const MAX_LINES_PER_CLAIM = 1_000;
/** Units are a count of services; the 837 quantity field allows larger numbers but no MUE does. */
export const MAX_UNITS = 9_999;
