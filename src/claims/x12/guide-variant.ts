import type { Setting } from '../../domain/setting.ts';

/** Which implementation guide a transaction follows: 837P (professional) or 837I (institutional). */
export type Variant = { kind: 'P'; setting: Setting } | { kind: 'I'; setting: Setting };

/** 005010X222A1 is the professional guide, 005010X223A2 (and its A3 errata) the institutional one. */
export function variantOf(version: string): Variant | undefined {
  if (/^005010X222/.test(version)) return { kind: 'P', setting: 'practitioner' };
  if (/^005010X223/.test(version)) return { kind: 'I', setting: 'hospital' };
  return undefined;
}
