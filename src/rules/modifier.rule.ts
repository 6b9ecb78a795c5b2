import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import { dayOf } from '../domain/day.ts';
import type { Finding } from './finding.ts';
import { ReferenceIndex } from './reference-index.ts';
import { factsOf, modifierValidity } from './code-validity.rule.ts';
import { validityText } from '../codes/validity-message.ts';
import type { Citation } from '../domain/citation.ts';

/**
 * MPFS bilateral surgery indicators under which modifier 50 applies: 1 (the bilateral payment
 * adjustment applies) and 3 (each side is paid separately). 0, 2 (already bilateral) and 9
 * (the concept does not apply) do not take it.
 */
const takesModifier50 = new Set(['1', '3']);
const xModifiers = new Set(['XE', 'XS', 'XP', 'XU']);
const sides = new Set(['LT', 'RT']);

/**
 * Modifier combinations that payers reject: 50 where the bilateral indicator does not allow it,
 * 51 on an add-on code, 59 with an X modifier or 50 with LT/RT on one line, and modifiers the
 * library does not know (once per claim when the library knows no modifiers at all).
 */
export function modifierRule({ claim, reference, lang }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const unchecked: number[] = [];
  claim.lines.forEach((line, at) => {
    if (line.modifiers.length === 0) return;
    const day = dayOf(line.dateOfService);
    const base = { rule: 'modifier' as const, lines: [at], codes: [line.code] };
    const has = (m: string) => line.modifiers.includes(m);
    const cite = (...modifiers: string[]): Citation[] => {
      const passage = reference.passageNaming(modifiers, day);
      return passage ? [passage] : [];
    };

    if (has('50')) {
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
          citations: cite('50', side),
        });
      }
    }
    if (has('51')) {
      const addOn = ReferenceIndex.inForceOn(reference.addOns.get(line.code) ?? [], day);
      if (addOn.length > 0) {
        findings.push({
          ...base,
          severity: 'error',
          modifiers: ['51'],
          message: t(lang, 'finding.modifier51OnAddOn', { code: line.code }),
          fix: t(lang, 'finding.modifier51OnAddOnFix', { code: line.code }),
          citations: [reference.citation(addOn[0]!)],
        });
      }
    }
    const x = line.modifiers.find((m) => xModifiers.has(m));
    if (has('59') && x) {
      findings.push({
        ...base,
        severity: 'error',
        modifiers: ['59', x],
        message: t(lang, 'finding.modifier59WithX', { modifier: x }),
        fix: t(lang, 'finding.modifier59WithXFix', { modifier: x }),
        citations: cite('59', x),
      });
    }
    if (reference.knownModifiers.size === 0) {
      unchecked.push(at);
      return;
    }
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
