import { useId } from 'react';
import { CopyLinkButton } from '../../components/CopyLinkButton.tsx';

/**
 * A value the server shows once (an invite link, a new API key): a read-only field to select,
 * a copy button, and the warning that it will not be shown again.
 */
export function OneTimeSecret({
  label,
  warning,
  value,
  copyLabel,
}: {
  label: string;
  warning: string;
  value: string;
  copyLabel: string;
}) {
  const id = useId();
  return (
    <div className="one-time-secret" role="status">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        readOnly
        value={value}
        onFocus={(event) => event.target.select()}
        aria-describedby={`${id}-warning`}
      />
      <CopyLinkButton url={value} label={copyLabel} />
      <p id={`${id}-warning`} className="one-time-warning">
        {warning}
      </p>
    </div>
  );
}
