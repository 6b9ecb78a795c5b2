/**
 * An add-on code is reported only with one of its primary procedures on the same date (CMS
 * add-on code edits). The verdict for one add-on line, given the primaries in force on its date
 * and the codes billed that day.
 */
export type AddOnVerdict =
  | { kind: 'primary-present'; primary: string }
  | { kind: 'primary-missing'; primaries: readonly string[] };

export function addOnVerdict(
  primaries: ReadonlySet<string>,
  codesOnDate: Iterable<string>,
): AddOnVerdict {
  for (const code of codesOnDate)
    if (primaries.has(code)) return { kind: 'primary-present', primary: code };
  return { kind: 'primary-missing', primaries: [...primaries] };
}
