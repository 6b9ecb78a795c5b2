import type { CodeSystem } from '../../domain/code-system.ts';
import type { IsoDate } from '../../domain/day.ts';

/**
 * What structured parsers yield: one record per source row, each with the locator a citation
 * will show ("row 12", "Sheet1!A12", "line 4001"). Parsers never touch the database.
 */

export interface DescriptorFact {
  kind: 'descriptor';
  system: CodeSystem;
  code: string;
  longDescription: string;
  mediumDescription?: string | null;
  shortDescription?: string | null;
  consumerDescription?: string | null;
  /** ICD-10-CM: valid for HIPAA transactions. Null when the table does not say. */
  billable?: boolean | null;
  effectiveFrom?: IsoDate | null;
  effectiveTo?: IsoDate | null;
  /** Other columns worth keeping (action code, BETOS, coverage code, ...). */
  attributes?: Record<string, string>;
  locator: string;
}

export interface PtpFact {
  kind: 'ptp';
  column1: string;
  column2: string;
  prior1996: boolean;
  effectiveFrom: IsoDate | null;
  deletionDate: IsoDate | null;
  modifierIndicator: 0 | 1 | 9;
  rationale: string | null;
  locator: string;
}

export interface MueFact {
  kind: 'mue';
  code: string;
  value: number;
  /** 1 line edit, 2 date of service (policy), 3 date of service (clinical). */
  adjudication: 1 | 2 | 3 | null;
  rationale: string | null;
  locator: string;
}

export interface RvuFact {
  kind: 'rvu';
  code: string;
  modifier: string | null;
  statusCode: string | null;
  globalDays: string | null;
  multipleProcedure: string | null;
  bilateralSurgery: string | null;
  assistantSurgery: string | null;
  coSurgeons: string | null;
  teamSurgery: string | null;
  /** The fee inputs as printed ("0.48", "33.4009"): text, so no digit is lost to a float. */
  workRvu: string | null;
  nonFacilityPeRvu: string | null;
  facilityPeRvu: string | null;
  mpRvu: string | null;
  /** "NA" when the setting has no fee (the service is not priced there). */
  nonFacilityNa: string | null;
  facilityNa: string | null;
  pctcIndicator: string | null;
  conversionFactor: string | null;
  /**
   * Every column of the row as the file names it (stacked header words joined), in file order:
   * the RVUs, totals, conversion factor and indicators, so a row can be answered as a row. The
   * description column is left out (CPT short descriptors are AMA-licensed text).
   */
  columns?: readonly (readonly [string, string])[];
  locator: string;
}

/** One Medicare locality of the GPCI file (Addendum E): its indices as the file prints them. */
export interface GpciFact {
  kind: 'gpci';
  /** The Medicare Administrative Contractor number ("13202"). */
  mac: string;
  state: string;
  localityNumber: string;
  /** As printed, footnote marks included ("ALASKA*"). */
  localityName: string;
  workGpci: string | null;
  peGpci: string | null;
  mpGpci: string | null;
  /** The file's footnotes this row's marks refer to. */
  notes: string[];
  locator: string;
}

/** One LCD or article of the Medicare Coverage Database index (metadata, not its text). */
export interface McdDocumentFact {
  kind: 'mcd-document';
  /** "L39242", "A58995". */
  displayId: string;
  documentType: string;
  documentVersion: string | null;
  title: string;
  /** Contractor names, one per contractor the row lists. */
  contractors: string[];
  /** The contractor cell as given, types included ("(MAC - Part A, MAC - Part B)"). */
  contractorText: string;
  effectiveDate: IsoDate | null;
  retirementDate: IsoDate | null;
  updatedOn: IsoDate | null;
  note: string | null;
  url: string | null;
  locator: string;
}

export interface AddOnFact {
  kind: 'addon';
  addOnCode: string;
  primaryCode: string;
  locator: string;
}

export interface CoverageFact {
  kind: 'coverage';
  /** LCD or billing article id, e.g. L39242 / A58745. */
  policyId: string;
  procedureCode: string;
  icd10Code: string;
  locator: string;
}

export type NoteType =
  | 'inclusionTerm'
  | 'includes'
  | 'excludes1'
  | 'excludes2'
  | 'codeFirst'
  | 'useAdditionalCode'
  | 'codeAlso'
  | 'notes'
  | 'sevenChrNote'
  | 'sevenChrDef';

export interface NoteFact {
  kind: 'note';
  system: CodeSystem;
  code: string;
  noteType: NoteType;
  text: string;
  locator: string;
}

export interface SkippedRow {
  kind: 'skip';
  reason: string;
  locator: string;
}

export type FactRecord =
  | DescriptorFact
  | PtpFact
  | MueFact
  | RvuFact
  | AddOnFact
  | CoverageFact
  | NoteFact
  | GpciFact
  | McdDocumentFact;

export type ParsedRecord = FactRecord | SkippedRow;
