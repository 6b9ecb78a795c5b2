/**
 * Splits a cell that lists several codes ("62321, 62323; 64483 64484") into its codes. Spaces
 * around range dashes are closed up first so "M54.10 - M54.18" stays one range token.
 */
export function splitCodeList(cell: string): string[] {
  return cell
    .toUpperCase()
    .replace(/\s*[-\u2013\u2014]\s*/g, '-')
    .split(/[\s,;|/]+/)
    .filter((token) => token !== '');
}

/** "M54.10-M54.18" or "62320-62327": a range token that needs the code set to expand. */
export function isCodeRange(token: string): boolean {
  return /^[0-9A-Z.]+-[0-9A-Z.]+$/.test(token);
}
