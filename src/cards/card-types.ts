import type { BundlingRelation, Citation } from '../domain/citation.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { CardSectionId } from '../domain/card-section.ts';
import type { CardStaleData } from './stale-data.ts';

export type SectionId = CardSectionId;

export interface CardItem {
  text: string;
  /** Language of `text`: the locale for statements built from facts, the document's for prose. */
  lang: string;
  /** A quote in another language than the card's (`lang` names it), shown for want of one. */
  quoted?: boolean;
  relation?: BundlingRelation;
  codes?: string[];
  modifierIndicator?: number;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  citations: Citation[];
}

export interface CardSection {
  id: SectionId;
  title: string;
  items: CardItem[];
}

export interface CardGap {
  section: SectionId;
  message: string;
}

export interface CardConflict {
  section: SectionId;
  message: string;
  citations: Citation[];
}

export interface Card {
  system: string;
  code: string;
  title: string;
  dos: string;
  setting: string;
  lang: LocaleCode;
  dir: 'ltr' | 'rtl';
  libraryVersion: string;
  footer: string;
  sections: CardSection[];
  gaps: CardGap[];
  conflicts: CardConflict[];
  /** Datasets the card read whose release is older than the date of service calls for. */
  stale?: CardStaleData[];
}
