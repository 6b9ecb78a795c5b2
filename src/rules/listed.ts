const MAX_LISTED = 8;

/** Codes for a message: the first few, comma-separated, with an ellipsis when there are more. */
export function listed(codes: readonly string[]): string {
  const shown = codes.slice(0, MAX_LISTED).join(', ');
  return codes.length > MAX_LISTED ? `${shown}, …` : shown;
}
