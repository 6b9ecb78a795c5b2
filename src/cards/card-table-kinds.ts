/** The table kinds a card reads facts from (descriptors, NCCI, RVU, add-on, coverage). */
export const cardTableKinds: readonly string[] = [
  'code-table',
  'hcpcs',
  'icd10cm-order',
  'ncci-ptp',
  'ncci-mue',
  'mpfs-rvu',
  'add-on',
  'coverage',
];
