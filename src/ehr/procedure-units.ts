import type { Extension, Quantity } from '@medplum/fhirtypes';

/**
 * A procedure's units of service: ServiceRequest.quantityQuantity.value, else an extension whose
 * URL ends in "units" or "quantity" (valueInteger, valuePositiveInt, valueUnsignedInt,
 * valueDecimal or valueQuantity), else 1. `invalid` when the value given is not a positive whole
 * number (the procedure is then skipped, not guessed).
 */
export function procedureUnits(resource: {
  quantityQuantity?: Quantity;
  extension?: Extension[];
}): { units: number } | { invalid: string } {
  const ext = (resource.extension ?? []).find((e) => /(units|quantity)$/i.test(e.url));
  const value =
    resource.quantityQuantity?.value ??
    ext?.valueInteger ??
    ext?.valuePositiveInt ??
    ext?.valueUnsignedInt ??
    ext?.valueDecimal ??
    ext?.valueQuantity?.value;
  if (value === undefined) return { units: 1 };
  return Number.isInteger(value) && value > 0 ? { units: value } : { invalid: String(value) };
}
