import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import type { EditIndex } from './edit-index.ts';
import type { Finding } from './finding.ts';
import { mueRule } from './mue.rule.ts';
import { ptpRule } from './ptp.rule.ts';

const rules = [ptpRule, mueRule];

/** Every rule over one claim; findings in rule order, then line order. */
export function checkClaim(claim: Claim, index: EditIndex, lang: LocaleCode = 'en'): Finding[] {
  return rules.flatMap((rule) => rule({ claim, index, lang }));
}
