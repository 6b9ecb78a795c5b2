import type { Setting } from '../domain/setting.ts';
import { createHash } from 'node:crypto';
import type { CodeDescription } from '../codes/code-description.ts';
import { describeCode } from '../codes/code-lookup.ts';
import { validityText } from '../codes/validity-message.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t, textDirection } from '../i18n/translate.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { detectCodeMentions, type RangeExpander } from '../library/code-mentions.ts';
import { rangeExpanderFor } from '../library/store/range-expander.ts';
import {
  findAddOns,
  findCoverage,
  findModifierPassages,
  findMues,
  findPassages,
  findPtpEdits,
  findRvuIndicators,
  findCitedDocuments,
  findShortDescriptors,
  libraryFingerprint,
} from './card-facts.repository.ts';
import {
  type Card,
  type CardItem,
  type CardSection,
  type CardTable,
  type SectionId,
} from './card-types.ts';
import {
  descriptorItems,
  modifierItems,
  mueConflicts,
  necessityItems,
  reportingItems,
} from './fact-sections.ts';
import {
  isAnalyzed,
  modifierDefinitionItems,
  proseItems,
  type ProseItems,
} from './prose-sections.ts';
import { descriptorConflicts, proseTableConflicts } from './card-conflicts.ts';
import { validityItems } from './validity-items.ts';
import { cardLanguageItems } from './card-language.ts';
import { notInLibraryError } from './not-in-library.ts';
import { staleCardData } from './stale-data.ts';
import { cardChanges } from './card-changes.ts';
import { ncciCaveats } from './ncci-caveats.ts';
import type { CodeSystem } from '../domain/code-system.ts';
import type { PassageRow } from '../library/citations.ts';
import type { AddOnRow, CoverageRow, MueRow, PtpRow, RvuRow } from './card-fact-rows.ts';
import { cardSectionIds } from '../domain/card-section.ts';
import { cardTables, otherCodes } from './card-tables.ts';
import { glanceLines, releaseLine } from './card-glance.ts';
import { cardCitations, labelCard, sourceName } from './citation-labels.ts';
import { NCCI_ASSOCIATED_MODIFIERS } from './ncci-modifiers.ts';

export interface CardRequest {
  code: string;
  system?: CodeSystem;
  dos: string;
  setting: Setting;
  lang: LocaleCode;
}

const systemNames: Record<string, string> = {
  cpt: 'CPT',
  hcpcs: 'HCPCS',
  icd10cm: 'ICD-10-CM',
  modifier: 'HCPCS modifier',
};

/** The rows a card is built from, as found for the code on the date of service. */
interface CardRows {
  edits: PtpRow[];
  mues: MueRow[];
  rvus: RvuRow[];
  addOns: AddOnRow[];
  coverage: CoverageRow[];
  passages: PassageRow[];
  fingerprint: string[];
}

interface CardScope {
  orgId: string;
  code: string;
  dos: string;
  setting: Setting;
}

/**
 * The code card: every section built from the library's facts and passages in force on the
 * date of service, each item cited; empty sections are omitted and listed as gaps. A code the
 * library knows nothing about is NOT_FOUND.
 */
export async function composeCard(ctx: LibraryContext, request: CardRequest): Promise<Card> {
  const { lang, dos, setting } = request;
  const { description, gap: descriptorGap } = await describe(ctx, request);
  const code = description?.code ?? request.code.trim().toUpperCase();
  const scope = { orgId: ctx.orgId, code, dos, setting };
  const rows = await findCardRows(ctx, scope);
  if (!description && hasNoRows(rows)) {
    throw await notInLibraryError(
      ctx,
      { code, system: request.system ?? 'cpt', dos },
      descriptorGap ?? t(lang, 'card.notInLibrary', { code, date: dos }),
    );
  }
  const libraryVersion = libraryVersionOf(rows.fingerprint);
  const prose = proseItems(
    code,
    rows.passages,
    libraryVersion,
    await expanderForUnanalyzed(ctx, rows.passages, libraryVersion),
  );
  const definitions = await modifierDefinitions(ctx, scope, rows, prose, libraryVersion);
  const facts = factItems(request, description, rows, [
    ...modifierItems(code, rows.edits, rows.rvus, lang),
    ...notIn(definitions, prose.get('modifiers')),
  ]);
  const bypass = definedBypassModifiers(definitions);
  const descriptors = await findShortDescriptors(ctx.db, scope, otherCodes(code, rows));
  const tables = cardTables(code, rows, setting, descriptors, bypass);
  const { sections, gaps } = sectionsAndGaps(request, facts, prose, tables, descriptorGap);
  const system = description?.system ?? request.system ?? 'cpt';
  const card: Card = {
    system,
    code,
    title: cardTitle(lang, system, code, description),
    dos,
    setting,
    lang,
    dir: textDirection(lang),
    libraryVersion,
    footer: t(lang, 'card.footer', { version: libraryVersion }),
    glance: glanceLines({
      ...rows,
      code,
      dos,
      setting,
      lang,
      description,
      descriptorCitations: facts.descriptor?.[0]?.citations ?? [],
      bypass,
    }),
    tables,
    sections,
    // Procedure codes: what the NCCI files cannot tell for the date (diagnoses have no edits).
    gaps:
      system === 'icd10cm'
        ? gaps
        : [...gaps, ...(await ncciCaveats(ctx, code, setting, dos, lang))],
    conflicts: [
      ...descriptorConflicts(description, dos, lang),
      ...mueConflicts(rows.mues, dos, lang),
      ...proseTableConflicts(code, prose.get('bundling') ?? [], rows.edits, dos, lang),
    ],
    // Named as their citations name them ("NCCI PTP, practitioner, v32.0"), not by file.
    stale: await staleCardData(ctx, dos, (release) =>
      sourceName({ ...release, id: 0, file_name: release.title }, lang),
    ),
  };
  const changes = await cardChanges(ctx, { system, code, dos, setting, lang });
  if (changes.length > 0) card.changes = changes;
  return withLabels(ctx, card);
}

/** The card's citations labelled for a reader, and the dates of the data used at a glance. */
async function withLabels(ctx: LibraryContext, card: Card): Promise<Card> {
  const citations = cardCitations(card);
  const docs = await findCitedDocuments(
    ctx.db,
    ctx.orgId,
    citations.map((c) => c.documentId),
  );
  const releases = releaseLine(citations, docs, card.lang);
  const glance = releases ? [...card.glance, releases] : card.glance;
  return labelCard({ ...card, glance }, new Map(docs.map((d) => [d.id, d])));
}

/**
 * The NCCI-associated modifiers the library defines (its definitions name them); all of them
 * when it defines none, as NCCI lets each bypass an indicator-1 edit.
 */
function definedBypassModifiers(definitions: CardItem[]): string[] {
  const defined = new Set(definitions.flatMap((item) => item.codes ?? []));
  const named = NCCI_ASSOCIATED_MODIFIERS.filter((m) => defined.has(m));
  return named.length > 0 ? named : [...NCCI_ASSOCIATED_MODIFIERS];
}

async function findCardRows(ctx: LibraryContext, scope: CardScope): Promise<CardRows> {
  const [edits, mues, rvus, addOns, coverage, passages, fingerprint] = await Promise.all([
    findPtpEdits(ctx.db, scope),
    findMues(ctx.db, scope),
    findRvuIndicators(ctx.db, scope),
    findAddOns(ctx.db, scope),
    findCoverage(ctx.db, scope),
    findPassages(ctx.db, scope),
    libraryFingerprint(ctx.db, ctx.orgId),
  ]);
  return { edits, mues, rvus, addOns, coverage, passages, fingerprint };
}

/** No fact and no passage for the code (the fingerprint describes the library, not the code). */
function hasNoRows(rows: CardRows): boolean {
  const { edits, mues, rvus, addOns, coverage, passages } = rows;
  return (
    edits.length + mues.length + rvus.length + addOns.length + coverage.length + passages.length ===
    0
  );
}

/** A short version of the library's contents: cached prose analyses are valid for one version. */
function libraryVersionOf(fingerprint: string[]): string {
  return createHash('sha256').update(fingerprint.join('\n')).digest('hex').slice(0, 12);
}

/** Code ranges are expanded only in passages whose analysis is not cached for this version. */
async function expanderForUnanalyzed(
  ctx: LibraryContext,
  passages: PassageRow[],
  libraryVersion: string,
): Promise<RangeExpander> {
  return rangeExpanderFor(
    ctx,
    passages.filter((p) => !isAnalyzed(p, libraryVersion)).map((p) => p.text),
  );
}

/** Definitions, from the library's passages, of the modifiers the card points to. */
async function modifierDefinitions(
  ctx: LibraryContext,
  scope: CardScope,
  rows: CardRows,
  prose: ProseItems,
  libraryVersion: string,
): Promise<CardItem[]> {
  const modifiers = relevantModifiers(rows.edits, rows.rvus, prose.get('modifiers') ?? []);
  const modifierPassages = await findModifierPassages(ctx.db, scope, modifiers);
  return modifierDefinitionItems(
    scope.code,
    modifiers,
    modifierPassages,
    libraryVersion,
    await expanderForUnanalyzed(ctx, modifierPassages, libraryVersion),
  );
}

/** The items each section takes from the tables (prose items are added per section later). */
function factItems(
  request: CardRequest,
  description: CodeDescription | null,
  rows: CardRows,
  modifiers: CardItem[],
): Partial<Record<SectionId, CardItem[]>> {
  const { lang, dos } = request;
  const facts: Partial<Record<SectionId, CardItem[]>> = {
    descriptor: description
      ? [...descriptorItems(description, lang), ...validityItems(description, dos, lang)]
      : [],
    reporting: reportingItems(rows.rvus, lang),
    modifiers,
    'medical-necessity': necessityItems(rows.coverage, lang),
  };
  if (description?.consumerDescription) {
    facts['simple-words'] = [
      {
        text: description.consumerDescription,
        lang: 'en',
        citations: descriptorItems(description, lang)[0]!.citations,
      },
    ];
  }
  return facts;
}

/**
 * Each section with items or a table becomes a section, in the fixed order; an empty one
 * becomes a gap.
 */
function sectionsAndGaps(
  request: CardRequest,
  facts: Partial<Record<SectionId, CardItem[]>>,
  prose: ProseItems,
  tables: CardTable[],
  descriptorGap: string | null,
): { sections: CardSection[]; gaps: Card['gaps'] } {
  const { lang, dos } = request;
  const sections: CardSection[] = [];
  const gaps: Card['gaps'] = [];
  for (const id of cardSectionIds) {
    const items = preferLanguage([...(facts[id] ?? []), ...(prose.get(id) ?? [])], lang);
    const title = t(lang, `section.${id}`);
    if (items.length > 0 || tables.some((table) => table.section === id))
      sections.push({ id, title, items });
    else
      gaps.push({
        section: id,
        message:
          id === 'descriptor'
            ? (descriptorGap ?? t(lang, 'gap.descriptor', { date: dos }))
            : t(lang, 'gap.section', { section: title }),
      });
  }
  return { sections, gaps };
}

function cardTitle(
  lang: LocaleCode,
  system: string,
  code: string,
  description: CodeDescription | null,
): string {
  const year = yearOf(description);
  const systemName = systemNames[system] ?? system;
  return year
    ? t(lang, 'card.title', { year, system: systemName, code })
    : t(lang, 'card.titleNoYear', { system: systemName, code });
}

async function describe(
  ctx: LibraryContext,
  request: CardRequest,
): Promise<{ description: CodeDescription | null; gap: string | null }> {
  const described = await describeCode(ctx, request.code, {
    dos: request.dos,
    ...(request.system ? { system: request.system } : {}),
  });
  const { judged, validity } = described;
  // Not described on the date (ended, not yet, not listed, no release): the verdict says why.
  const gap =
    described.description === null && validity && judged.rows.length > 0
      ? validityText(request.lang, {
          ...validity,
          code: judged.code,
          system: judged.system,
          dos: request.dos,
        })
      : null;
  return { description: described.description, gap };
}

/** The year of the release the descriptor came from, for the title ("2026 CPT code 62264"). */
function yearOf(description: CodeDescription | null): string | null {
  // The release's year, not the row's: J1040 was added in 1982 but comes from the 2020 file.
  const from = description?.release?.effectiveFrom;
  if (from) return from.slice(0, 4);
  const release = description?.sources[0]?.release ?? '';
  return /\b(19|20)\d{2}\b/.exec(release)?.[0] ?? null;
}

/** Items in the chosen language; others only as marked quotes, for want of any (card-language). */
function preferLanguage(items: CardItem[], lang: LocaleCode): CardItem[] {
  return cardLanguageItems(items, lang);
}

// The modifiers the RVU indicators govern.
const rvuModifiers = {
  multiple_procedure: ['51'],
  bilateral_surgery: ['50'],
  assistant_surgery: ['80', '82', 'AS'],
  co_surgeons: ['62'],
  team_surgery: ['66'],
} as const;

/** The modifiers this card points to, whose meaning the library should explain. */
function relevantModifiers(
  edits: PtpRow[],
  rvus: RvuRow[],
  proseModifierItems: CardItem[],
): string[] {
  const wanted = new Set<string>();
  if (edits.some((e) => e.modifier_indicator === 1))
    for (const m of NCCI_ASSOCIATED_MODIFIERS) wanted.add(m);
  const rvu = rvus[0];
  if (rvu) {
    for (const [column, list] of Object.entries(rvuModifiers) as [
      keyof typeof rvuModifiers,
      readonly string[],
    ][]) {
      if (rvu[column]?.trim()) for (const m of list) wanted.add(m);
    }
  }
  for (const item of proseModifierItems) {
    for (const mention of detectCodeMentions(item.text))
      if (mention.system === 'modifier') wanted.add(mention.code);
  }
  return [...wanted];
}

/** Items whose source sentence is not already among `shown` (a definition that is also a rule). */
function notIn(items: CardItem[], shown: CardItem[] = []): CardItem[] {
  const key = (item: CardItem) => `${item.citations[0]?.documentId}|${item.citations[0]?.locator}`;
  const seen = new Set(shown.map(key));
  return items.filter((item) => !seen.has(key(item)));
}
