import { codeValidity, type CodeValidity, type HeldCodeRow } from '../domain/code-validity.ts';
import { datasetOnDay } from '../domain/release-staleness.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { CodeReleases } from './code-releases.ts';
import {
  findBillableUnder,
  findDescriptorRows,
  findReleaseDocuments,
  type DescriptorRow,
} from './code.repository.ts';
import type { CodeSystem } from '../domain/code-system.ts';
import { normalizeCode, systemsForShape } from '../domain/code-shape.ts';

/** The verdict on one code for a date of service, with the rows it was drawn from. */
export interface CodeJudgement {
  system: CodeSystem;
  code: string;
  /** Null when the library has no table that decides the system's validity. */
  verdict: CodeValidity<DescriptorRow> | null;
  /** Every descriptor row of the code (deciding and describing tables), newest version first. */
  rows: DescriptorRow[];
  /** For a header: the rows listing the billable codes under it, to cite. */
  replacementRows?: {
    code: string;
    locator: string;
    document_id: number;
    title: string;
    release: string | null;
  }[];
}

/**
 * Reads a code's rows and its system's releases, then asks the domain verdict. Systems come
 * from the code's shape unless given; the first whose releases hold the code decides, else the
 * first that has a table. A header's replacements are the billable codes under it in the
 * release that made it a header.
 */
export async function judgeCode(
  ctx: LibraryContext,
  rawCode: string,
  options: { system?: CodeSystem; dos: string },
): Promise<CodeJudgement | null> {
  const systems = options.system ? [options.system] : systemsForShape(rawCode);
  if (systems.length === 0) return null;
  const candidates = systems.map((system) => ({ system, code: normalizeCode(system, rawCode) }));
  const [rows, documents] = await Promise.all([
    findDescriptorRows(ctx.db, ctx.orgId, candidates, options.dos),
    findReleaseDocuments(ctx.db, ctx.orgId),
  ]);
  const releases = new CodeReleases(documents);
  const heldOf = (system: string, code: string) =>
    rows
      .filter((r) => r.system === system && r.code === code)
      .map((r) => releases.held(r, r.document_id, system, r.row_from, r.row_to, r.billable))
      .filter((h): h is HeldCodeRow<DescriptorRow> => h !== null);
  const chosen =
    candidates.find((c) => heldOf(c.system, c.code).length > 0) ??
    candidates.find((c) => releases.releasesOf(c.system).length > 0) ??
    candidates.find((c) => rows.some((r) => r.system === c.system)) ??
    candidates[0]!;
  const ownRows = rows.filter((r) => r.system === chosen.system && r.code === chosen.code);
  if (releases.releasesOf(chosen.system).length === 0) {
    return { system: chosen.system, code: chosen.code, verdict: null, rows: ownRows };
  }
  const verdict = codeValidity({
    held: heldOf(chosen.system, chosen.code),
    dos: options.dos,
    dataset: datasetOnDay(releases.releasesOf(chosen.system), options.dos),
  });
  if (verdict.kind === 'not-billable') {
    const under = await findBillableUnder(
      ctx.db,
      ctx.orgId,
      verdict.held.row.document_id,
      chosen.system,
      chosen.code,
    );
    verdict.replacements = under.map((r) => r.code);
    return {
      system: chosen.system,
      code: chosen.code,
      verdict,
      rows: ownRows,
      replacementRows: under,
    };
  }
  return { system: chosen.system, code: chosen.code, verdict, rows: ownRows };
}
