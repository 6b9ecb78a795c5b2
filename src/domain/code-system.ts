/** The code sets a library holds: CPT, HCPCS Level II, ICD-10-CM diagnoses and modifiers. */
export const codeSystems = ['cpt', 'hcpcs', 'icd10cm', 'modifier'] as const;

export type CodeSystem = (typeof codeSystems)[number];

export function isCodeSystem(value: unknown): value is CodeSystem {
  return codeSystems.some((system) => system === value);
}
