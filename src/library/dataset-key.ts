import type { DatasetMeta, ImportKind } from './import-kind.ts';

/**
 * Versions of one dataset share a key: a newer release of the hospital PTP table supersedes the
 * older one from its effective date, while the practitioner table is another dataset.
 */
export function datasetKey(
  kind: ImportKind,
  meta: DatasetMeta,
  title: string,
  partial: boolean,
): string {
  const key = fullDatasetKey(kind, meta, title);
  // A partial release is a dataset of its own: it never ends the complete release's period.
  return partial ? `${key}:partial:${normalizeTitle(title)}` : key;
}

function fullDatasetKey(kind: ImportKind, meta: DatasetMeta, title: string): string {
  switch (kind) {
    case 'ncci-ptp':
    case 'ncci-mue':
      return `${kind}:${meta.setting ?? 'unknown'}`;
    case 'hcpcs':
    case 'icd10cm-order':
    case 'icd10cm-tabular':
    case 'mpfs-rvu':
    case 'add-on':
    case 'gpci':
    case 'mcd-index':
      return kind;
    case 'code-table':
      // An organization's descriptor files keep their names across releases (long, short,
      // consumer-friendly files), so the title tells one table's versions from another table.
      return `${kind}:${meta.system ?? 'cpt'}:${normalizeTitle(title)}`;
    case 'coverage':
    case 'pdf':
    case 'docx':
    case 'html':
    case 'markdown':
    case 'text':
      return `${kind === 'coverage' ? 'coverage' : 'document'}:${normalizeTitle(title)}`;
  }
}

export function isPartialByName(fileName: string): boolean {
  return /(excerpt|subset)/i.test(fileName);
}

function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
