import type { Kysely } from 'kysely';
import type { Claim } from '../claims/claim-types.ts';
import type { Database } from '../db/schema.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { camel } from '../i18n/select-key.ts';
import { t } from '../i18n/translate.ts';
import type { Finding } from './finding.ts';
import {
  oracleMueExcess,
  oraclePtpEdits,
  type OracleMueRow,
  type OraclePtpRow,
} from './sql-oracle.repository.ts';

/**
 * The PTP and MUE rules written a second time, in plain SQL over the library tables
 * (`sql-oracle.repository.ts`): the oracle the in-memory engine is tested against (the same
 * findings for every claim). Slow by design; never used to answer users. Its line table numbers
 * lines from 1, so findings carry 1-based line numbers like `checkEdits`.
 */
export async function oracleFindings(
  db: Kysely<Database>,
  orgId: string,
  claim: Claim,
  lang: LocaleCode = 'en',
): Promise<Finding[]> {
  if (claim.lines.length === 0) return [];
  const findings: Finding[] = [];
  for (const row of await oraclePtpEdits(db, orgId, claim))
    findings.push(...ptpFindings(claim, row, lang));
  for (const row of await oracleMueExcess(db, orgId, claim)) findings.push(mueFinding(row, lang));
  return findings;
}

/** What one PTP edit in force between two lines means, given the modifiers on them. */
function ptpFindings(claim: Claim, r: OraclePtpRow, lang: LocaleCode): Finding[] {
  const codes = { column1: r.column1, column2: r.column2 };
  const citations = [
    { documentId: r.document_id, title: r.title, version: r.release, locator: r.locator },
  ];
  const column2Line = claim.lines[r.a - 1]!.code === r.column2 ? r.a : r.b;
  const column1Line = column2Line === r.a ? r.b : r.a;
  const placed = oracleBypass(claim.lines[column1Line - 1]!, claim.lines[column2Line - 1]!);
  if (r.indicator === 0) {
    return [
      {
        rule: 'ptp',
        severity: 'error',
        lines: [column2Line],
        codes: [r.column1, r.column2],
        message: t(lang, 'finding.ptpNotAllowed', codes),
        citations,
      },
    ];
  }
  if (placed.bypass) {
    return [
      {
        rule: 'ptp',
        severity: 'info',
        lines: [r.a, r.b],
        codes: [r.column1, r.column2],
        modifiers: [placed.bypass],
        message: t(lang, 'finding.ptpBypassed', { ...codes, modifier: placed.bypass }),
        citations,
      },
    ];
  }
  return modifierRequired(r, column2Line, placed.misuse, citations, lang);
}

/** A pair a modifier could bypass but does not: an error, and a warning for a misused modifier. */
function modifierRequired(
  r: OraclePtpRow,
  column2Line: number,
  misuse: { modifier: string; why: string } | null,
  citations: Finding['citations'],
  lang: LocaleCode,
): Finding[] {
  const codes = { column1: r.column1, column2: r.column2 };
  const findings: Finding[] = [
    {
      rule: 'ptp',
      severity: 'error',
      lines: [column2Line],
      codes: [r.column1, r.column2],
      message: t(lang, 'finding.ptpModifierRequired', codes),
      fix: t(lang, 'finding.ptpModifierFix', codes),
      citations,
    },
  ];
  if (misuse) {
    findings.push({
      rule: 'ptp',
      severity: 'warning',
      lines: [r.a, r.b],
      codes: [r.column1, r.column2],
      modifiers: [misuse.modifier],
      message: t(lang, 'verdict.ptpModifierMisuse', {
        ...codes,
        modifier: misuse.modifier,
        why: camel(misuse.why),
      }),
      citations,
    });
  }
  return findings;
}

function mueFinding(r: OracleMueRow, lang: LocaleCode): Finding {
  return {
    rule: 'mue',
    severity: 'error',
    lines: r.lines,
    codes: [r.code],
    message: t(lang, 'finding.mueExceeded', {
      code: r.code,
      units: r.units,
      value: r.value,
      adjudication: String(r.adjudication ?? 'other'),
    }),
    fix: t(lang, 'finding.mueFix', { code: r.code, value: r.value }),
    citations: [
      { documentId: r.document_id, title: r.title, version: r.release, locator: r.locator },
    ],
  };
}

const ANATOMIC = /^(E[1-4]|F[1-9A]|T[1-9A]|LT|RT|LC|LD|LM|RC|RI)$/;
const COLUMN_TWO = /^(59|X[ESPU]|91|58|78|79)$/;
const EM_ONLY = /^(25|57|24|27)$/;
const isEm = (code: string) => /^99[2-4][0-9][0-9]$/.test(code);

/** The NCCI modifier placement rules written a second time, as the oracle's own reading. */
function oracleBypass(
  column1: { code: string; modifiers: string[] },
  column2: { code: string; modifiers: string[] },
): { bypass: string | null; misuse: { modifier: string; why: string } | null } {
  const onTwo = column2.modifiers.filter((m) => COLUMN_TWO.test(m));
  if (onTwo[0]) return { bypass: onTwo[0], misuse: null };
  for (const line of [column1, column2]) {
    const em = line.modifiers.filter((m) => EM_ONLY.test(m))[0];
    if (em && isEm(line.code)) return { bypass: em, misuse: null };
  }
  const site1 = column1.modifiers.filter((m) => ANATOMIC.test(m))[0];
  const site2 = column2.modifiers.filter((m) => ANATOMIC.test(m))[0];
  if (site1 && site2)
    return site1 === site2
      ? { bypass: null, misuse: { modifier: site1, why: 'same-site' } }
      : { bypass: site2, misuse: null };
  const onOne = column1.modifiers.filter((m) => COLUMN_TWO.test(m))[0];
  if (onOne) return { bypass: null, misuse: { modifier: onOne, why: 'column-one-line' } };
  const site = site1 ?? site2;
  if (site) return { bypass: null, misuse: { modifier: site, why: 'one-site' } };
  const em = [...column1.modifiers, ...column2.modifiers].filter((m) => EM_ONLY.test(m))[0];
  if (em) return { bypass: null, misuse: { modifier: em, why: 'not-evaluation-and-management' } };
  return { bypass: null, misuse: null };
}
