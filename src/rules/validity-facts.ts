import type { ValidityFacts } from '../codes/validity-message.ts';
import type { CodeValidity } from '../domain/code-validity.ts';
import type { CodeRow } from './reference-index.ts';

/** The verdict in the shape the shared messages take. */
export function factsOf(
  validity: CodeValidity<CodeRow>,
  code: string,
  system: string,
  dos: string,
): ValidityFacts {
  const base = {
    kind: validity.kind,
    code,
    system,
    dos,
    date: null,
    replacements: [],
    stale: null,
  };
  switch (validity.kind) {
    case 'valid':
      return {
        ...base,
        release: validity.held.release.label,
        stale: validity.stale ? { release: validity.stale.label } : null,
      };
    case 'not-billable':
      return { ...base, release: validity.held.release.label, replacements: validity.replacements };
    case 'ended':
      return { ...base, release: validity.held.release.label, date: validity.held.row.rowTo };
    case 'not-yet':
      return { ...base, release: validity.held.release.label, date: validity.held.row.rowFrom };
    case 'not-in-library':
      return { ...base, release: validity.lastSeen?.release.label ?? null };
    case 'no-release-for-date':
      return { ...base, release: null };
    case 'stale-unknown':
      return {
        ...base,
        release: validity.release.label,
        stale: { release: validity.release.label },
      };
  }
}
