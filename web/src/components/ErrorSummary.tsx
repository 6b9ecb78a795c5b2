import { forwardRef } from 'react';
import { useT } from '../i18n/locale-context.tsx';
import type { FieldProblems } from './form-problems.ts';
import './components.css';

/**
 * What stops a form from being sent: each field's problem as a link to that field, and the
 * server's refusal (`failure`) in words. Takes focus after a failed submit (the caller focuses
 * it through the ref), so a screen reader reads it at once.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { problems: FieldProblems; failure?: string | null }
>(function ErrorSummary({ problems, failure }, ref) {
  const t = useT();
  if (problems.size === 0 && !failure) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      {failure && <p>{failure}</p>}
      {problems.size > 0 && (
        <>
          <p>{t('form.problems')}</p>
          <ul>
            {[...problems].map(([field, problem]) => (
              <li key={field}>
                <a
                  href={`#${field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(field)?.focus();
                  }}
                >
                  {t(problem.key, problem.values)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
});
