/**
 * Modifiers that may bypass an NCCI PTP edit with indicator 1 (the NCCI policy manual's list);
 * 25 and 57 count only on an E/M code.
 */
const ncciAssociated = new Set([
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'LT',
  'RT',
  'LC',
  'LD',
  'LM',
  'RC',
  'RI',
  '24',
  '27',
  '91',
]);
const evaluationAndManagement = new Set(['25', '57']);

export function isEvaluationAndManagement(code: string): boolean {
  return /^99[2-4]\d\d$/.test(code);
}

/** The first modifier on the line that bypasses an indicator-1 edit, or null. */
export function bypassingModifier(code: string, modifiers: readonly string[]): string | null {
  for (const modifier of modifiers) {
    if (ncciAssociated.has(modifier)) return modifier;
    if (evaluationAndManagement.has(modifier) && isEvaluationAndManagement(code)) return modifier;
  }
  return null;
}
