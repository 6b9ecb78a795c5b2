import type { StructuredKind, StructuredParser } from '../import-kind.ts';
import { parseAddOn } from './add-on.ts';
import { parseCodeTable } from './code-table.ts';
import { parseCoverage } from './coverage.ts';
import { parseGpci } from './gpci.ts';
import { parseHcpcs } from './hcpcs.ts';
import { parseMcdIndex } from './mcd-index.ts';
import { parseMpfsRvu } from './mpfs-rvu.ts';
import { parseNcciMue } from './ncci-mue.ts';
import { parseNcciPtp } from './ncci-ptp.ts';

/** Parsers for the structured kinds read from CSV/TSV/TXT/XLSX tables (ICD-10-CM lives apart). */
export const structuredParsers: Record<
  Exclude<StructuredKind, 'icd10cm-order' | 'icd10cm-tabular'>,
  StructuredParser
> = {
  'ncci-ptp': parseNcciPtp,
  'ncci-mue': parseNcciMue,
  hcpcs: parseHcpcs,
  'code-table': parseCodeTable,
  'mpfs-rvu': parseMpfsRvu,
  'add-on': parseAddOn,
  coverage: parseCoverage,
  gpci: parseGpci,
  'mcd-index': parseMcdIndex,
};
