import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { dayOf } from '../domain/day.ts';
import { periodCovers } from '../domain/row-period.ts';
import type { CodeSystem } from '../domain/code-system.ts';
import type { CodeDescription, CodeValiditySummary } from './code-description.ts';
import { notFound } from './code-not-found.ts';
import { findNotes, type DescriptorRow } from './code.repository.ts';
import { judgeCode, type CodeJudgement } from './code-validity.service.ts';
import { descriptorPeriod, sourceOf } from './descriptor-source.ts';
import { summarizeValidity } from './validity-summary.ts';

/**
 * The descriptors of a code as the library states them for one date of service. The release
 * that decides the code's validity (`judgeCode`: row dates first, newest release covering the
 * day) supplies the description and billability; other sources in force on the day (the
 * Tabular List) add their wording and notes. A code valid or a header on the date is described;
 * otherwise a NOT_FOUND says why (ended, not yet, not listed, no release for the date).
 */
export async function lookupCode(
  ctx: LibraryContext,
  rawCode: string,
  options: { system?: CodeSystem; dos: string },
): Promise<CodeDescription> {
  const described = await describeCode(ctx, rawCode, options);
  if (described.description) return described.description;
  throw notFound(rawCode, options.dos, described.judged);
}

/** A code's description when it is valid or a header on the date; else the verdict alone. */
export interface DescribedCode {
  judged: CodeJudgement;
  description: CodeDescription | null;
  validity: CodeValiditySummary | null;
}

export async function describeCode(
  ctx: LibraryContext,
  rawCode: string,
  options: { system?: CodeSystem; dos: string },
): Promise<DescribedCode> {
  const judged = await judgeCode(ctx, rawCode, options);
  if (!judged) {
    throw new CodecardError('BAD_INPUT', { detail: `"${rawCode}" does not look like a code` });
  }
  const { verdict, system } = judged;
  const validity = verdict ? summarizeValidity(verdict) : null;
  const day = dayOf(options.dos);
  const covering = judged.rows.filter((r) => periodCovers(descriptorPeriod(r), day));
  const decided =
    verdict?.kind === 'valid' || verdict?.kind === 'not-billable' ? verdict.held.row : null;
  const current =
    verdict === null
      ? covering
      : decided
        ? [decided, ...covering.filter((r) => r !== decided)]
        : [];
  const best = current[0];
  if (!best) return { judged, description: null, validity };
  const notes = await findNotes(
    ctx.db,
    ctx.orgId,
    system,
    ancestors(system, best.code),
    options.dos,
  );
  const description: CodeDescription = {
    system,
    code: best.code,
    description: best.long_description,
    mediumDescription: firstOf(current, (r) => r.medium_description),
    shortDescription: firstOf(current, (r) => r.short_description),
    consumerDescription: firstOf(current, (r) => r.consumer_description),
    // Billability is the deciding row's alone: a Tabular row (null) never makes a header billable.
    billable: decided ? decided.billable : null,
    effectiveFrom: best.row_from ?? best.doc_from,
    effectiveTo: best.row_to ?? best.doc_to,
    release: { label: best.release, effectiveFrom: best.doc_from },
    validity,
    attributes: Object.assign({}, ...current.map((r) => r.attributes ?? {})) as Record<
      string,
      string
    >,
    sources: current.map(sourceOf),
    variants: distinctDescriptions(current),
    notes: notes.map((n) => ({
      code: n.code,
      type: n.note_type,
      text: n.text,
      source: { documentId: n.document_id, title: n.title, release: null, locator: n.locator },
    })),
  };
  return { judged, description, validity };
}

/** Each distinct long descriptor (ignoring case and edge spaces), from the first row stating it. */
function distinctDescriptions(rows: DescriptorRow[]): CodeDescription['variants'] {
  const seen = new Map<string, CodeDescription['variants'][number]>();
  for (const row of rows) {
    const key = row.long_description.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, { text: row.long_description, source: sourceOf(row) });
  }
  return [...seen.values()];
}

/** The first value the rows state, in their order (the deciding row first). */
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
