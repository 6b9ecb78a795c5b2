import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { addOnRule } from './add-on.rule.ts';
import type { CheckContext, RuleIndexes } from './check-context.ts';
import { codeValidityRule } from './code-validity.rule.ts';
import { duplicateRule } from './duplicate.rule.ts';
import type { EditIndex } from './edit-index.ts';
import type { Finding } from './finding.ts';
import { frequencyRule } from './frequency.rule.ts';
import { medicalNecessityRule } from './medical-necessity.rule.ts';
import { modifierRule } from './modifier.rule.ts';
import { mueRule } from './mue.rule.ts';
import { ptpRule } from './ptp.rule.ts';
import { ReferenceIndex } from './reference-index.ts';

type Rule = (ctx: CheckContext) => Finding[];

const rules: Rule[] = [
  codeValidityRule,
  ptpRule,
  mueRule,
  addOnRule,
  modifierRule,
  medicalNecessityRule,
  frequencyRule,
  duplicateRule,
];
const editRules: Rule[] = [ptpRule, mueRule];

/**
 * The boundary between the rules and every reader of their findings. Rules index the claim's
 * lines from 0, as arrays do; everything past here (JSON, NDJSON, CSV, the text report, the web
 * app) shows line numbers, which people, CSV rows and X12 LX segments count from 1. Converting
 * once, here, keeps every output on the same base instead of each one adding 1 on its own.
 */
function toLineNumbers(finding: Finding): Finding {
  return { ...finding, lines: finding.lines.map((index) => index + 1) };
}

/** Every rule over one claim; findings in rule order, then line order (lines 1-based). */
export function checkClaim(claim: Claim, indexes: RuleIndexes, lang: LocaleCode = 'en'): Finding[] {
  const ctx = { claim, index: indexes.edits, reference: indexes.reference, lang };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const found = rule(ctx);
    for (const finding of found) findings.push(toLineNumbers(finding));
  }
  return findings;
}

const noReference = new ReferenceIndex();

/** The NCCI PTP and MUE rules only: what the SQL oracle implements too (lines 1-based). */
export function checkEdits(claim: Claim, edits: EditIndex, lang: LocaleCode = 'en'): Finding[] {
  const ctx = { claim, index: edits, reference: noReference, lang };
  return editRules.flatMap((rule) => rule(ctx).map(toLineNumbers));
}
