import type { CodeableConcept, Coding, Extension } from '@medplum/fhirtypes';
import { isModifier } from './fhir-code-systems.ts';

/**
 * Where a case finds a procedure's CPT/HCPCS modifiers. FHIR R4 gives Procedure and
 * ServiceRequest no modifier element (only Claim.item and ExplanationOfBenefit.item have one,
 * the element CARIN Blue Button profiles use), and US Core defines no extension for it, so EHRs
 * and converters add their own extension, named "…/procedure-modifier" or similar. Codecard reads,
 * in this order and without duplicates:
 * 1. an extension (on the resource, on its `code`, or on the CPT/HCPCS coding) or a
 *    `modifierExtension` on the resource whose URL ends in "modifier" (any case), with
 *    valueCode, valueString, valueCoding or valueCodeableConcept;
 * 2. a `modifier` array of CodeableConcept on the resource, shaped like Claim.item.modifier;
 * 3. modifiers written onto the code itself ("62264-52"), passed in as `fromCode`.
 * Anything else that is not a two-character modifier is ignored.
 */
export const modifierExtensionPattern = /modifiers?$/i;

/** The modifiers of a procedure or order (see above), upper-case, in first-seen order. */
export function procedureModifiers(
  resource: {
    extension?: Extension[];
    modifierExtension?: Extension[];
    code?: CodeableConcept;
  },
  coding: Coding,
  fromCode: readonly string[],
): string[] {
  const extensions = [
    ...(resource.extension ?? []),
    ...(resource.modifierExtension ?? []),
    ...(resource.code?.extension ?? []),
    ...(coding.extension ?? []),
  ].filter((e) => modifierExtensionPattern.test(e.url));
  const fromClaimShape = (resource as { modifier?: unknown }).modifier;
  const values = [
    ...extensions.flatMap(extensionCodes),
    ...(Array.isArray(fromClaimShape) ? fromClaimShape.flatMap(conceptCodes) : []),
    ...fromCode,
  ];
  const modifiers: string[] = [];
  for (const value of values) {
    const modifier = value.trim().toUpperCase();
    if (isModifier(modifier) && !modifiers.includes(modifier)) modifiers.push(modifier);
  }
  return modifiers;
}

function extensionCodes(extension: Extension): string[] {
  const codes = [extension.valueCode, extension.valueString, extension.valueCoding?.code];
  return [
    ...codes.filter((c): c is string => typeof c === 'string'),
    ...conceptCodes(extension.valueCodeableConcept),
  ];
}

function conceptCodes(concept: unknown): string[] {
  const codings = (concept as CodeableConcept | undefined)?.coding;
  if (!Array.isArray(codings)) return [];
  return codings.map((c) => c.code).filter((c): c is string => typeof c === 'string');
}
