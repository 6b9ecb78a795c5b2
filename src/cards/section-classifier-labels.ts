/** The code card's prose sections a sentence can belong to (see PRODUCT.md, "The code card"). */
export const sectionLabels = [
  'reporting',
  'bundling',
  'modifiers',
  'medical-necessity',
  'components',
  'simple-words',
  'description',
  'examples',
  'documentation',
  'aliases',
] as const;

export type SectionLabel = (typeof sectionLabels)[number];

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
