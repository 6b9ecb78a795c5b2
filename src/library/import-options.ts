import { CodecardError } from '../errors/codecard-error.ts';
import type { CodeSystem, Setting } from './formats/fact-record.ts';
import { isImportKind, type ImportOptions } from './import-kind.ts';

export interface RawImportOptions {
  kind?: string | undefined;
  setting?: string | undefined;
  effective?: string | undefined;
  title?: string | undefined;
  system?: string | undefined;
  /** "true" or "false". */
  partial?: string | undefined;
}

const settings: readonly Setting[] = ['practitioner', 'hospital', 'dme'];
const systems: readonly CodeSystem[] = ['cpt', 'hcpcs', 'icd10cm', 'modifier'];

/** Validates import options given as text (CLI flags, multipart fields). */
export function importOptions(flags: RawImportOptions): ImportOptions {
  const options: ImportOptions = {};
  if (flags.kind !== undefined) {
    if (!isImportKind(flags.kind))
      throw new CodecardError('BAD_INPUT', { detail: `unknown --kind "${flags.kind}"` });
    options.kind = flags.kind;
  }
  if (flags.setting !== undefined) {
    if (!settings.includes(flags.setting as Setting)) {
      throw new CodecardError('BAD_INPUT', {
        detail: `--setting must be one of ${settings.join(', ')}`,
      });
    }
    options.setting = flags.setting as Setting;
  }
  if (flags.system !== undefined) {
    if (!systems.includes(flags.system as CodeSystem)) {
      throw new CodecardError('BAD_INPUT', {
        detail: `--system must be one of ${systems.join(', ')}`,
      });
    }
    options.system = flags.system as CodeSystem;
  }
  const effective = isoDateOption(flags.effective, '--effective');
  if (effective) options.effective = effective;
  if (flags.title !== undefined) options.title = flags.title;
  if (flags.partial !== undefined) {
    if (flags.partial !== 'true' && flags.partial !== 'false') {
      throw new CodecardError('BAD_INPUT', { detail: 'partial must be true or false' });
    }
    options.partial = flags.partial === 'true';
  }
  return options;
}

/** A calendar date as YYYY-MM-DD, checked to be a real day. */
export function isoDateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new CodecardError('BAD_INPUT', {
      detail: `${name} must be a date as YYYY-MM-DD, got "${value}"`,
    });
  }
  return value;
}
