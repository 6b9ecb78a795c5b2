/** The kinds of file the library takes, as vocabulary shared by the server and the web app. */

/** Tables that become dated facts. */
export const structuredKinds = [
  'ncci-ptp',
  'ncci-mue',
  'hcpcs',
  'icd10cm-order',
  'icd10cm-tabular',
  'code-table',
  'mpfs-rvu',
  'add-on',
  'coverage',
  'gpci',
  'mcd-index',
] as const;
/** Prose that becomes cited passages. */
export const documentKinds = ['pdf', 'docx', 'html', 'markdown', 'text'] as const;

export type StructuredKind = (typeof structuredKinds)[number];
export type DocumentKind = (typeof documentKinds)[number];
