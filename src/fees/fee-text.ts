import type { FeeArithmetic, FeeLocality, FeeResult, SettingFee } from '../contracts/fees.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';

/** A locality as a reader names it: "MANHATTAN (NY 01)", footnote marks left out. */
export function localityLabel(locality: FeeLocality): string {
  const name = locality.localityName.replace(/\*+\s*$/, '').trim();
  return `${name} (${locality.state} ${locality.localityNumber})`;
}

/** The formula with the numbers used: "(1.90 × 1.064 + …) × 33.4009 = 251.65…". */
export function formulaLine(a: FeeArithmetic): string {
  return (
    `(${a.workRvu} × ${a.workGpci} + ${a.peRvu} × ${a.peGpci} + ${a.mpRvu} × ${a.mpGpci})` +
    ` × ${a.conversionFactor} = ${a.adjustedRvus} × ${a.conversionFactor} = ${a.exact}` +
    ` → $${a.amount}`
  );
}

/** One setting's lines: its amount and formula, or why it has none. */
export function settingLines(fee: SettingFee, lang: LocaleCode): string[] {
  if (fee.arithmetic === null || fee.amount === null) {
    return [t(lang, 'fees.settingNa', { setting: fee.setting })];
  }
  return [
    t(lang, 'fees.settingAmount', { setting: fee.setting, value: fee.amount }),
    `  ${t(lang, 'fees.formula', { text: formulaLine(fee.arithmetic) })}`,
  ];
}

const codeWithModifier = (r: Pick<FeeResult, 'code' | 'modifier'>) =>
  r.modifier ? `${r.code}-${r.modifier}` : r.code;

/** The result in words, in the asked language: the amounts with their formula, or what lacks. */
export function feeText(
  result: FeeResult,
  request: { locality: string; lang: LocaleCode },
): string {
  const { lang } = request;
  const code = codeWithModifier(result);
  const date = result.date;
  switch (result.outcome) {
    case 'priced': {
      const heading = t(lang, 'fees.heading', {
        code,
        text: result.locality ? localityLabel(result.locality) : '',
        date,
        version: result.citations.rvu?.version ?? result.citations.rvu?.title ?? '-',
        release: result.citations.gpci?.version ?? result.citations.gpci?.title ?? '-',
      });
      const settings = [result.nonFacility, result.facility].filter((s) => s !== null);
      return [heading, ...settings.flatMap((s) => settingLines(s, lang))].join('\n');
    }
    case 'not-priced':
      return t(lang, 'fees.notPriced', { code, status: result.status ?? '-' });
    case 'no-rvu-table':
      return t(lang, 'fees.noRvuTable', { date });
    case 'no-rvu-row':
      return t(lang, 'fees.noRvuRow', { date, code });
    case 'incomplete-row':
      return t(lang, 'fees.incompleteRow', { code });
    case 'no-gpci-table':
      return t(lang, 'fees.noGpciTable', { date });
    case 'locality-unknown':
      return t(lang, 'fees.localityUnknown', {
        text: request.locality,
        codes: result.candidates.map(localityLabel).join(', '),
      });
    case 'locality-ambiguous': {
      const first = result.candidates[0];
      return t(lang, 'fees.localityAmbiguous', {
        text: request.locality,
        codes: result.candidates.map(localityLabel).join(', '),
        examples: first ? `${first.state} ${first.localityNumber}` : '',
      });
    }
  }
}
