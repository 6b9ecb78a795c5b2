/**
 * A database error by its SQLSTATE only: its message can quote the values it was given ("invalid
 * input syntax …: "…""), and those can be events or question text. Other errors (a closed pool)
 * say what happened.
 */
export function describeDbError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  if ('code' in error && typeof error.code === 'string') return `database error ${error.code}`;
  return error.message;
}
