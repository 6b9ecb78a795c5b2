import { sql } from 'kysely';
import { extractRelations } from '../facts/relations/extract-relations.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { rangeExpanderFor } from '../library/store/range-expander.ts';
import { CodeReleases, type ReleaseDocument } from '../codes/code-releases.ts';
import { inForce, type InForce } from './in-force.ts';
import { push, ReferenceIndex, type CoverageEntry } from './reference-index.ts';
import { type PassageRow, passageCitation, passagePlace } from '../library/citations.ts';

interface DocumentRow extends ReleaseDocument {
  title: string;
  setting: string | null;
}

interface Document extends InForce {
  source: number;
  setting: string | null;
}

/** Frequency limits on one claim's date of service: per day, session or encounter. */
const checkablePeriods = new Set(['day', 'session', 'encounter']);
/** Sentences that state a count ("once", "one unit per", "por día") pass this cheap filter first. */
const frequencyCue = '(once|twice|per |each |por |cada |una vez)';

/** Reads the org's descriptor, add-on, RVU and coverage tables and its guidance into an index. */
export async function buildReferenceIndex(ctx: LibraryContext): Promise<ReferenceIndex> {
  const { db, orgId } = ctx;
  const index = new ReferenceIndex();
  const { rows: documentRows } = await sql<DocumentRow>`
    select id, kind, system, partial, title, release, setting, effective_from, effective_to
    from documents
    where org_id = ${orgId} and kind not in ('ncci-ptp', 'ncci-mue') order by id`.execute(db);
  index.releases = new CodeReleases(documentRows);
  const documents = new Map<number, Document>();
  for (const d of documentRows) {
    index.sources.push({ documentId: d.id, title: d.title, version: d.release });
    documents.set(d.id, {
      source: index.sources.length - 1,
      setting: d.setting,
      ...inForce(d.effective_from, d.effective_to),
    });
  }
  /** A row's source and days in force: its document's period narrowed by the row's own dates. */
  const sourced = (
    documentId: number,
    locator: string,
    rowFrom: string | null = null,
    rowTo: string | null = null,
  ) => {
    const d = documents.get(documentId);
    if (!d) return null;
    const row = inForce(rowFrom, rowTo);
    const from = Math.max(d.from, row.from);
    const until = Math.min(d.until, row.until);
    return { source: d.source, locator, from, until };
  };

  const descriptors = await sql<{
    document_id: number;
    system: string;
    code: string;
    billable: boolean | null;
    effective_from: string | null;
    effective_to: string | null;
    locator: string;
  }>`select document_id, system, code, billable, effective_from, effective_to, locator
     from code_descriptors where org_id = ${orgId}`.execute(db);
  for (const row of descriptors.rows) {
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

  const addOns = await sql<{
    document_id: number;
    add_on_code: string;
    primary_code: string;
    locator: string;
  }>`select document_id, add_on_code, primary_code, locator from add_on_codes
     where org_id = ${orgId}`.execute(db);
  for (const row of addOns.rows) {
    const at = sourced(row.document_id, row.locator);
    if (at) push(index.addOns, row.add_on_code, { ...at, primary: row.primary_code });
  }

  const rvus = await sql<{
    document_id: number;
    code: string;
    modifier: string | null;
    bilateral_surgery: string | null;
    locator: string;
  }>`select document_id, code, modifier, bilateral_surgery, locator from rvu_indicators
     where org_id = ${orgId}`.execute(db);
  for (const row of rvus.rows) {
    if (row.modifier) {
      index.knownModifiers.add(row.modifier);
      continue;
    }
    const at = sourced(row.document_id, row.locator);
    if (at && row.bilateral_surgery)
      push(index.bilateral, row.code, { ...at, indicator: row.bilateral_surgery });
  }

  const coverage = await sql<{
    document_id: number;
    policy_id: string;
    procedure_code: string;
    icd10_code: string;
    locator: string;
  }>`select document_id, policy_id, procedure_code, icd10_code, locator from coverage_codes
     where org_id = ${orgId} order by document_id, policy_id, procedure_code, locator`.execute(db);
  const policies = new Map<string, CoverageEntry>();
  for (const row of coverage.rows) {
    const key = `${row.document_id}|${row.policy_id}|${row.procedure_code}`;
    let policy = policies.get(key);
    if (!policy) {
      const at = sourced(row.document_id, row.locator);
      if (!at) continue;
      policy = { ...at, policyId: row.policy_id, diagnoses: new Set() };
      policies.set(key, policy);
      push(index.coverage, row.procedure_code, policy);
    }
    policy.diagnoses.add(row.icd10_code);
  }

  const mentioned = await sql<{ code: string }>`
    select distinct code from code_mentions where org_id = ${orgId} and system = 'modifier'`.execute(
    db,
  );
  for (const row of mentioned.rows) index.knownModifiers.add(row.code);

  await loadModifierPassages(ctx, index, documents);
  await loadFrequencyLimits(ctx, index, documents);
  return index;
}

type PassageWithDocument = PassageRow & { document_id: number };

/** Passages that name two or more modifiers: what the library says about combining them. */
async function loadModifierPassages(
  { db, orgId }: LibraryContext,
  index: ReferenceIndex,
  documents: Map<number, Document>,
) {
  const { rows } = await sql<PassageWithDocument & { modifiers: string[] }>`
    select p.id as passage_id, p.text, p.page, p.heading_path, p.start_offset, p.language,
      d.id as document_id, d.title, d.release, hit.modifiers
    from (
      select passage_id, array_agg(distinct code) as modifiers from code_mentions
      where org_id = ${orgId} and system = 'modifier'
      group by passage_id having count(distinct code) > 1
    ) hit
      join passages p on p.id = hit.passage_id
      join documents d on d.id = p.document_id
    order by d.id, p.ordinal`.execute(db);
  for (const row of rows) {
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
  documents: Map<number, Document>,
) {
  const { rows } = await sql<PassageWithDocument>`
    select p.id as passage_id, p.text, p.page, p.heading_path, p.start_offset, p.language,
      d.id as document_id, d.title, d.release
    from passages p join documents d on d.id = p.document_id
    where p.org_id = ${ctx.orgId} and p.text ~* ${frequencyCue}
      and exists (select 1 from code_mentions m
                  where m.passage_id = p.id and m.system in ('cpt', 'hcpcs'))
    order by d.id, p.ordinal`.execute(ctx.db);
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
