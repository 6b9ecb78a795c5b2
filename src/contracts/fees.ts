import { z } from 'zod';
import { citationSchema, isoDateSchema, localeSchema } from './common.ts';

/** `GET /api/fees`: a Medicare physician fee for a code in a locality on a date of service. */
export const feeQuerySchema = z.object({
  code: z.string().min(1).max(16),
  /** The locality in the user's words: "Manhattan", "rest of California", "NY 01", "13202 01". */
  locality: z.string().min(1).max(200),
  date: isoDateSchema.optional(),
  /** The RVU file's modifier row (26, TC, 53); absent: the code's global row. */
  modifier: z.string().min(2).max(2).optional(),
  lang: localeSchema.optional(),
});
export type FeeQuery = z.infer<typeof feeQuerySchema>;

/** One Medicare locality of the GPCI file, as the file prints it. */
export const feeLocalitySchema = z.object({
  mac: z.string(),
  state: z.string(),
  localityNumber: z.string(),
  localityName: z.string(),
});
export type FeeLocality = z.infer<typeof feeLocalitySchema>;

/**
 * The numbers a fee was computed from, each as exact decimal text: the RVUs and GPCIs as
 * published, each product, their sum (the geographically adjusted RVUs), the unrounded fee and
 * the fee rounded half up to the cent.
 */
export const feeArithmeticSchema = z.object({
  workRvu: z.string(),
  peRvu: z.string(),
  mpRvu: z.string(),
  workGpci: z.string(),
  peGpci: z.string(),
  mpGpci: z.string(),
  conversionFactor: z.string(),
  workProduct: z.string(),
  peProduct: z.string(),
  mpProduct: z.string(),
  adjustedRvus: z.string(),
  exact: z.string(),
  amount: z.string(),
});
export type FeeArithmetic = z.infer<typeof feeArithmeticSchema>;

export const feeSettings = ['non-facility', 'facility'] as const;
export type FeeSetting = (typeof feeSettings)[number];

/** A setting's fee: an amount with its arithmetic, or null when the NA indicator is set. */
export const settingFeeSchema = z.object({
  setting: z.enum(feeSettings),
  /** Dollars and cents ("123.45"); null: no fee in this setting (`naIndicator` says why). */
  amount: z.string().nullable(),
  naIndicator: z.boolean(),
  arithmetic: feeArithmeticSchema.nullable(),
});
export type SettingFee = z.infer<typeof settingFeeSchema>;

/**
 * How the question was answered: `priced` (an amount for at least one setting), `not-priced`
 * (the status code is not priced by the formula: never a $0.00), or what is missing: the RVU
 * table or a row for the code, the GPCI table, or a locality the words name (unknown or several).
 */
export const feeOutcomes = [
  'priced',
  'not-priced',
  'no-rvu-table',
  'no-rvu-row',
  'incomplete-row',
  'no-gpci-table',
  'locality-unknown',
  'locality-ambiguous',
] as const;
export type FeeOutcome = (typeof feeOutcomes)[number];

export const feeResultSchema = z.object({
  code: z.string(),
  modifier: z.string().nullable(),
  date: z.string(),
  outcome: z.enum(feeOutcomes),
  /** The RVU row's status code (A, R, T are priced; I, J, C, B, E, N, X, … are not). */
  status: z.string().nullable(),
  locality: feeLocalitySchema.nullable(),
  /** Ambiguous: the localities the words could mean; unknown: every locality the library has. */
  candidates: z.array(feeLocalitySchema),
  nonFacility: settingFeeSchema.nullable(),
  facility: settingFeeSchema.nullable(),
  citations: z.object({ rvu: citationSchema.nullable(), gpci: citationSchema.nullable() }),
  /** The result in words, in the requested language. */
  text: z.string(),
});
export type FeeResult = z.infer<typeof feeResultSchema>;
