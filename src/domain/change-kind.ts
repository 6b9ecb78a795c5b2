/**
 * What one row key did between two releases (the diff engine in src/changes and the REST
 * contract share this one list). `deleted` is a PTP pair whose deletion date the newer release
 * set, or any key gone from a newer complete release; `terminated` an HCPCS code whose newer row
 * carries a termination date or the discontinue action code.
 */
export const changeKinds = [
  'added',
  'deleted',
  'terminated',
  'descriptor-changed',
  'billable-to-header',
  'header-to-billable',
  'modifier-indicator-changed',
  'mue-value-changed',
  'adjudication-changed',
  'attribute-changed',
  'value-changed',
] as const;
export type ChangeKind = (typeof changeKinds)[number];
