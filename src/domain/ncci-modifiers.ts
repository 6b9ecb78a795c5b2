/**
 * The NCCI PTP-associated modifiers and where each belongs, as the NCCI Policy Manual for
 * Medicare Services (Chapter I, General Correct Coding Policies, §E "Modifiers and Modifier
 * Indicators") and the CMS article "Proper Use of Modifiers 59 & -X{EPSU}" state them:
 * - 59, XE, XS, XP, XU, 91, 58, 78, 79 are appended to the column two code;
 * - 25, 57, 24 and 27 describe an evaluation and management service, so they count only on the
 *   E/M code's line;
 * - anatomic modifiers show that two services were at different sites, so they count only when
 *   the two lines carry different ones (RT with LT, F1 with F2); the same one on both lines, or
 *   one on a single line, says nothing about separate sites.
 * These are CMS rules about modifiers in general, not facts about any code: they belong to the
 * engine, like the meaning of a modifier indicator.
 */
export const columnTwoModifiers: ReadonlySet<string> = new Set([
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  '91',
  '58',
  '78',
  '79',
]);

export const evaluationAndManagementModifiers: ReadonlySet<string> = new Set([
  '25',
  '57',
  '24',
  '27',
]);

export const anatomicModifiers: ReadonlySet<string> = new Set([
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
]);

/** Every modifier that may bypass an indicator-1 edit somewhere. */
export function isNcciAssociated(modifier: string): boolean {
  return (
    columnTwoModifiers.has(modifier) ||
    evaluationAndManagementModifiers.has(modifier) ||
    anatomicModifiers.has(modifier)
  );
}

/** Office, hospital, consultation and other E/M services (99202–99499). */
export function isEvaluationAndManagement(code: string): boolean {
  return /^99[2-4]\d\d$/.test(code);
}
