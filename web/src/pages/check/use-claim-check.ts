import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { lineLabels, type JsonClaim } from './claim-form.ts';
import type { LineLabels } from './check-types.ts';
import type { CheckResponse, ClaimResult } from '../../../../src/contracts/checks.ts';
import { summaryText } from './finding-groups.ts';

export interface ClaimReport {
  payload: { claims: JsonClaim[] };
  results: ClaimResult[];
  labels: LineLabels;
  /** The language the server wrote the messages in. */
  lang: string;
}

interface CheckRequest {
  payload: { claims: JsonClaim[] };
  lang: string;
  /** Once its findings are on the page, their heading takes focus. */
  moveFocus: boolean;
}

/**
 * A typed claim checked by `POST /api/checks`: the report of the last check that answered, the
 * error of one that failed, and what a screen reader hears. `check` sends a claim; `clear`
 * forgets the report.
 */
export function useClaimCheck(onReport: (moveFocus: boolean) => void) {
  const { t, locale } = useLocale();
  const [request, setRequest] = useState<CheckRequest | null>(null);
  const [report, setReport] = useState<ClaimReport | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const sent = useApi<CheckResponse>(request && `/api/checks?lang=${request.lang}`, {
    init: { method: 'POST', body: JSON.stringify(request?.payload) },
    key: request,
    onSuccess: (response) => {
      if (!request) return;
      setReport({
        payload: request.payload,
        results: response.claims,
        labels: lineLabels(request.payload),
        lang: request.lang,
      });
      const first = response.claims[0];
      setAnnouncement(
        first ? t('check.results.done', { summary: summaryText(first.summary, t, locale) }) : '',
      );
      onReport(request.moveFocus);
    },
    onError: () => {
      setReport(null);
      setAnnouncement('');
    },
  });
  // The findings' wording comes from the server in one language: a new language asks again.
  useEffect(() => {
    if (report && report.lang !== locale && !sent.loading)
      setRequest({ payload: report.payload, lang: locale, moveFocus: false });
  }, [locale]);
  return {
    report,
    busy: sent.loading,
    error: sent.error?.message ?? null,
    announcement,
    setAnnouncement,
    check: (payload: { claims: JsonClaim[] }, lang: string, moveFocus: boolean) =>
      setRequest({ payload, lang, moveFocus }),
    clear: () => {
      setRequest(null);
      setReport(null);
      setAnnouncement('');
    },
  };
}
