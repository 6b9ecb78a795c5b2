import { sectionLabels, type SectionLabel } from '../domain/card-section.ts';

/** What the classifier predicts: a section, or `other` (boilerplate, disclaimers, history). */
export type ClassifierLabel = SectionLabel | 'other';

export const classifierLabels: readonly ClassifierLabel[] = [...sectionLabels, 'other'];

export function isClassifierLabel(value: string): value is ClassifierLabel {
  return (classifierLabels as readonly string[]).includes(value);
}

export interface LabeledSentence {
  label: ClassifierLabel;
  text: string;
}
