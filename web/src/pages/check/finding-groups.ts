import type { Translate } from '../../i18n/locale-context.tsx';
import type {
  ClaimSummary,
  Finding as CheckFinding,
  Severity,
} from '../../../../src/contracts/checks.ts';

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingGroup {
  key: string;
  /** 1-based line numbers; empty for findings about the whole claim. */
  lines: number[];
  findings: CheckFinding[];
}

/**
 * Findings grouped by the lines they concern: the whole claim first, then line by line (a
 * finding between two lines, like a PTP pair, is its own group "Lines 1 and 2"). Errors lead
 * each group.
 */
export function groupByLines(findings: readonly CheckFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const lines = [...new Set(finding.lines)].sort((a, b) => a - b);
    const key = lines.join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, lines, findings: [] }));
    group.findings.push(finding);
  }
  const compare = (a: FindingGroup, b: FindingGroup) => {
    if (a.lines.length === 0 || b.lines.length === 0) return a.lines.length - b.lines.length;
    for (let i = 0; i < Math.min(a.lines.length, b.lines.length); i++)
      if (a.lines[i] !== b.lines[i]) return a.lines[i]! - b.lines[i]!;
    return a.lines.length - b.lines.length;
  };
  return [...groups.values()].sort(compare).map((group) => ({
    ...group,
    findings: [...group.findings].sort(
      (a, b) => severityOrder[a.severity] - severityOrder[b.severity],
    ),
  }));
}

/** "1 error, 2 warnings and 1 info message" in the reader's language. */
export function summaryText(summary: ClaimSummary, t: Translate, locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format([
    t('check.summary.errors', { count: summary.errors }),
    t('check.summary.warnings', { count: summary.warnings }),
    t('check.summary.infos', { count: summary.infos }),
  ]);
}

/** A group's heading ("Line 2", "Lines 1 and 2", "The whole claim") and its lines' codes. */
export function groupTitle(
  group: FindingGroup,
  labels: string[] | undefined,
  t: Translate,
  locale: string,
): { title: string; codes: string } {
  if (group.lines.length === 0) return { title: t('check.group.claim'), codes: '' };
  const numbers = group.lines;
  // Labels are indexed from 0; line numbers count from 1.
  const codes = labels
    ? group.lines
        .map((l) => labels[l - 1])
        .filter((label) => label)
        .join(' · ')
    : '';
  if (numbers.length === 1) return { title: t('check.group.line', { number: numbers[0]! }), codes };
  return {
    title: t('check.group.lines', {
      numbers: new Intl.ListFormat(locale, { type: 'conjunction' }).format(numbers.map(String)),
    }),
    codes,
  };
}
