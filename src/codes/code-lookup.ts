import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import type { CodeValidity } from '../domain/code-validity.ts';
import { dayOf, isoOf, NEVER_AFTER, NEVER_BEFORE } from '../domain/day.ts';
import { periodCovers, rowPeriod } from '../domain/row-period.ts';
import { findNotes, type DescriptorRow } from './code.repository.ts';
import { judgeCode, type CodeJudgement } from './code-validity.service.ts';
import type { CodeSystem } from '../domain/code-system.ts';

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

/** The verdict on a code for the date, in a form the API and the card present. */
export interface CodeValiditySummary {
  kind: CodeValidity<unknown>['kind'];
  /** The release the verdict rests on ("FY2026", "October 2026"): its row, or the release in force. */
  release: string | null;
  /** The row the verdict rests on (or the row where the code was last seen). */
  source: SourceRef | null;
  /** The row's own end (ended) or start (not yet). */
  date: string | null;
  /** Billable codes under a header, from the release in force. */
  replacements: string[];
  /** The release in force when it is older than the date calls for. */
  stale: { release: string | null; effectiveFrom: string | null } | null;
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
  /** The release the description and verdict rest on (its label and effective date). */
  release: { label: string | null; effectiveFrom: string | null } | null;
  /** Null when the library has no table that decides this system's codes. */
  validity: CodeValiditySummary | null;
  attributes: Record<string, string>;
  sources: SourceRef[];
  /** Each distinct long descriptor the in-force sources state, newest source first. */
  variants: { text: string; source: SourceRef }[];
  notes: CodeNote[];
}

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
  const validity = verdict ? summarize(verdict) : null;
  const day = dayOf(options.dos);
  const covering = judged.rows.filter((r) => periodCovers(periodOf(r), day));
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

function periodOf(row: DescriptorRow) {
  return rowPeriod({ from: row.doc_from, to: row.doc_to }, { from: row.row_from, to: row.row_to });
}

export function summarize(verdict: CodeValidity<DescriptorRow>): CodeValiditySummary {
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

function distinctDescriptions(rows: DescriptorRow[]): CodeDescription['variants'] {
  const seen = new Map<string, CodeDescription['variants'][number]>();
  for (const row of rows) {
    const key = row.long_description.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, { text: row.long_description, source: sourceOf(row) });
  }
  return [...seen.values()];
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

function notFound(rawCode: string, dos: string, judged: CodeJudgement): CodecardError {
  const { verdict, code } = judged;
  const elsewhere = judged.rows[0];
  if (!elsewhere) {
    if (verdict?.kind === 'no-release-for-date') {
      return new CodecardError('NOT_FOUND', {
        detail: `the library has no code ${rawCode} in force on ${dos}: it holds no ${judged.system} release for that date`,
      });
    }
    return new CodecardError('NOT_FOUND', { detail: `the library has no code ${rawCode}` });
  }
  const why = (() => {
    switch (verdict?.kind) {
      case 'ended':
        return `"${verdict.held.row.title}" ends ${code} on ${verdict.held.row.row_to ?? '?'}`;
      case 'not-yet':
        return `"${verdict.held.row.title}" starts ${code} on ${verdict.held.row.row_from ?? '?'}`;
      case 'no-release-for-date':
        return `the library holds no ${judged.system} release for that date`;
      case 'stale-unknown':
        return `the library's ${judged.system} release in force (${verdict.release.label ?? '?'}) is older than the date calls for`;
      case 'valid':
      case 'not-billable':
      case 'not-in-library':
      case undefined: {
        const period = periodOf(elsewhere);
        const from = period.from === NEVER_BEFORE ? 'the start' : isoOf(period.from);
        const to = period.until === NEVER_AFTER ? 'now' : isoOf(period.until - 1);
        return `"${elsewhere.title}" lists ${elsewhere.code} for ${from} to ${to}`;
      }
    }
  })();
  return new CodecardError('NOT_FOUND', {
    detail: `the library has no code ${rawCode} in force on ${dos}; ${why} (use --dos)`,
  });
}
