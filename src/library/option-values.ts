import { CodecardError } from '../errors/codecard-error.ts';
import { isLocaleCode, localeCodes, type LocaleCode } from '../domain/locale.ts';
import { codeSystems, type CodeSystem } from '../domain/code-system.ts';
import { settings, type Setting } from '../domain/setting.ts';

/** The values a setting, code system or language may take, and their checks, in one place. */

export function settingOption(value: string | undefined, name = '--setting'): Setting | undefined {
  if (value === undefined) return undefined;
  const setting = settings.find((candidate) => candidate === value);
  if (!setting)
    throw new CodecardError('BAD_INPUT', {
      detail: `${name} must be one of ${settings.join(', ')}`,
    });
  return setting;
}

export function systemOption(value: string | undefined, name = '--system'): CodeSystem | undefined {
  if (value === undefined) return undefined;
  const system = codeSystems.find((candidate) => candidate === value);
  if (!system)
    throw new CodecardError('BAD_INPUT', {
      detail: `${name} must be one of ${codeSystems.join(', ')}`,
    });
  return system;
}

export function localeOption(value: string | undefined, name = '--lang'): LocaleCode {
  if (value === undefined) return 'en';
  if (!isLocaleCode(value))
    throw new CodecardError('BAD_INPUT', {
      detail: `${name} must be one of ${localeCodes.join(', ')}`,
    });
  return value;
}

/** Today's date of service (UTC), the default for every query. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
