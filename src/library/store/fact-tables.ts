import type { BulkColumn, BulkValue } from '../../db/bulk-insert.ts';
import type { Database } from '../../db/schema.ts';
import { storedPeriod } from '../../domain/stored-period.ts';
import type { FactRecord } from '../formats/fact-record.ts';

/** How one kind of fact lands in its table: the columns and the row for a record. */
export interface FactTable<K extends FactRecord['kind']> {
  table: keyof Database;
  columns: readonly BulkColumn[];
  row(fact: Extract<FactRecord, { kind: K }>, orgId: string, documentId: number): BulkValue[];
}

const text = (name: string): BulkColumn => ({ name, type: 'text' });
const base: BulkColumn[] = [text('org_id'), { name: 'document_id', type: 'integer' }];

/** Stated start and end, never an end before the start (see `storedPeriod`). */
function storedDates(from: string | null, to: string | null): [string | null, string | null] {
  const period = storedPeriod(from, to);
  return [period.from, period.to];
}

type FactTables = { [K in FactRecord['kind']]: FactTable<K> };

export const factTables: FactTables = {
  descriptor: {
    table: 'code_descriptors',
    columns: [
      ...base,
      text('system'),
      text('code'),
      text('long_description'),
      text('medium_description'),
      text('short_description'),
      text('consumer_description'),
      { name: 'billable', type: 'boolean' },
      { name: 'effective_from', type: 'date' },
      { name: 'effective_to', type: 'date' },
      { name: 'attributes', type: 'jsonb' },
      text('locator'),
    ],
    row: (f, org, doc) => [
      org,
      doc,
      f.system,
      f.code,
      f.longDescription,
      f.mediumDescription ?? null,
      f.shortDescription ?? null,
      f.consumerDescription ?? null,
      f.billable ?? null,
      ...storedDates(f.effectiveFrom ?? null, f.effectiveTo ?? null),
      f.attributes && Object.keys(f.attributes).length > 0 ? JSON.stringify(f.attributes) : null,
      f.locator,
    ],
  },
  note: {
    table: 'code_notes',
    columns: [
      ...base,
      text('system'),
      text('code'),
      text('note_type'),
      text('text'),
      text('locator'),
    ],
    row: (f, org, doc) => [org, doc, f.system, f.code, f.noteType, f.text, f.locator],
  },
  ptp: {
    table: 'ptp_edits',
    columns: [
      ...base,
      text('column1'),
      text('column2'),
      { name: 'prior_1996', type: 'boolean' },
      { name: 'effective_from', type: 'date' },
      { name: 'deletion_date', type: 'date' },
      { name: 'modifier_indicator', type: 'smallint' },
      text('rationale'),
      text('locator'),
    ],
    row: (f, org, doc) => [
      org,
      doc,
      f.column1,
      f.column2,
      f.prior1996,
      ...storedDates(f.effectiveFrom, f.deletionDate),
      f.modifierIndicator,
      f.rationale,
      f.locator,
    ],
  },
  mue: {
    table: 'mue_edits',
    columns: [
      ...base,
      text('code'),
      { name: 'mue_value', type: 'integer' },
      { name: 'adjudication', type: 'smallint' },
      text('rationale'),
      text('locator'),
    ],
    row: (f, org, doc) => [org, doc, f.code, f.value, f.adjudication, f.rationale, f.locator],
  },
  rvu: {
    table: 'rvu_indicators',
    columns: [
      ...base,
      text('code'),
      text('modifier'),
      text('status_code'),
      text('global_days'),
      text('multiple_procedure'),
      text('bilateral_surgery'),
      text('assistant_surgery'),
      text('co_surgeons'),
      text('team_surgery'),
      text('locator'),
      { name: 'columns', type: 'jsonb' },
      text('work_rvu'),
      text('non_facility_pe_rvu'),
      text('facility_pe_rvu'),
      text('mp_rvu'),
      text('non_facility_na'),
      text('facility_na'),
      text('pctc_indicator'),
      text('conversion_factor'),
    ],
    row: (f, org, doc) => [
      org,
      doc,
      f.code,
      f.modifier,
      f.statusCode,
      f.globalDays,
      f.multipleProcedure,
      f.bilateralSurgery,
      f.assistantSurgery,
      f.coSurgeons,
      f.teamSurgery,
      f.locator,
      f.columns && f.columns.length > 0 ? JSON.stringify(f.columns) : null,
      f.workRvu,
      f.nonFacilityPeRvu,
      f.facilityPeRvu,
      f.mpRvu,
      f.nonFacilityNa,
      f.facilityNa,
      f.pctcIndicator,
      f.conversionFactor,
    ],
  },
  addon: {
    table: 'add_on_codes',
    columns: [...base, text('add_on_code'), text('primary_code'), text('locator')],
    row: (f, org, doc) => [org, doc, f.addOnCode, f.primaryCode, f.locator],
  },
  coverage: {
    table: 'coverage_codes',
    columns: [
      ...base,
      text('policy_id'),
      text('procedure_code'),
      text('icd10_code'),
      text('locator'),
    ],
    row: (f, org, doc) => [org, doc, f.policyId, f.procedureCode, f.icd10Code, f.locator],
  },
  gpci: {
    table: 'gpci_localities',
    columns: [
      ...base,
      text('mac'),
      text('state'),
      text('locality_number'),
      text('locality_name'),
      text('work_gpci'),
      text('pe_gpci'),
      text('mp_gpci'),
      { name: 'notes', type: 'jsonb' },
      text('locator'),
    ],
    row: (f, org, doc) => [
      org,
      doc,
      f.mac,
      f.state,
      f.localityNumber,
      f.localityName,
      f.workGpci,
      f.peGpci,
      f.mpGpci,
      JSON.stringify(f.notes),
      f.locator,
    ],
  },
  'mcd-document': {
    table: 'mcd_documents',
    columns: [
      ...base,
      text('display_id'),
      text('document_type'),
      text('document_version'),
      text('title'),
      { name: 'contractors', type: 'jsonb' },
      text('contractor_text'),
      { name: 'effective_date', type: 'date' },
      { name: 'retirement_date', type: 'date' },
      { name: 'updated_on', type: 'date' },
      text('note'),
      text('url'),
      text('locator'),
    ],
    row: (f, org, doc) => [
      org,
      doc,
      f.displayId,
      f.documentType,
      f.documentVersion,
      f.title,
      JSON.stringify(f.contractors),
      f.contractorText,
      f.effectiveDate,
      f.retirementDate,
      f.updatedOn,
      f.note,
      f.url,
      f.locator,
    ],
  },
};

/** Every table that holds rows of a document version (for removal and counts). */
export const documentRowTables = [
  'code_descriptors',
  'code_notes',
  'ptp_edits',
  'mue_edits',
  'edit_scopes',
  'rvu_indicators',
  'add_on_codes',
  'coverage_codes',
  'gpci_localities',
  'mcd_documents',
  'code_mentions',
  'passages',
  'document_files',
] as const satisfies readonly (keyof Database)[];
