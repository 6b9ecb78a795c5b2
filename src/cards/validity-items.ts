import type { CodeDescription, SourceRef } from '../codes/code-description.ts';
import {
  replacementText,
  staleText,
  validityText,
  type ValidityFacts,
} from '../codes/validity-message.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { CardItem } from './card-types.ts';
import type { Citation } from '../domain/citation.ts';

/**
 * The descriptor area's statements about validity, from the shared verdict: billability for
 * ICD-10-CM (cited to the order-file row), the billable codes under a header, and a warning when
 * the release the code was found in is older than the date of service calls for.
 */
export function validityItems(
  description: CodeDescription,
  dos: string,
  lang: LocaleCode,
): CardItem[] {
  const validity = description.validity;
  if (!validity) return [];
  const facts = validityFacts(description, dos)!;
  const citations = validityCitations(description);
  const items: CardItem[] = [];
  // A valid HCPCS or CPT code needs no sentence of its own: its descriptor says it is listed.
  if (validity.kind !== 'valid' || description.system === 'icd10cm') {
    items.push({ text: validityText(lang, facts), lang, citations });
  }
  const replacements = replacementText(lang, facts);
  if (replacements)
    items.push({ text: replacements, lang, codes: validity.replacements, citations });
  const stale = staleText(lang, facts);
  if (stale) items.push({ text: stale, lang, citations });
  return items;
}

/** The verdict's facts for the shared validity sentences; null when no table decides the code. */
export function validityFacts(description: CodeDescription, dos: string): ValidityFacts | null {
  const validity = description.validity;
  if (!validity) return null;
  return {
    kind: validity.kind,
    code: description.code,
    system: description.system,
    dos,
    release: validity.release,
    date: validity.date,
    replacements: validity.replacements,
    stale: validity.stale,
  };
}

/** The row the verdict rests on, as a citation (none when the verdict has no row). */
export function validityCitations(description: CodeDescription): Citation[] {
  const source = description.validity?.source;
  return source ? [citationOf(source)] : [];
}

function citationOf(source: SourceRef): Citation {
  return {
    documentId: source.documentId,
    title: source.title,
    version: source.release,
    locator: source.locator,
  };
}
