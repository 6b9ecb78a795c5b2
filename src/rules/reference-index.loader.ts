import { extractRelations } from '../facts/relations/extract-relations.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { rangeExpanderFor } from '../library/store/range-expander.ts';
import { CodeReleases } from '../codes/code-releases.ts';
import { inForce, type InForce } from './in-force.ts';
import { push, ReferenceIndex, type CoverageEntry, type Sourced } from './reference-index.ts';
import { passageCitation, passagePlace } from '../library/citations.ts';
import {
  findAddOnRows,
  findCoverageRows,
  findDescriptorRows,
  findMentionedModifiers,
  findModifierPassages,
  findProcedurePassagesMatching,
  findReferenceDocuments,
  findRvuIndicatorRows,
} from './reference-index.repository.ts';

interface Document extends InForce {
  source: number;
  setting: string | null;
}

/** The org's documents (not NCCI edit files) by id: each one's source and period. */
type Documents = Map<number, Document>;

/** Frequency limits on one claim's date of service: per day, session or encounter. */
const checkablePeriods = new Set(['day', 'session', 'encounter']);
/** Sentences that state a count ("once", "one unit per", "por día") pass this cheap filter first. */
const frequencyCue = '(once|twice|per |each |por |cada |una vez)';

/** Reads the org's descriptor, add-on, RVU and coverage tables and its guidance into an index. */
export async function buildReferenceIndex(ctx: LibraryContext): Promise<ReferenceIndex> {
  const index = new ReferenceIndex();
  const documents = await loadDocuments(ctx, index);
  await loadDescriptors(ctx, index, documents);
  await loadAddOns(ctx, index, documents);
  await loadRvuIndicators(ctx, index, documents);
  await loadCoverage(ctx, index, documents);
  for (const code of await findMentionedModifiers(ctx)) index.knownModifiers.add(code);
  await loadModifierPassages(ctx, index, documents);
  await loadFrequencyLimits(ctx, index, documents);
  return index;
}

/** The releases that decide validity, and every document as a source with its period. */
async function loadDocuments(ctx: LibraryContext, index: ReferenceIndex): Promise<Documents> {
  const documentRows = await findReferenceDocuments(ctx);
  index.releases = new CodeReleases(documentRows);
  const documents: Documents = new Map();
  for (const d of documentRows) {
    index.sources.push({ documentId: d.id, title: d.title, version: d.release });
    documents.set(d.id, {
      source: index.sources.length - 1,
      setting: d.setting,
      ...inForce(d.effective_from, d.effective_to),
    });
  }
  return documents;
}

/** A row's source and days in force: its document's period narrowed by the row's own dates. */
function sourced(
  documents: Documents,
  documentId: number,
  locator: string,
  rowFrom: string | null = null,
  rowTo: string | null = null,
): Sourced | null {
  const d = documents.get(documentId);
  if (!d) return null;
  const row = inForce(rowFrom, rowTo);
  const from = Math.max(d.from, row.from);
  const until = Math.min(d.until, row.until);
  return { source: d.source, locator, from, until };
}

/** Descriptor rows of the releases that decide validity, and the modifiers the tables list. */
async function loadDescriptors(ctx: LibraryContext, index: ReferenceIndex, documents: Documents) {
  for (const row of await findDescriptorRows(ctx)) {
    if (row.system === 'modifier') index.knownModifiers.add(row.code);
    const d = documents.get(row.document_id);
    if (!d) continue;
    const held = index.releases.held(
      {
        source: d.source,
        documentId: row.document_id,
        locator: row.locator,
        rowFrom: row.effective_from,
        rowTo: row.effective_to,
      },
      row.document_id,
      row.system,
      row.effective_from,
      row.effective_to,
      row.billable,
    );
    // Rows of a table that does not decide validity (the Tabular List) only describe codes.
    if (!held) continue;
    index.addCode(row.system, row.code, held);
    if (row.system === 'icd10cm' && row.billable === true)
      index.codesUnder.add(row.document_id, row.code);
  }
}

async function loadAddOns(ctx: LibraryContext, index: ReferenceIndex, documents: Documents) {
  for (const row of await findAddOnRows(ctx)) {
    const at = sourced(documents, row.document_id, row.locator);
    if (at) push(index.addOns, row.add_on_code, { ...at, primary: row.primary_code });
  }
}

/** Bilateral and multiple-procedure indicators (rows without a modifier); modifier rows name known modifiers. */
async function loadRvuIndicators(ctx: LibraryContext, index: ReferenceIndex, documents: Documents) {
  for (const row of await findRvuIndicatorRows(ctx)) {
    if (row.modifier) {
      index.knownModifiers.add(row.modifier);
      continue;
    }
    const at = sourced(documents, row.document_id, row.locator);
    if (!at) continue;
    if (row.bilateral_surgery)
      push(index.bilateral, row.code, { ...at, indicator: row.bilateral_surgery });
    if (row.multiple_procedure)
      push(index.multipleProcedure, row.code, { ...at, indicator: row.multiple_procedure });
  }
}

/** Coverage rows grouped into one entry per document, policy and procedure code. */
async function loadCoverage(ctx: LibraryContext, index: ReferenceIndex, documents: Documents) {
  const policies = new Map<string, CoverageEntry>();
  for (const row of await findCoverageRows(ctx)) {
    const key = `${row.document_id}|${row.policy_id}|${row.procedure_code}`;
    let policy = policies.get(key);
    if (!policy) {
      const at = sourced(documents, row.document_id, row.locator);
      if (!at) continue;
      policy = { ...at, policyId: row.policy_id, diagnoses: new Set() };
      policies.set(key, policy);
      push(index.coverage, row.procedure_code, policy);
    }
    policy.diagnoses.add(row.icd10_code);
  }
}

/** Passages that name two or more modifiers: what the library says about combining them. */
async function loadModifierPassages(
  ctx: LibraryContext,
  index: ReferenceIndex,
  documents: Documents,
) {
  for (const row of await findModifierPassages(ctx)) {
    const document = documents.get(row.document_id);
    if (!document) continue;
    index.modifierPassages.push({
      from: document.from,
      until: document.until,
      modifiers: new Set(row.modifiers),
      citation: {
        documentId: row.document_id,
        title: row.title,
        version: row.release,
        locator: passagePlace(row),
      },
    });
  }
}

/** Limits such as "Report 62264 once per day" in passages that name a procedure code. */
async function loadFrequencyLimits(
  ctx: LibraryContext,
  index: ReferenceIndex,
  documents: Documents,
) {
  const rows = await findProcedurePassagesMatching(ctx, frequencyCue);
  const expand = await rangeExpanderFor(
    ctx,
    rows.map((r) => r.text),
  );
  for (const passage of rows) {
    const document = documents.get(passage.document_id);
    if (!document) continue;
    for (const relation of extractRelations(passage.text, expand)) {
      if (relation.kind !== 'frequency' || !checkablePeriods.has(relation.period)) continue;
      const citation = passageCitation(passage, relation.span[0], relation.span[1]);
      for (const code of relation.subject) {
        push(index.frequency, code, {
          max: relation.max,
          period: relation.period,
          setting: document.setting,
          from: document.from,
          until: document.until,
          citation,
        });
      }
    }
  }
}
