import { useEffect, useId, useState } from 'react';
import { useLocale } from '../../../i18n/locale-context.tsx';

/**
 * The Medicare locality the card shows a fee for, in the user's words ("Manhattan", "NY 01").
 * It is applied when the field is left or Enter is pressed, not on every keystroke, so the card
 * is fetched once per locality.
 */
export function LocalityField({
  locality,
  onChange,
}: {
  locality: string;
  onChange: (value: string) => void;
}) {
  const { t } = useLocale();
  const id = useId();
  const [draft, setDraft] = useState(locality);
  useEffect(() => setDraft(locality), [locality]);
  const apply = () => {
    if (draft.trim() !== locality) onChange(draft.trim());
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-locality`}>{t('cardFee.locality')}</label>
      <input
        id={`${id}-locality`}
        type="text"
        value={draft}
        placeholder={t('cardFee.localityHint')}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
      />
    </div>
  );
}
