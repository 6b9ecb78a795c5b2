import { useId } from 'react';
import { localeCodes } from '../../../../src/domain/locale.ts';
import { settings } from '../../../../src/domain/setting.ts';
import { CopyLinkButton } from '../../components/CopyLinkButton.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { endonyms } from '../../i18n/endonyms.ts';
import { isoDate } from './card-layout.ts';
import { LocalityField } from './fee/LocalityField.tsx';

/** Opens every section of the card, then prints: the whole card on paper. */
function printEverything(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('.code-card details'))
    details.open = true;
  window.print();
}

/** The card's date of service, setting and language (in the address), print and copy link. */
export function CardControls({
  dos,
  setting,
  lang,
  locality,
  onChange,
}: {
  dos: string;
  setting: string;
  lang: string;
  /** The Medicare locality the card shows the fee for ("" for none). */
  locality: string;
  onChange: (name: string, value: string) => void;
}) {
  const { t } = useLocale();
  const id = useId();
  return (
    <div className="card-controls no-print" role="group" aria-label={t('card.options')}>
      <div className="field">
        <label htmlFor={`${id}-dos`}>{t('card.dos')}</label>
        <input
          id={`${id}-dos`}
          type="date"
          value={dos}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '' || isoDate.test(value)) onChange('dos', value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-setting`}>{t('card.setting')}</label>
        <select
          id={`${id}-setting`}
          value={setting}
          onChange={(event) => onChange('setting', event.target.value)}
        >
          {settings.map((value) => (
            <option key={value} value={value}>
              {t('card.settingName', { setting: value })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{t('card.language')}</label>
        <select
          id={`${id}-lang`}
          value={lang}
          onChange={(event) => onChange('lang', event.target.value)}
        >
          {localeCodes.map((code) => (
            <option key={code} value={code} lang={code}>
              {endonyms[code]}
            </option>
          ))}
        </select>
      </div>
      <LocalityField locality={locality} onChange={(value) => onChange('locality', value)} />
      <div className="card-actions">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('card.print')}
        </button>
        <button type="button" className="secondary" onClick={printEverything}>
          {t('card.printAll')}
        </button>
        <CopyLinkButton />
      </div>
    </div>
  );
}
