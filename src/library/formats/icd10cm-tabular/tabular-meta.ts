import type { DatasetMeta } from '../../import-kind.ts';
import { icd10cmFiscalYear, icd10cmReleaseFromFileName } from '../icd10cm-release.ts';

/** The release a Tabular List speaks for, from its <version>, its file name and the options. */
export function tabularMeta(
  fileName: string,
  version: string | null,
  title: string | null,
  effective: string | undefined,
): DatasetMeta {
  const meta: DatasetMeta = {
    system: 'icd10cm',
    publisher: 'CDC/NCHS and CMS',
    title: title ?? 'ICD-10-CM Tabular List of Diseases and Injuries',
  };
  // <version> states the fiscal year; the file name can add which in-year update it is.
  const fiscalYear = version !== null && /^\d{4}$/.test(version) ? Number(version) : null;
  const named = icd10cmReleaseFromFileName(fileName);
  const release =
    fiscalYear === null
      ? named
      : named?.fiscalYear === fiscalYear
        ? named
        : icd10cmFiscalYear(fiscalYear);
  if (release) {
    meta.release = release.release;
    meta.effectiveFrom = release.effectiveFrom;
  } else if (version !== null && version !== '') {
    meta.release = version;
  }
  if (effective !== undefined) meta.effectiveFrom = effective;
  return meta;
}
