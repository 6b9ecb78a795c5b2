import type { CitationFailure } from './citations.ts';
import { share, type EvalSummary, type Tally } from './score.ts';

export interface CitationFigures {
  checked: number;
  valid: number;
  failures: readonly CitationFailure[];
}

/** The figures the closing note of issue 5 reports, as plain text for the test log. */
export function formatReport(summary: EvalSummary, citations: CitationFigures): string {
  const citationTally = { questions: citations.checked, correct: citations.valid };
  const lines = [
    `Ask evaluation: ${summary.questions} questions`,
    `  facts correct      ${figure(summary.inLibrary)}  (in-library questions)`,
    `  citations valid    ${figure(citationTally)}  (every citation of every answer)`,
    `  refusals correct   ${figure(summary.outOfLibrary)}  (questions outside the library)`,
    `  latency            ${latency(summary.latencyMs)}`,
    '',
    '  by language',
    ...table(summary.byLanguage),
    '  by expected kind',
    ...table(summary.byKind),
  ];
  if (summary.failures.length > 0) {
    lines.push('', `  failures (${summary.failures.length})`);
    for (const f of summary.failures) {
      lines.push(`    ${f.id} [${f.lang}] ${f.question}`);
      for (const problem of f.problems) lines.push(`      - ${problem}`);
    }
  }
  if (citations.failures.length > 0) {
    lines.push('', `  invalid citations (${citations.failures.length})`);
    for (const f of citations.failures) {
      lines.push(`    ${f.questionId}: ${f.citation.title} ${f.citation.locator}: ${f.problem}`);
    }
  }
  return lines.join('\n');
}

function figure(tally: Tally): string {
  const rate = share(tally);
  const percent = Number.isNaN(rate) ? '  n/a' : `${(rate * 100).toFixed(1)}%`.padStart(6);
  return `${percent}  ${tally.correct}/${tally.questions}`;
}

function latency(ms: EvalSummary['latencyMs']): string {
  return ms ? `p50 ${ms.p50.toFixed(1)} ms, p95 ${ms.p95.toFixed(1)} ms` : 'n/a';
}

function table(tallies: Record<string, Tally>): string[] {
  return Object.entries(tallies)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, tally]) => `    ${key.padEnd(14)} ${figure(tally)}`);
}
