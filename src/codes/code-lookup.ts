import { CodecardError } from '../errors/codecard-error.ts';
import type { CodeSystem } from '../library/formats/fact-record.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { findDescriptorRows, findNotes, type DescriptorRow } from './code.repository.ts';
import { normalizeCode, systemsForShape } from './normalize.ts';

export interface SourceRef {
  documentId: number;
  title: string;
  release: string | null;
  locator: string;
}

export interface CodeNote {
  code: string;
  type: string;
  text: string;
  source: SourceRef;
}

export interface CodeDescription {
  system: CodeSystem;
  code: string;
  description: string;
  mediumDescription: string | null;
  shortDescription: string | null;
  consumerDescription: string | null;
  billable: boolean | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  attributes: Record<string, string>;
  sources: SourceRef[];
  /** Each distinct long descriptor the in-force sources state, newest source first. */
  variants: { text: string; source: SourceRef }[];
  notes: CodeNote[];
}

/**
 * The descriptors of a code as the library states them for one date of service. Each source
 * (order file, tabular list, HCPCS release) contributes; the first in-force one supplies the
 * description. No library row, no answer: a clear NOT_FOUND that says what the library has.
 */
export async function lookupCode(
  ctx: LibraryContext,
  rawCode: string,
  options: { system?: CodeSystem; dos: string },
): Promise<CodeDescription> {
  const systems = options.system ? [options.system] : systemsForShape(rawCode);
  if (systems.length === 0) {
    throw new CodecardError('BAD_INPUT', { detail: `"${rawCode}" does not look like a code` });
  }
  const candidates = systems.map((system) => ({ system, code: normalizeCode(system, rawCode) }));
  const rows = await findDescriptorRows(ctx.db, ctx.orgId, candidates, options.dos);
  const current = rows.filter((row) => row.in_force && rowInForce(row, options.dos));
  const best = current[0];
  if (!best) throw notFound(rawCode, options.dos, rows);
  const sameCode = current.filter((r) => r.system === best.system && r.code === best.code);
  const system = best.system as CodeSystem;
  const notes = await findNotes(
    ctx.db,
    ctx.orgId,
    system,
    ancestors(system, best.code),
    options.dos,
  );
  return {
    system,
    code: best.code,
    description: best.long_description,
    mediumDescription: firstOf(sameCode, (r) => r.medium_description),
    shortDescription: firstOf(sameCode, (r) => r.short_description),
    consumerDescription: firstOf(sameCode, (r) => r.consumer_description),
    billable: firstOf(sameCode, (r) => r.billable),
    effectiveFrom: latest(best.row_from, best.doc_from),
    effectiveTo: earliest(best.row_to, best.doc_to),
    attributes: Object.assign({}, ...sameCode.map((r) => r.attributes ?? {})) as Record<
      string,
      string
    >,
    sources: sameCode.map(sourceOf),
    variants: distinctDescriptions(sameCode),
    notes: notes.map((n) => ({
      code: n.code,
      type: n.note_type,
      text: n.text,
      source: { documentId: n.document_id, title: n.title, release: null, locator: n.locator },
    })),
  };
}

function distinctDescriptions(rows: DescriptorRow[]): CodeDescription['variants'] {
  const seen = new Map<string, CodeDescription['variants'][number]>();
  for (const row of rows) {
    const key = row.long_description.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, { text: row.long_description, source: sourceOf(row) });
  }
  return [...seen.values()];
}

function rowInForce(row: DescriptorRow, dos: string): boolean {
  return (
    (row.row_from === null || row.row_from <= dos) && (row.row_to === null || row.row_to >= dos)
  );
}

function sourceOf(row: DescriptorRow): SourceRef {
  return {
    documentId: row.document_id,
    title: row.title,
    release: row.release,
    locator: row.locator,
  };
}

function firstOf<T>(rows: DescriptorRow[], pick: (row: DescriptorRow) => T | null): T | null {
  for (const row of rows) {
    const value = pick(row);
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/** M54.16 -> M54.16, M54.1, M54 (ICD-10-CM notes at a category apply to its codes). */
function ancestors(system: CodeSystem, code: string): string[] {
  if (system !== 'icd10cm') return [code];
  const compact = code.replace('.', '');
  const out: string[] = [];
  for (let length = compact.length; length >= 3; length--) {
    const part = compact.slice(0, length);
    out.push(length > 3 ? `${part.slice(0, 3)}.${part.slice(3)}` : part);
  }
  return out;
}

const latest = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : a > b ? a : b;
const earliest = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : a < b ? a : b;

function notFound(rawCode: string, dos: string, rows: DescriptorRow[]): CodecardError {
  const elsewhere = rows[0];
  if (!elsewhere) {
    return new CodecardError('NOT_FOUND', { detail: `the library has no code ${rawCode}` });
  }
  const from = latest(elsewhere.row_from, elsewhere.doc_from) ?? 'the start';
  const to = earliest(elsewhere.row_to, elsewhere.doc_to) ?? 'now';
  return new CodecardError('NOT_FOUND', {
    detail: `the library has no code ${rawCode} in force on ${dos}; "${elsewhere.title}" lists ${elsewhere.code} for ${from} to ${to} (use --dos)`,
  });
}
