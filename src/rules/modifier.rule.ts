import { t } from '../i18n/translate.ts';
import type { ClaimLine } from '../claims/claim-types.ts';
import type { CheckContext } from './check-context.ts';
import { dayOf } from '../domain/day.ts';
import type { Finding } from './finding.ts';
import { ReferenceIndex } from './reference-index.ts';
import { modifierValidity } from './code-verdicts.ts';
import { factsOf } from './validity-facts.ts';
import { validityText } from '../codes/validity-message.ts';
import type { Citation } from '../domain/citation.ts';

/**
 * MPFS bilateral surgery indicators under which modifier 50 applies: 1 (the bilateral payment
 * adjustment applies) and 3 (each side is paid separately). 0, 2 (already bilateral) and 9
 * (the concept does not apply) do not take it.
 */
const takesModifier50 = new Set(['1', '3']);
/**
 * MPFS multiple-procedure indicators under which modifier 51 means nothing: 0 (no multiple
 * procedure rules apply) and 9 (the concept does not apply). 1–7 name a reduction that applies.
 */
const refusesModifier51 = new Set(['0', '9']);
const xModifiers = new Set(['XE', 'XS', 'XP', 'XU']);
const sides = new Set(['LT', 'RT']);

/**
 * Modifier combinations that payers reject: 50 where the bilateral indicator does not allow it,
 * 51 on an add-on code or where the multiple-procedure indicator does not allow it, 59 with an X modifier or 50 with LT/RT on one line, and modifiers the
 * library does not know (once per claim when the library knows no modifiers at all).
 */
export function modifierRule(context: CheckContext): Finding[] {
  const { claim, reference, lang } = context;
  const findings: Finding[] = [];
  const unchecked: number[] = [];
  claim.lines.forEach((line, at) => {
    if (line.modifiers.length === 0) return;
    const checked: ModifierLine = {
      line,
      day: dayOf(line.dateOfService),
      base: { rule: 'modifier', lines: [at], codes: [line.code] },
    };
    findings.push(
      ...modifier50Findings(context, checked),
      ...modifier51Findings(context, checked),
      ...modifier59Findings(context, checked),
    );
    if (reference.knownModifiers.size === 0) unchecked.push(at);
    else findings.push(...modifierValidityFindings(context, checked));
  });
  if (unchecked.length > 0) {
    findings.push({
      rule: 'modifier',
      severity: 'warning',
      lines: unchecked,
      codes: [],
      message: t(lang, 'finding.noModifierReference', { count: unchecked.length }),
      citations: [],
    });
  }
  return findings;
}

/** A claim line that carries modifiers, its date as a day number and what its findings share. */
interface ModifierLine {
  line: ClaimLine;
  day: number;
  base: Pick<Finding, 'rule' | 'lines' | 'codes'>;
}

/** 50 where the code's bilateral indicator refuses it, and 50 with LT or RT on the same line. */
function modifier50Findings(
  { reference, lang }: CheckContext,
  { line, day, base }: ModifierLine,
): Finding[] {
  if (!line.modifiers.includes('50')) return [];
  const findings: Finding[] = [];
  const bilateral = ReferenceIndex.inForceOn(reference.bilateral.get(line.code) ?? [], day);
  const refusing = bilateral.find((b) => !takesModifier50.has(b.indicator));
  if (refusing && !bilateral.some((b) => takesModifier50.has(b.indicator))) {
    findings.push({
      ...base,
      severity: 'error',
      modifiers: ['50'],
      message: t(lang, 'finding.bilateralNotAllowed', {
        code: line.code,
        indicator: refusing.indicator,
      }),
      fix: t(lang, 'finding.bilateralFix', { code: line.code }),
      citations: [reference.citation(refusing)],
    });
  }
  const side = line.modifiers.find((m) => sides.has(m));
  if (side) {
    findings.push({
      ...base,
      severity: 'error',
      modifiers: ['50', side],
      message: t(lang, 'finding.modifier50WithSide', { modifier: side }),
      fix: t(lang, 'finding.modifier50WithSideFix', { code: line.code }),
      citations: passageNaming(reference, day, '50', side),
    });
  }
  return findings;
}

/**
 * 51 (multiple procedures) on a code the add-on table lists (add-on codes are exempt from it),
 * otherwise on a code whose multiple-procedure indicator says no such rules apply.
 */
function modifier51Findings(
  { reference, lang }: CheckContext,
  { line, day, base }: ModifierLine,
): Finding[] {
  if (!line.modifiers.includes('51')) return [];
  const addOn = ReferenceIndex.inForceOn(reference.addOns.get(line.code) ?? [], day);
  if (addOn.length > 0) {
    return [
      {
        ...base,
        severity: 'error',
        modifiers: ['51'],
        message: t(lang, 'finding.modifier51OnAddOn', { code: line.code }),
        fix: t(lang, 'finding.modifier51OnAddOnFix', { code: line.code }),
        citations: [reference.citation(addOn[0]!)],
      },
    ];
  }
  const indicators = ReferenceIndex.inForceOn(
    reference.multipleProcedure.get(line.code) ?? [],
    day,
  );
  const refusing = indicators.find((m) => refusesModifier51.has(m.indicator));
  // Two rows in force that disagree (a correction mid-year) give the claim the benefit of doubt.
  if (!refusing || indicators.some((m) => !refusesModifier51.has(m.indicator))) return [];
  return [
    {
      ...base,
      severity: 'error',
      modifiers: ['51'],
      message: t(lang, 'finding.multipleProcedureNotAllowed', {
        code: line.code,
        indicator: refusing.indicator,
      }),
      fix: t(lang, 'finding.multipleProcedureFix', { code: line.code }),
      citations: [reference.citation(refusing)],
    },
  ];
}

/** 59 together with an X modifier: the X modifiers are the more precise form of 59. */
function modifier59Findings(
  { reference, lang }: CheckContext,
  { line, day, base }: ModifierLine,
): Finding[] {
  const x = line.modifiers.find((m) => xModifiers.has(m));
  if (!line.modifiers.includes('59') || !x) return [];
  return [
    {
      ...base,
      severity: 'error',
      modifiers: ['59', x],
      message: t(lang, 'finding.modifier59WithX', { modifier: x }),
      fix: t(lang, 'finding.modifier59WithXFix', { modifier: x }),
      citations: passageNaming(reference, day, '59', x),
    },
  ];
}

/** Each modifier not valid on the date (an error) or unknown to the library (a warning). */
function modifierValidityFindings(
  { reference, lang }: CheckContext,
  { line, base }: ModifierLine,
): Finding[] {
  const findings: Finding[] = [];
  for (const modifier of line.modifiers) {
    // A modifier the HCPCS file lists with dates: terminated or not yet added is an error.
    const validity = modifierValidity(reference, modifier, line.dateOfService);
    if (validity && (validity.kind === 'ended' || validity.kind === 'not-yet')) {
      findings.push({
        ...base,
        severity: 'error',
        modifiers: [modifier],
        message: validityText(lang, factsOf(validity, modifier, 'modifier', line.dateOfService)),
        citations: [reference.citation(validity.held.row)],
      });
      continue;
    }
    if (reference.knownModifiers.has(modifier)) continue;
    findings.push({
      ...base,
      severity: 'warning',
      modifiers: [modifier],
      message: t(lang, 'finding.modifierUnknown', { code: line.code, modifier }),
      fix: t(lang, 'finding.modifierUnknownFix', { modifier }),
      citations: [],
    });
  }
  return findings;
}

/** A library passage that names these modifiers together, as the finding's citation. */
function passageNaming(reference: ReferenceIndex, day: number, ...modifiers: string[]): Citation[] {
  const passage = reference.passageNaming(modifiers, day);
  return passage ? [passage] : [];
}
