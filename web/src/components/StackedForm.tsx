import type { ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { useFormSubmit } from './use-form-submit.ts';

/**
 * A short form in one column with its error summary above it: the fields (`children`), the
 * submit button (disabled while the request runs) and any other action beside it.
 */
export function StackedForm({
  form,
  onSubmit,
  submitLabel,
  extraActions,
  children,
}: {
  form: ReturnType<typeof useFormSubmit>;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <ErrorSummary ref={form.summary} problems={form.problems} failure={form.failure} />
      <form
        className="stacked-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        {children}
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {submitLabel}
          </button>
          {extraActions}
        </div>
      </form>
    </>
  );
}
