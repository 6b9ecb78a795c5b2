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

/** The card's sections in order: the descriptor, then the sections prose can belong to. */
export const cardSectionIds = ['descriptor', ...sectionLabels] as const;

export type CardSectionId = (typeof cardSectionIds)[number];
