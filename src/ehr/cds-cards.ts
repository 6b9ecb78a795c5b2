import { createHash } from 'node:crypto';
import type { CdsCard } from '../contracts/cds-hooks.ts';
import type { EhrCase } from '../contracts/ehr.ts';
import type { Finding } from '../contracts/checks.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t, type MessageKey } from '../i18n/translate.ts';

const summaryKeys: Partial<Record<Finding['rule'], MessageKey>> = {
  ptp: 'cds.summary.ptp',
  mue: 'cds.summary.mue',
  'add-on': 'cds.summary.add-on',
  'medical-necessity': 'cds.summary.medical-necessity',
  'code-validity': 'cds.summary.code-validity',
};

/**
 * The CDS cards of a checked case: one per error or warning finding that names codes (a note
 * about the library itself, such as a missing ICD-10-CM table, is not about the order). A
 * finding that is an error on a claim is a `warning` card: the order may still be right (a
 * modifier, another diagnosis) and the clinician decides; a warning finding is an `info` card.
 * Each card cites the first library row or passage the finding rests on, linked to Codecard's
 * source viewer, and offers a SMART link to the whole case. With `selections` (order-select:
 * "ServiceRequest/id" of the orders just chosen), only findings on a line of a chosen order.
 */
export function cdsCards(
  checked: EhrCase,
  lang: LocaleCode,
  codecardUrl: string,
  selections?: readonly string[],
): CdsCard[] {
  const appContext = JSON.stringify({
    patientId: checked.patientId,
    encounterId: checked.encounterId,
  });
  return checked.check.findings
    .filter((f) => f.severity !== 'info' && f.codes.length > 0)
    .filter((f) => selections === undefined || touchesSelection(checked, f, selections))
    .map((finding) => {
      const codes = [...new Set(finding.codes)].join(', ');
      const citation = finding.citations[0];
      return {
        uuid: cardId(checked, finding),
        summary: truncated(
          t(lang, summaryKeys[finding.rule] ?? 'cds.summary.other', { codes }),
          140,
        ),
        detail: finding.fix ? `${finding.message}\n\n${finding.fix}` : finding.message,
        indicator: finding.severity === 'error' ? 'warning' : 'info',
        source: citation
          ? {
              label: citation.version ? `${citation.title} (${citation.version})` : citation.title,
              url: `${codecardUrl}/sources/${citation.documentId}?locator=${encodeURIComponent(citation.locator)}`,
            }
          : { label: 'Codecard', url: codecardUrl },
        links: [
          {
            label: t(lang, 'cds.link.case'),
            url: `${codecardUrl}/smart/launch`,
            type: 'smart' as const,
            appContext,
          },
        ],
      };
    });
}

function touchesSelection(checked: EhrCase, finding: Finding, selections: readonly string[]) {
  return finding.lines.some((line) => {
    const from = checked.procedures[line - 1]?.from;
    return from !== undefined && selections.includes(`${from.resourceType}/${from.id}`);
  });
}

/** The same finding on the same encounter gets the same card id across calls (EHRs dedupe). */
function cardId(checked: EhrCase, finding: Finding): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        checked.fhirBase,
        checked.encounterId,
        finding.rule,
        finding.codes,
        finding.lines,
      ]),
    )
    .digest('hex');
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-a${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

function truncated(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
