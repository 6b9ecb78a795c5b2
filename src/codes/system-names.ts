/** The name of the dataset that lists a system's codes, for messages ("HCPCS" lists modifiers too). */
export function datasetName(system: string): string {
  switch (system) {
    case 'cpt':
      return 'CPT';
    case 'hcpcs':
    case 'modifier':
      return 'HCPCS';
    case 'icd10cm':
      return 'ICD-10-CM';
    default:
      return system;
  }
}
