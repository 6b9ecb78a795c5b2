import type { CodeableConcept, Encounter } from '@medplum/fhirtypes';

export interface EncounterSetting {
  setting: 'practitioner' | 'hospital';
  /** What decided it, as FHIR paths and the chart's own codes: "Encounter.type POS 22 (…)". */
  from: string;
}

/** v3-ActCode encounter classes that are hospital encounters whatever else the chart says. */
const hospitalClasses = new Set(['IMP', 'ACUTE', 'NONAC', 'EMER', 'OBSENC', 'SS', 'PRENC']);
/** Classes that are care outside a hospital (home health, virtual): practitioner services. */
const practitionerClasses = new Set(['HH', 'VR', 'FLD']);

/** CMS place-of-service codes: outpatient hospital (19, 22), inpatient (21), emergency room (23). */
const hospitalPlaces = new Set(['19', '21', '22', '23']);
/** Office (11), home (12), telehealth (02, 10), urgent care (20), clinics (49, 50, 71, 72). */
const practitionerPlaces = new Set(['02', '10', '11', '12', '20', '49', '50', '71', '72']);

const hospitalText =
  /\b(outpatient hospital|hospital outpatient|hopd|on[- ]campus|off[- ]campus|emergency|inpatient)\b/i;
const practitionerText = /\b(office|practitioner|physician|private practice|clinic visit)\b/i;

/**
 * The NCCI setting of an encounter, from (in order) a hospital Encounter.class, a CMS
 * place-of-service code in Encounter.type, serviceType or location, their text and display
 * words ("outpatient hospital", "office"), and a home-health or virtual class. Null when nothing
 * says (an ambulatory class alone can be either an office or an outpatient hospital).
 */
export function encounterSetting(encounter: Encounter | null): EncounterSetting | null {
  if (!encounter) return null;
  const klass = encounter.class?.code?.toUpperCase();
  if (klass && hospitalClasses.has(klass))
    return { setting: 'hospital', from: `Encounter.class ${klass}` };
  const hints: [string, CodeableConcept | undefined][] = [
    ...(encounter.type ?? []).map((c) => ['Encounter.type', c] as [string, CodeableConcept]),
    ['Encounter.serviceType', encounter.serviceType],
    ...(encounter.location ?? []).map(
      (l) =>
        ['Encounter.location', l.physicalType ?? { text: l.location?.display }] as [
          string,
          CodeableConcept | undefined,
        ],
    ),
  ];
  for (const [path, concept] of hints) {
    const place = placeOfService(concept);
    if (place) return { setting: place.setting, from: `${path} POS ${place.code}${place.label}` };
  }
  for (const [path, concept] of hints) {
    for (const text of conceptTexts(concept)) {
      if (hospitalText.test(text)) return { setting: 'hospital', from: `${path} "${text}"` };
      if (practitionerText.test(text))
        return { setting: 'practitioner', from: `${path} "${text}"` };
    }
  }
  if (klass && practitionerClasses.has(klass))
    return { setting: 'practitioner', from: `Encounter.class ${klass}` };
  return null;
}

function placeOfService(
  concept: CodeableConcept | undefined,
): { code: string; setting: EncounterSetting['setting']; label: string } | null {
  for (const coding of concept?.coding ?? []) {
    if (
      !coding.code ||
      !/place[-_ ]?of[-_ ]?service|2\.16\.840\.1\.113883\.6\.50$/i.test(coding.system ?? '')
    )
      continue;
    const code = coding.code.padStart(2, '0');
    const text = coding.display ?? concept?.text;
    const label = text === undefined ? '' : ` (${text})`;
    if (hospitalPlaces.has(code)) return { code, setting: 'hospital', label };
    if (practitionerPlaces.has(code)) return { code, setting: 'practitioner', label };
  }
  return null;
}

function conceptTexts(concept: CodeableConcept | undefined): string[] {
  const texts = [concept?.text, ...(concept?.coding ?? []).map((c) => c.display)];
  return texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
}
