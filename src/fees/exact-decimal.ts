/**
 * Decimals as the CMS files print them ("0.48", "1.064", "33.4009"), held exactly as a scaled
 * integer: `units / 10^scale`. Fee arithmetic never goes through floats, so no digit is lost
 * and the result is the same on every machine.
 */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

const decimalText = /^\s*(\d+)(?:\.(\d+))?\s*$/;

/** A non-negative published decimal; null for anything else ("NA", "", "-1", "1e3"). */
export function parseDecimal(text: string | null | undefined): ExactDecimal | null {
  const match = decimalText.exec(text ?? '');
  if (!match) return null;
  const fraction = match[2] ?? '';
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

export function multiply(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function add(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescaled(a, scale) + rescaled(b, scale), scale };
}

function rescaled(d: ExactDecimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/**
 * Rounded to `places` decimals, half up (0.005 → 0.01), as a dollar amount is rounded to the
 * cent. Only non-negative values exist here (parseDecimal refuses signs), so half up and half
 * away from zero agree.
 */
export function roundHalfUp(d: ExactDecimal, places: number): ExactDecimal {
  if (d.scale <= places) return { units: rescaled(d, places), scale: places };
  const divisor = 10n ** BigInt(d.scale - places);
  const quotient = d.units / divisor;
  const remainder = d.units % divisor;
  return { units: remainder * 2n >= divisor ? quotient + 1n : quotient, scale: places };
}

/** The decimal's digits with its scale kept ("1.0640", "33.40090000"). */
export function formatDecimal(d: ExactDecimal): string {
  if (d.scale === 0) return d.units.toString();
  const digits = d.units.toString().padStart(d.scale + 1, '0');
  return `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}
