import type { EditIndex } from './edit-index.ts';
import type { ReferenceIndex } from './reference-index.ts';

const procedureSystems = ['cpt', 'hcpcs', 'modifier'];

/**
 * Whether any table of the library holds the procedure code: NCCI edits, a descriptor table,
 * add-on, RVU indicator or coverage lists. A code none of them holds (99999) is not a code the
 * library can say anything about, so no pair verdict is given for it.
 */
export function knowsCode(edits: EditIndex, reference: ReferenceIndex, code: string): boolean {
  if (edits.codeId(code) !== undefined) return true;
  if (procedureSystems.some((system) => reference.codeEntries(system, code).length > 0))
    return true;
  return (
    reference.addOns.has(code) ||
    reference.bilateral.has(code) ||
    reference.multipleProcedure.has(code) ||
    reference.coverage.has(code)
  );
}
