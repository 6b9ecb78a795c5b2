import type { Dispatch, SetStateAction } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { kindLabel } from './library-format.ts';
import { type UploadOptions } from './library-types.ts';
import { codeSystems } from '../../../../src/domain/code-system.ts';
import { importKinds } from '../../../../src/contracts/library.ts';
import { settings } from '../../../../src/domain/setting.ts';

/** Options for the files added next: kind, setting, system, effective date, release. */
export function UploadOptionsForm({
  options,
  onChange,
}: {
  options: UploadOptions;
  onChange: Dispatch<SetStateAction<UploadOptions>>;
}) {
  const { t } = useLocale();
  const set = (name: keyof UploadOptions) => (value: string) =>
    onChange((current) => ({ ...current, [name]: value }));
  return (
    <details className="upload-options">
      <summary>{t('library.options.summary')}</summary>
      <p className="muted">{t('library.options.hint')}</p>
      <div className="options-grid">
        <OptionSelect
          id="option-kind"
          label={t('library.options.kind')}
          value={options.kind}
          onChange={set('kind')}
          choices={[
            ['', t('library.options.kindAuto')],
            ...importKinds.map((kind): [string, string] => [kind, kindLabel(kind, t)]),
          ]}
        />
        <OptionSelect
          id="option-setting"
          label={t('library.options.setting')}
          value={options.setting}
          onChange={set('setting')}
          choices={[
            ['', t('library.options.settingAuto')],
            ...settings.map((s): [string, string] => [s, t(`library.setting.${s}`)]),
          ]}
        />
        <OptionSelect
          id="option-system"
          label={t('library.options.system')}
          value={options.system}
          onChange={set('system')}
          choices={[
            ['', t('library.options.systemAuto')],
            ...codeSystems.map((s): [string, string] => [s, t(`library.system.${s}`)]),
          ]}
        />
        <div className="field">
          <label htmlFor="option-effective">{t('library.options.effective')}</label>
          <input
            id="option-effective"
            type="date"
            value={options.effective}
            aria-describedby="option-effective-hint"
            onChange={(e) => set('effective')(e.target.value)}
          />
          <span id="option-effective-hint" className="field-hint">
            {t('library.options.effectiveHint')}
          </span>
        </div>
        <OptionSelect
          id="option-partial"
          label={t('library.options.release')}
          value={options.partial}
          onChange={set('partial')}
          choices={[
            ['', t('library.options.releaseAuto')],
            ['false', t('library.options.complete')],
            ['true', t('library.options.partial')],
          ]}
        />
      </div>
    </details>
  );
}

function OptionSelect({
  id,
  label,
  value,
  onChange,
  choices,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: [string, string][];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
