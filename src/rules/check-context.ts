import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import type { EditIndex } from './edit-index.ts';

/** What every rule receives: the claim, the shared edit index and the reader's language. */
export interface CheckContext {
  claim: Claim;
  index: EditIndex;
  lang: LocaleCode;
}
