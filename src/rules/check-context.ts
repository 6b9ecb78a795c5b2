import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { EditIndex } from './edit-index.ts';
import type { ReferenceIndex } from './reference-index.ts';

/** The library's in-memory indexes the rules consult. */
export interface RuleIndexes {
  edits: EditIndex;
  reference: ReferenceIndex;
}

/** What every rule receives: the claim, the shared indexes and the reader's language. */
export interface CheckContext {
  claim: Claim;
  index: EditIndex;
  reference: ReferenceIndex;
  lang: LocaleCode;
}
