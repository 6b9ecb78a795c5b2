import type { HeldCodeRow } from '../domain/code-validity.ts';
import { dayOf, isoOf, NEVER_AFTER, NEVER_BEFORE } from '../domain/day.ts';
import type { DatasetRelease } from '../domain/release-staleness.ts';
import { rowPeriod } from '../domain/row-period.ts';

/** A document version as the validity verdict needs it. */
export interface ReleaseDocument {
  id: number;
  kind: string;
  system: string | null;
  partial: boolean;
  release: string | null;
  effective_from: string | null;
  effective_to: string | null;
}

/**
 * The code systems whose validity a document's descriptor rows decide. An HCPCS release lists
 * procedure codes and modifiers; the ICD-10-CM order file decides existence and billability; an
 * organization's code table decides for its system. The Tabular List describes codes (notes,
 * inclusion terms) but never decides: its rows carry no billable flag.
 */
export function systemsDecidedBy(kind: string, system: string | null): string[] {
  switch (kind) {
    case 'hcpcs':
      return ['hcpcs', 'modifier'];
    case 'icd10cm-order':
      return ['icd10cm'];
    case 'code-table':
      return [system ?? 'cpt'];
    default:
      return [];
  }
}

/** The deciding releases, ranked by effective date, then import order (newer ranks higher). */
export class CodeReleases {
  private readonly byDocument = new Map<number, DatasetRelease>();
  private readonly bySystem = new Map<string, DatasetRelease[]>();
  private readonly decides = new Map<number, readonly string[]>();

  constructor(documents: readonly ReleaseDocument[]) {
    const ordered = [...documents]
      .filter((d) => systemsDecidedBy(d.kind, d.system).length > 0)
      .sort(
        (a, b) => (a.effective_from ?? '').localeCompare(b.effective_from ?? '') || a.id - b.id,
      );
    ordered.forEach((d, rank) => {
      const release: DatasetRelease = {
        kind: d.kind,
        label: d.release,
        effectiveFrom: d.effective_from,
        from: d.effective_from === null ? NEVER_BEFORE : dayOf(d.effective_from),
        until: d.effective_to === null ? NEVER_AFTER : dayOf(d.effective_to) + 1,
        partial: d.partial,
        rank,
      };
      this.byDocument.set(d.id, release);
      const systems = systemsDecidedBy(d.kind, d.system);
      this.decides.set(d.id, systems);
      for (const system of systems) {
        const list = this.bySystem.get(system);
        if (list) list.push(release);
        else this.bySystem.set(system, [release]);
      }
    });
  }

  /** Every deciding release of a system (empty: the library has no table for it). */
  releasesOf(system: string): readonly DatasetRelease[] {
    return this.bySystem.get(system) ?? [];
  }

  /** A descriptor row as a held row of its release, or null when its document does not decide. */
  held<T>(
    row: T,
    documentId: number,
    system: string,
    rowFrom: string | null,
    rowTo: string | null,
    billable: boolean | null,
  ): HeldCodeRow<T> | null {
    const release = this.byDocument.get(documentId);
    if (!release || !(this.decides.get(documentId) ?? []).includes(system)) return null;
    const documentRange = {
      from: release.effectiveFrom,
      to: release.until === NEVER_AFTER ? null : isoOf(release.until - 1),
    };
    return {
      row,
      rank: release.rank,
      period: rowPeriod(documentRange, { from: rowFrom, to: rowTo }),
      billable,
      release,
    };
  }
}
