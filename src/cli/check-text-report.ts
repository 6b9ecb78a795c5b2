import type { ClaimResult } from '../rules/claim-checker.ts';
import type { ReportWriter } from '../check/check-report.ts';

/** The readable report of `codecard check`: one block per claim, findings with their sources. */
export const textReportWriter: ReportWriter = {
  head: () => '',
  item: (result: ClaimResult) => {
    const { errors, warnings, infos } = result.summary;
    let text = `Claim ${result.id}: ${errors} errors, ${warnings} warnings, ${infos} notes\n`;
    for (const f of result.findings) {
      text += `  ${f.severity.toUpperCase()} [${f.rule}] line ${f.lines.join(', ')}: ${f.message}\n`;
      if (f.fix) text += `    fix: ${f.fix}\n`;
      for (const c of f.citations)
        text += `    source: [${c.documentId}] ${c.title}${c.version ? ` ${c.version}` : ''}, ${c.locator}\n`;
    }
    return text;
  },
  tail: () => '',
};
