import type { FeeArithmetic } from '../contracts/fees.ts';
import { add, formatDecimal, multiply, parseDecimal, roundHalfUp } from './exact-decimal.ts';

/** The published inputs of one setting's fee, as text exactly as the files print them. */
export interface FeeInputs {
  workRvu: string | null;
  peRvu: string | null;
  mpRvu: string | null;
  workGpci: string | null;
  peGpci: string | null;
  mpGpci: string | null;
  conversionFactor: string | null;
}

/**
 * The Medicare physician fee schedule formula for one locality and setting:
 *   fee = (work RVU × work GPCI + PE RVU × PE GPCI + MP RVU × MP GPCI) × conversion factor.
 * Computed exactly on scaled integers (BigInt) from the published digits, then rounded half up
 * to the cent once, at the end, as CMS rounds a payment amount: no float ever touches it, so
 * 0.5 of a cent is never lost or gained to binary fractions. Null when an input is missing or
 * is not a decimal (a row without its RVUs cannot be priced, and is never priced at $0.00).
 */
export function computeFee(inputs: FeeInputs): FeeArithmetic | null {
  const [workRvu, peRvu, mpRvu, workGpci, peGpci, mpGpci, factor] = [
    inputs.workRvu,
    inputs.peRvu,
    inputs.mpRvu,
    inputs.workGpci,
    inputs.peGpci,
    inputs.mpGpci,
    inputs.conversionFactor,
  ].map(parseDecimal);
  if (!workRvu || !peRvu || !mpRvu || !workGpci || !peGpci || !mpGpci || !factor) return null;
  const workProduct = multiply(workRvu, workGpci);
  const peProduct = multiply(peRvu, peGpci);
  const mpProduct = multiply(mpRvu, mpGpci);
  const adjusted = add(add(workProduct, peProduct), mpProduct);
  const exact = multiply(adjusted, factor);
  return {
    workRvu: formatDecimal(workRvu),
    peRvu: formatDecimal(peRvu),
    mpRvu: formatDecimal(mpRvu),
    workGpci: formatDecimal(workGpci),
    peGpci: formatDecimal(peGpci),
    mpGpci: formatDecimal(mpGpci),
    conversionFactor: formatDecimal(factor),
    workProduct: formatDecimal(workProduct),
    peProduct: formatDecimal(peProduct),
    mpProduct: formatDecimal(mpProduct),
    adjustedRvus: formatDecimal(adjusted),
    exact: formatDecimal(exact),
    amount: formatDecimal(roundHalfUp(exact, 2)),
  };
}
