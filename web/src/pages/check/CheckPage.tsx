import { useRef, useState } from 'react';
import { useLocation } from '../../app/router.tsx';
import { useFocusAfter } from '../../components/use-focus-after.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { BatchCheck } from './BatchCheck.tsx';
import { ClaimForm } from './ClaimForm.tsx';
import { ClaimReportView } from './ClaimReportView.tsx';
import {
  claimPayload,
  emptyClaim,
  exampleClaim,
  validateClaim,
  type ClaimDraft,
  type FieldProblems,
} from './claim-form.ts';
import { ProblemSummary } from './ProblemSummary.tsx';
import { useClaimCheck } from './use-claim-check.ts';
import './check.css';

/** Claim check: type a claim's lines or drop a claim file; findings per claim and line. */
export function CheckPage() {
  const { t, locale } = useLocale();
  const { query } = useLocation();
  const [draft, setDraft] = useState<ClaimDraft>(emptyClaim);
  const [problems, setProblems] = useState<FieldProblems>(() => new Map());
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const problemSummary = useRef<HTMLDivElement>(null);
  const { report, busy, error, announcement, setAnnouncement, check, clear } = useClaimCheck(
    (moveFocus) => focusResults(moveFocus),
  );
  const focusProblems = useFocusAfter(problems, problemSummary);
  // A submitted check's findings, once on the page, take the focus (a language change's do not).
  const focusResults = useFocusAfter(report, resultsHeading);

  const submit = () => {
    const found = validateClaim(draft);
    setProblems(found);
    if (found.size > 0) {
      setAnnouncement('');
      focusProblems();
      return;
    }
    if (!busy) check(claimPayload(draft), locale, true);
  };

  return (
    <div className="check-page">
      <h1>{t('check.title')}</h1>
      <p className="page-intro">{t('check.intro')}</p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>

      <section className="check-section" aria-labelledby="claim-heading">
        <h2 id="claim-heading">{t('check.form.heading')}</h2>
        {problems.size > 0 && <ProblemSummary ref={problemSummary} problems={problems} />}
        <ClaimForm
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            // A fixed field stops being flagged as soon as the claim is valid again.
            if (problems.size > 0) setProblems(validateClaim(next));
          }}
          problems={problems}
          busy={busy}
          onSubmit={submit}
          onExample={() => {
            setDraft(exampleClaim());
            setProblems(new Map());
          }}
          onClear={() => {
            setDraft(emptyClaim());
            setProblems(new Map());
            clear();
          }}
        />

        {error && (
          <div className="check-alert" role="alert">
            <p>{t('check.error.check', { message: error })}</p>
          </div>
        )}

        {report && <ClaimReportView ref={resultsHeading} report={report} busy={busy} />}
      </section>

      <BatchCheck resumeId={query.get('batch')} />
    </div>
  );
}
