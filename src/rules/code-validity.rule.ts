import { datasetName } from '../codes/system-names.ts';
import { validityText } from '../codes/validity-message.ts';
import type { CodeValidity } from '../domain/code-validity.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { Claim } from '../claims/claim-types.ts';
import type { CheckContext } from './check-context.ts';
import { verdictFor, type Verdict } from './code-verdicts.ts';
import type { Finding } from './finding.ts';
import { listed } from './listed.ts';
import type { CodeRow, ReferenceIndex } from './reference-index.ts';
import { factsOf } from './validity-facts.ts';

/** A code not valid on a date, with the claim lines (0-based) that bill it on that date. */
interface Problem {
  code: string;
  date: string;
  verdict: Verdict;
  lines: number[];
}

/** Codes the library has no release for on a date: one warning for all of them. */
interface NoReleaseGroup {
  system: string;
  date: string;
  codes: string[];
  lines: Set<number>;
}

/**
 * Every procedure code and diagnosis must be valid on the date of service by the shared
 * verdict (`codeValidity`): listed by the release that speaks for the date, not ended, not a
 * header. Where the library cannot tell (no release of the dataset for the date, or a release
 * older than the date calls for that does not list the code) the finding is a warning, not an
 * error. A system with no table loaded gives one warning for the claim.
 */
export function codeValidityRule({ claim, reference, lang }: CheckContext): Finding[] {
  const problems = invalidCodes(claim, reference);
  if (problems === null) return [];
  const findings: Finding[] = [];
  const unchecked = new Map<string, Set<number>>();
  const noRelease = new Map<string, NoReleaseGroup>();
  for (const { code, date, verdict, lines } of problems) {
    if (verdict.kind === 'no-table') {
      const set = unchecked.get(verdict.system) ?? new Set<number>();
      for (const line of lines) set.add(line);
      unchecked.set(verdict.system, set);
      continue;
    }
    const { validity, system } = verdict;
    if (validity.kind === 'no-release-for-date') {
      const key = `${system}|${date}`;
      const group = noRelease.get(key) ?? { system, date, codes: [], lines: new Set<number>() };
      group.codes.push(code);
      for (const line of lines) group.lines.add(line);
      noRelease.set(key, group);
      continue;
    }
    const finding = verdictFinding(reference, lang, { code, date, system, validity, lines });
    if (finding) findings.push(finding);
  }
  for (const group of noRelease.values()) findings.push(noReleaseFinding(group, lang));
  for (const [system, lines] of unchecked)
    findings.push(systemNotLoadedFinding(system, lines, lang));
  return findings;
}

/** The codes (procedure and diagnoses) not valid on their line's date; null when all are. */
function invalidCodes(claim: Claim, reference: ReferenceIndex): Problem[] | null {
  let problems: Problem[] | null = null;
  for (let at = 0; at < claim.lines.length; at++) {
    const line = claim.lines[at]!;
    const date = line.dateOfService;
    for (let k = -1; k < line.diagnoses.length; k++) {
      const dx = k >= 0;
      const code = dx ? line.diagnoses[k]! : line.code;
      const verdict = verdictFor(reference, code, date, dx);
      if (verdict.kind === 'judged' && verdict.validity.kind === 'valid') continue;
      problems ??= [];
      const found = problems.find((p) => p.code === code && p.date === date);
      if (!found) problems.push({ code, date, verdict, lines: [at] });
      else if (!found.lines.includes(at)) found.lines.push(at);
    }
  }
  return problems;
}

/** The finding for one code the library judged, by the verdict's kind (none for valid). */
function verdictFinding(
  reference: ReferenceIndex,
  lang: LocaleCode,
  judged: {
    code: string;
    date: string;
    system: string;
    validity: CodeValidity<CodeRow>;
    lines: number[];
  },
): Finding | null {
  const { code, date, system, validity, lines } = judged;
  const facts = factsOf(validity, code, system, date);
  const base = {
    rule: 'code-validity' as const,
    lines: lines.sort((a, b) => a - b),
    codes: [code],
    message: validityText(lang, facts),
  };
  const dataset = datasetName(system);
  switch (validity.kind) {
    case 'valid':
    case 'no-release-for-date':
      return null;
    case 'stale-unknown':
      return {
        ...base,
        severity: 'warning',
        fix: t(lang, 'validity.importRelease', { system: dataset, date }),
        citations: validity.lastSeen ? [reference.citation(validity.lastSeen.row)] : [],
      };
    case 'not-billable':
      return {
        ...base,
        severity: 'error',
        fix:
          validity.replacements.length > 0
            ? t(lang, 'validity.useInstead', { code, codes: listed(validity.replacements) })
            : t(lang, 'finding.codeNotBillableFix', { code }),
        citations: [reference.citation(validity.held.row)],
      };
    case 'ended':
    case 'not-yet':
      return {
        ...base,
        severity: 'error',
        fix: t(lang, 'finding.codeNotInForceFix', { code }),
        citations: [reference.citation(validity.held.row)],
      };
    case 'not-in-library':
      return {
        ...base,
        severity: 'error',
        fix: t(lang, 'finding.codeUnknownFix', { system: dataset }),
        citations: validity.lastSeen ? [reference.citation(validity.lastSeen.row)] : [],
      };
  }
}

/** One warning for the codes of a system that no release in the library covers on the date. */
function noReleaseFinding(group: NoReleaseGroup, lang: LocaleCode): Finding {
  return {
    rule: 'code-validity',
    severity: 'warning',
    lines: [...group.lines].sort((a, b) => a - b),
    codes: group.codes,
    message: t(lang, 'validity.noReleaseFinding', {
      system: datasetName(group.system),
      date: group.date,
      count: group.codes.length,
      codes: listed(group.codes),
    }),
    fix: t(lang, 'validity.importRelease', {
      system: datasetName(group.system),
      date: group.date,
    }),
    citations: [],
  };
}

/** One warning for the lines whose codes belong to a system with no table in the library. */
function systemNotLoadedFinding(system: string, lines: Set<number>, lang: LocaleCode): Finding {
  return {
    rule: 'code-validity',
    severity: 'warning',
    lines: [...lines].sort((a, b) => a - b),
    codes: [],
    message: t(lang, 'finding.systemNotLoaded', {
      system: datasetName(system),
      count: lines.size,
    }),
    citations: [],
  };
}
