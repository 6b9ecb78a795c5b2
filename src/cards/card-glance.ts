import type { CodeDescription } from '../codes/code-description.ts';
import { validityText } from '../codes/validity-message.ts';
import type { Citation } from '../domain/citation.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import { rowCitation } from '../library/citations.ts';
import type { AddOnRow, CitedDocument, CoverageRow, MueRow, PtpRow } from './card-fact-rows.ts';
import type { GlanceLine } from './card-types.ts';
import { documentKinds } from '../domain/document-kind.ts';
import { rationaleRelation } from './fact-sections.ts';
import { BYPASS_INDICATOR } from './ncci-modifiers.ts';
import { readableTitle, sourceName } from './citation-labels.ts';
import { validityCitations, validityFacts } from './validity-items.ts';

/** How many codes a glance line names before it counts the rest ("and 7 more"). */
const NAMED_CODES = 6;
/** How many documents the data line names before it counts the rest. */
const NAMED_RELEASES = 5;
/** A long descriptor this long or longer gives way to the short one at a glance. */
const LONG_DESCRIPTOR = 160;

export interface GlanceFacts {
  code: string;
  dos: string;
  setting: string;
  lang: LocaleCode;
  description: CodeDescription | null;
  descriptorCitations: Citation[];
  edits: PtpRow[];
  mues: MueRow[];
  addOns: AddOnRow[];
  coverage: CoverageRow[];
  bypass: readonly string[];
}

/**
 * The card's first screen: what the code is, whether it is valid on the date, the top warnings
 * (bundling counted, MUE, add-on pairs, coverage) and the modifiers that apply, each line cited
 * and pointing to the section with the details. The data line is added by `releaseLine`.
 */
export function glanceLines(facts: GlanceFacts): GlanceLine[] {
  return [
    ...whatLines(facts),
    ...bundlingLines(facts),
    ...reportingLines(facts),
    ...coverageLines(facts),
    ...modifierLines(facts),
  ];
}

function whatLines({ description, descriptorCitations, dos, lang }: GlanceFacts): GlanceLine[] {
  if (!description) return [];
  const { description: long, mediumDescription, shortDescription } = description;
  const text = mediumDescription ?? (long.length >= LONG_DESCRIPTOR && shortDescription) ?? long;
  const lines: GlanceLine[] = [
    {
      kind: 'what',
      text: text || long,
      lang: 'en',
      section: 'descriptor',
      citations: descriptorCitations,
    },
  ];
  const verdict = validityFacts(description, dos);
  if (verdict) {
    // A verdict without a release of its own names the release the descriptor came from.
    const source = description.sources[0];
    const facts = {
      ...verdict,
      release:
        verdict.release ??
        description.release?.label ??
        source?.release ??
        description.release?.effectiveFrom ??
        (source ? readableTitle(source.title) : null),
    };
    const citations = validityCitations(description);
    lines.push({
      kind: 'validity',
      text: validityText(lang, facts),
      lang,
      section: 'descriptor',
      citations: citations.length > 0 ? citations : descriptorCitations,
    });
  }
  return lines;
}

type PtpRelation = 'exclusive' | 'includes' | 'includedIn' | 'notWith';

function ptpRelation(code: string, edit: PtpRow): PtpRelation {
  const relation = rationaleRelation(edit.rationale);
  if (relation === 'mutually-exclusive') return 'exclusive';
  if (relation === 'component') return edit.column1 === code ? 'includes' : 'includedIn';
  return 'notWith';
}

/** One line per kind of PTP relation, counting the codes and naming the first few. */
function bundlingLines({ code, edits, lang }: GlanceFacts): GlanceLine[] {
  const groups = new Map<PtpRelation, PtpRow[]>();
  for (const edit of edits) {
    const relation = ptpRelation(code, edit);
    groups.set(relation, [...(groups.get(relation) ?? []), edit]);
  }
  const order: PtpRelation[] = ['exclusive', 'includes', 'includedIn', 'notWith'];
  return order.flatMap((relation) => {
    const list = groups.get(relation);
    if (!list) return [];
    const codes = [...new Set(list.map((e) => (e.column1 === code ? e.column2 : e.column1)))];
    return [
      {
        kind: 'warning' as const,
        text: t(lang, `glance.${relation}`, { count: codes.length, codes: namedCodes(codes) }),
        lang,
        section: 'bundling' as const,
        citations: list.map(rowCitation),
      },
    ];
  });
}

function reportingLines({ code, mues, addOns, setting, lang }: GlanceFacts): GlanceLine[] {
  const lines: GlanceLine[] = [];
  const mue = mues[0];
  if (mue) {
    lines.push({
      kind: 'warning',
      text: t(lang, 'reporting.mue', {
        value: mue.mue_value,
        adjudication: String(mue.adjudication ?? 'other'),
        setting,
      }),
      lang,
      section: 'reporting',
      citations: [rowCitation(mue)],
    });
  }
  const primaries = addOns.filter((a) => a.add_on_code === code);
  if (primaries.length > 0) {
    lines.push({
      kind: 'warning',
      text: t(lang, 'modifiers.addOn', { codes: namedCodes(primaries.map((a) => a.primary_code)) }),
      lang,
      section: 'modifiers',
      citations: primaries.map(rowCitation),
    });
  }
  const addOnCodes = addOns.filter((a) => a.primary_code === code);
  if (addOnCodes.length > 0) {
    lines.push({
      kind: 'warning',
      text: t(lang, 'glance.addOnsFor', {
        codes: namedCodes(addOnCodes.map((a) => a.add_on_code)),
      }),
      lang,
      section: 'modifiers',
      citations: addOnCodes.map(rowCitation),
    });
  }
  return lines;
}

function coverageLines({ coverage, lang }: GlanceFacts): GlanceLine[] {
  if (coverage.length === 0) return [];
  const policies = [...new Set(coverage.map((r) => r.policy_id))];
  const firstRows = policies.map((p) => coverage.find((r) => r.policy_id === p)!);
  return [
    {
      kind: 'warning',
      text: t(lang, 'glance.coverage', { count: policies.length, policies: namedCodes(policies) }),
      lang,
      section: 'medical-necessity',
      citations: firstRows.map(rowCitation),
    },
  ];
}

function modifierLines({ edits, bypass, lang }: GlanceFacts): GlanceLine[] {
  const bypassable = edits.filter((e) => e.modifier_indicator === BYPASS_INDICATOR);
  const fixed = edits.filter((e) => e.modifier_indicator === 0);
  if (bypassable.length + fixed.length === 0) return [];
  return [
    {
      kind: 'modifiers',
      text: [
        bypassable.length > 0
          ? t(lang, 'glance.bypass', { codes: bypass.join(', '), count: bypassable.length })
          : '',
        fixed.length > 0 ? t(lang, 'glance.noBypass', { count: fixed.length }) : '',
      ]
        .filter(Boolean)
        .join(' '),
      lang,
      section: 'modifiers',
      citations: [...bypassable, ...fixed].map(rowCitation),
    },
  ];
}

function namedCodes(codes: readonly string[]): string {
  const unique = [...new Set(codes)];
  const named = unique.slice(0, NAMED_CODES).join(', ');
  return unique.length > NAMED_CODES ? `${named}, …` : named;
}

/**
 * The release dates of the data the card rests on: each cited document's source name and
 * effective date, tables first, cited to a place the card cites in it.
 */
export function releaseLine(
  citations: readonly Citation[],
  docs: readonly CitedDocument[],
  lang: LocaleCode,
): GlanceLine | null {
  const firstCitation = new Map<number, Citation>();
  for (const c of citations)
    if (!firstCitation.has(c.documentId)) firstCitation.set(c.documentId, c);
  const dated = docs
    .filter((d) => d.effective_from && firstCitation.has(d.id))
    .sort((a, b) => Number(isProse(a)) - Number(isProse(b)) || a.id - b.id);
  if (dated.length === 0) return null;
  const named = dated.slice(0, NAMED_RELEASES);
  return {
    kind: 'releases',
    text: t(lang, 'glance.releases', {
      release:
        named.map((d) => releaseName(d, lang)).join('; ') +
        (dated.length > named.length ? '; …' : ''),
    }),
    lang,
    citations: named.map((d) => firstCitation.get(d.id)!),
  };
}

/** A document's source name and effective date (once, when its release is already the date). */
function releaseName(doc: CitedDocument, lang: LocaleCode): string {
  const name = sourceName(doc, lang);
  return doc.effective_from && !name.includes(doc.effective_from)
    ? `${name} (${doc.effective_from})`
    : name;
}

const proseKinds = new Set<string>(documentKinds);
const isProse = (doc: CitedDocument) => proseKinds.has(doc.kind);
