import { CodecardError } from '../errors/codecard-error.ts';
import { settingOption, systemOption } from './option-values.ts';
import { isImportKind, type DescriptorColumn, type ImportOptions } from './import-kind.ts';

export interface RawImportOptions {
  kind?: string | undefined;
  setting?: string | undefined;
  effective?: string | undefined;
  title?: string | undefined;
  system?: string | undefined;
  /** "true" or "false". */
  partial?: string | undefined;
  /** Code tables: "code=CPT Code,long=Full Text,short=Abbrev" (our field=their header). */
  columns?: string | undefined;
}

/** Validates import options given as text (CLI flags, multipart fields). */
export function importOptions(flags: RawImportOptions): ImportOptions {
  const options: ImportOptions = {};
  if (flags.kind !== undefined) {
    if (!isImportKind(flags.kind))
      throw new CodecardError('BAD_INPUT', { detail: `unknown --kind "${flags.kind}"` });
    options.kind = flags.kind;
  }
  const setting = settingOption(flags.setting);
  if (setting) options.setting = setting;
  const system = systemOption(flags.system);
  if (system) options.system = system;
  const effective = isoDateOption(flags.effective, '--effective');
  if (effective) options.effective = effective;
  if (flags.title !== undefined) options.title = flags.title;
  if (flags.columns !== undefined) options.columnMap = columnMap(flags.columns);
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

const descriptorColumns: readonly DescriptorColumn[] = [
  'code',
  'long',
  'medium',
  'short',
  'consumer',
];

/** "code=CPT Code,long=Full Text" -> {code: 'CPT Code', long: 'Full Text'}. */
function columnMap(text: string): Partial<Record<DescriptorColumn, string>> {
  const map: Partial<Record<DescriptorColumn, string>> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim() as DescriptorColumn;
    const header = pair.slice(at + 1).trim();
    if (at < 0 || !descriptorColumns.includes(field) || header === '') {
      throw new CodecardError('BAD_INPUT', {
        detail: `columns must look like "code=Header,long=Header" with fields ${descriptorColumns.join(', ')}; got "${pair.trim()}"`,
      });
    }
    map[field] = header;
  }
  if (map.code === undefined) {
    throw new CodecardError('BAD_INPUT', {
      detail: 'columns must name the code column (code=...)',
    });
  }
  return map;
}
