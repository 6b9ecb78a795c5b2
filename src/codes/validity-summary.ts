import type { CodeValidity } from '../domain/code-validity.ts';
import type { CodeValiditySummary } from './code-description.ts';
import type { DescriptorRow } from './code.repository.ts';
import { sourceOf } from './descriptor-source.ts';

/** The validity verdict as the API and the card present it: its release, row and dates. */
export function summarizeValidity(verdict: CodeValidity<DescriptorRow>): CodeValiditySummary {
  const base = { kind: verdict.kind, replacements: [], stale: null, date: null };
  switch (verdict.kind) {
    case 'valid':
      return {
        ...base,
        release: verdict.held.row.release,
        source: sourceOf(verdict.held.row),
        stale: verdict.stale
          ? { release: verdict.stale.label, effectiveFrom: verdict.stale.effectiveFrom }
          : null,
      };
    case 'not-billable':
      return {
        ...base,
        release: verdict.held.row.release,
        source: sourceOf(verdict.held.row),
        replacements: verdict.replacements,
      };
    case 'ended':
      return {
        ...base,
        release: verdict.held.row.release,
        source: sourceOf(verdict.held.row),
        date: verdict.held.row.row_to,
      };
    case 'not-yet':
      return {
        ...base,
        release: verdict.held.row.release,
        source: sourceOf(verdict.held.row),
        date: verdict.held.row.row_from,
      };
    case 'not-in-library':
      return {
        ...base,
        release: verdict.lastSeen?.row.release ?? null,
        source: verdict.lastSeen ? sourceOf(verdict.lastSeen.row) : null,
      };
    case 'no-release-for-date':
      return { ...base, release: null, source: null };
    case 'stale-unknown':
      return {
        ...base,
        release: verdict.release.label,
        source: verdict.lastSeen ? sourceOf(verdict.lastSeen.row) : null,
        stale: { release: verdict.release.label, effectiveFrom: verdict.release.effectiveFrom },
      };
  }
}
