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

export type GlanceKind = 'what' | 'validity' | 'warning' | 'modifiers' | 'releases';

/** One line of the card's "At a glance" summary; `section` holds the details. */
export interface GlanceLine {
  kind: GlanceKind;
  text: string;
  lang: string;
  section?: SectionId;
  citations: Citation[];
}

interface Period {
  from: string | null;
  to: string | null;
}

export interface PtpTableRow extends Period {
  otherCode: string;
  descriptor: string;
  column: 1 | 2;
  modifierIndicator: number;
  rationale: string | null;
  bypassModifiers: string[];
  citation: Citation;
}

export interface MueTableRow extends Period {
  value: number;
  adjudication: number | null;
  rationale: string | null;
  setting: string;
  citation: Citation;
}

export interface AddOnTableRow {
  primaryCode: string;
  addOnCode: string;
  descriptor: string;
  citation: Citation;
}

export type CardTable =
  | { kind: 'ptp'; section: SectionId; rows: PtpTableRow[] }
  | { kind: 'mue'; section: SectionId; rows: MueTableRow[] }
  | { kind: 'add-on'; section: SectionId; rows: AddOnTableRow[] };

/** One change "Changed in <release>" lists, cited to the rows it reads in both releases. */
export interface CardChangeItem {
  kind: string;
  text: string;
  lang: string;
  citations: Citation[];
}

/** What one dataset's release in force on the date changed for the card's code. */
export interface CardChanges {
  /** The dataset, as citations name it ("NCCI PTP, practitioner"). */
  dataset: string;
  release: string;
  previous: string;
  /** "Changed in <release>". */
  heading: string;
  /** "<dataset>: what changed for <code> since the <previous> release." */
  note: string;
  items: CardChangeItem[];
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
  glance: GlanceLine[];
  tables: CardTable[];
  sections: CardSection[];
  gaps: CardGap[];
  conflicts: CardConflict[];
  /** Datasets the card read whose release is older than the date of service calls for. */
  stale?: CardStaleData[];
  /** "Changed in <release>": what the releases in force on the date changed for the code. */
  changes?: CardChanges[];
}
