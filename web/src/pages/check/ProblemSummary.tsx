import { forwardRef } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import type { FieldProblems } from './claim-form.ts';

/** How many fields need fixing, with a link to the first (takes focus after a failed submit). */
export const ProblemSummary = forwardRef<HTMLDivElement, { problems: FieldProblems }>(
  function ProblemSummary({ problems }, ref) {
    const { t } = useLocale();
    const firstProblem = [...problems.keys()][0];
    return (
      <div ref={ref} className="check-alert" role="alert" tabIndex={-1}>
        <p>{t('check.invalid.summary', { count: problems.size })}</p>
        {firstProblem && (
          <p>
            <a
              href={`#${firstProblem}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(firstProblem)?.focus();
              }}
            >
              {t('check.invalid.goToFirst')}
            </a>
          </p>
        )}
      </div>
    );
  },
);
