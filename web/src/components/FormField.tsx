import type { ReactNode } from 'react';
import { useT } from '../i18n/locale-context.tsx';
import type { FieldProblems } from './form-problems.ts';

/** A label, its control, an optional hint and the control's problem, wired for assistive tech. */
export function FormField({
  id,
  label,
  hint,
  problems,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  problems: FieldProblems;
  className?: string;
  children: (props: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const t = useT();
  const problem = problems.get(id);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="field-problem">
          {t(problem.key, problem.values)}
        </span>
      )}
    </div>
  );
}
