/**
 * The HCPCS Level II record: field names shared by the fixed-width TXT release and the CSV/XLSX
 * releases, so both produce the same attributes. Positions are 1-based and inclusive, from the
 * CMS record layout (HCPCS2019_recordlayout.txt); fields that repeat (four pricing indicators,
 * five types of service) are kept as one attribute joined with commas.
 */
export const hcpcsFields = [
  'sequenceNumber',
  'shortDescription',
  'pricingIndicator',
  'multiplePricingIndicator',
  'cimReference',
  'mcmReference',
  'statute',
  'labCertification',
  'crossReference',
  'coverageCode',
  'ascGroup',
  'ascEffectiveDate',
  'opps',
  'oppsPaymentIndicator',
  'oppsEffectiveDate',
  'processingNote',
  'betos',
  'typeOfService',
  'anesthesiaBaseUnits',
  'addDate',
  'actionEffectiveDate',
  'terminationDate',
  'actionCode',
] as const;

export type HcpcsField = (typeof hcpcsFields)[number];

/** Fields holding YYYYMMDD dates, stored as ISO. */
export const hcpcsDateFields: ReadonlySet<HcpcsField> = new Set([
  'ascEffectiveDate',
  'oppsEffectiveDate',
  'addDate',
  'actionEffectiveDate',
  'terminationDate',
]);

type Span = readonly [field: HcpcsField, start: number, end: number];

const repeat = (field: HcpcsField, start: number, width: number, times: number): Span[] =>
  Array.from({ length: times }, (_, i): Span => [
    field,
    start + i * width,
    start + (i + 1) * width - 1,
  ]);

/** Record positions; code (1-5), sequence (6-10), RECID (11) and long description (12-91) too. */
export const hcpcsFixedWidth = {
  code: [1, 5],
  recordId: [11, 11],
  longDescription: [12, 91],
  fields: [
    ['sequenceNumber', 6, 10],
    ['shortDescription', 92, 119],
    ...repeat('pricingIndicator', 120, 2, 4),
    ['multiplePricingIndicator', 128, 128],
    ...repeat('cimReference', 129, 6, 3),
    ...repeat('mcmReference', 147, 8, 3),
    ['statute', 171, 180],
    ...repeat('labCertification', 181, 3, 8),
    ...repeat('crossReference', 205, 5, 5),
    ['coverageCode', 230, 230],
    ['ascGroup', 231, 232],
    ['ascEffectiveDate', 233, 240],
    // The 2019 layout calls 241-252 the MOG group, indicator and date; the current CSV release
    // names the same slots OPPS, OPPS_PI and OPPS_DT. They are blank in the 2020 file.
    ['opps', 241, 243],
    ['oppsPaymentIndicator', 244, 244],
    ['oppsEffectiveDate', 245, 252],
    ['processingNote', 253, 256],
    ['betos', 257, 259],
    ...repeat('typeOfService', 261, 1, 5),
    ['anesthesiaBaseUnits', 266, 268],
    ['addDate', 269, 276],
    ['actionEffectiveDate', 277, 284],
    ['terminationDate', 285, 292],
    ['actionCode', 293, 293],
  ] satisfies Span[] as readonly Span[],
} as const;

export type HcpcsColumnRole = HcpcsField | 'code' | 'recordId' | 'longDescription';

/** CSV/XLSX header names (compacted: "ACT EFF DT" -> "acteffdt") to fields. */
const headerPatterns: readonly (readonly [RegExp, HcpcsColumnRole])[] = [
  [/^(hcpc|hcpcs|hcpcscode|hcpcscd)$/, 'code'],
  [/^(seqnum|seq|sequence|sequencenumber)$/, 'sequenceNumber'],
  [/^(recid|recordid|ric)$/, 'recordId'],
  [/^(longdescription|longdesc|longdescr)$/, 'longDescription'],
  [/^(shortdescription|shortdesc|shortdescr)$/, 'shortDescription'],
  [/^(price|priceind|pricingindicator|prcngcd)\d$/, 'pricingIndicator'],
  [/^(multpi|multiplepricingindicator)$/, 'multiplePricingIndicator'],
  [/^cim\d$/, 'cimReference'],
  [/^mcm\d$/, 'mcmReference'],
  [/^statute$/, 'statute'],
  [/^labcert\d$/, 'labCertification'],
  [/^xref\d$/, 'crossReference'],
  [/^(cov|coverage|coveragecode)$/, 'coverageCode'],
  [/^(ascgrp|ascgroup)$/, 'ascGroup'],
  [/^(ascdt|ascdate)$/, 'ascEffectiveDate'],
  [/^opps$/, 'opps'],
  [/^oppspi$/, 'oppsPaymentIndicator'],
  [/^oppsdt$/, 'oppsEffectiveDate'],
  [/^(procnote|processingnote)$/, 'processingNote'],
  [/^betos$/, 'betos'],
  [/^tos\d$/, 'typeOfService'],
  [/^(anestbu|anesthesiabaseunits)$/, 'anesthesiaBaseUnits'],
  [/^(adddt|adddate)$/, 'addDate'],
  [/^(acteffdt|actioneffectivedate|effdt)$/, 'actionEffectiveDate'],
  [/^(termdt|terminationdate)$/, 'terminationDate'],
  [/^(actioncd|actioncode|actncd)$/, 'actionCode'],
];

export function hcpcsColumnRole(compactHeader: string): HcpcsColumnRole | null {
  for (const [pattern, role] of headerPatterns) if (pattern.test(compactHeader)) return role;
  return null;
}
