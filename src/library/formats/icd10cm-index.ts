import type { StructuredParser } from '../import-kind.ts';
import { parseIcd10cmOrder } from './icd10cm-order.ts';
import { parseIcd10cmTabular } from './icd10cm-tabular.ts';

/** The ICD-10-CM parsers by import kind, for the importer's registry. */
export const icd10cmParsers: {
  'icd10cm-order': StructuredParser;
  'icd10cm-tabular': StructuredParser;
} = {
  'icd10cm-order': parseIcd10cmOrder,
  'icd10cm-tabular': parseIcd10cmTabular,
};
