/** The CSV report's columns and rows, shared by the CLI, the batch download and the web app. */
export const csvColumns = [
  'claim',
  'rule',
  'severity',
  'lines',
  'codes',
  'modifiers',
  'message',
  'fix',
  'sources',
] as const;

/** What a CSV row needs of a checked claim (the web app's own result type has this shape too). */
export interface ReportableResult {
  id: string;
  findings: readonly {
    rule: string;
    severity: string;
    /** 1-based line numbers, written as they are. */
    lines: readonly number[];
    codes: readonly string[];
    modifiers?: readonly string[];
    message: string;
    fix?: string;
    citations: readonly { title: string; locator: string }[];
  }[];
}

/** One row per finding (lines 1-based, lists space-separated), cells not yet escaped. */
export function csvRows(result: ReportableResult): string[][] {
  return result.findings.map((f) => [
    result.id,
    f.rule,
    f.severity,
    f.lines.join(' '),
    f.codes.join(' '),
    (f.modifiers ?? []).join(' '),
    f.message,
    f.fix ?? '',
    f.citations.map((c) => `${c.title} ${c.locator}`).join('; '),
  ]);
}
