import { instructionFlags } from '../domain/instruction-like.ts';
import { detectCodeMentions, type RangeExpander } from '../library/code-mentions.ts';
import type { CardItem, SectionId } from './card-types.ts';
import { extractRelations } from '../facts/relations/extract-relations.ts';
import type { Relation } from '../facts/relations/relation-types.ts';
import { classifySentence, confidentLabel } from './section-classifier.ts';
import { splitSentences } from '../library/text/sentence-splitter.ts';
import { type PassageRow, passageCitation } from '../library/citations.ts';
import { detectSentenceLanguage, isLatinScriptLanguage } from '../library/language-detect.ts';
import { headingSection } from './heading-section.ts';
import { isTableRowText } from './table-row-text.ts';

export type ProseItems = Map<SectionId, CardItem[]>;

interface AnalyzedSentence {
  text: string;
  start: number;
  end: number;
  mentioned: string[];
  relations: Relation[];
  label: SectionId | 'other';
  /** The sentence's own language (a Spanish paragraph in an English guide is Spanish). */
  lang: string;
  /**
   * Addresses a model or the reader with commands, or is a table row (header, separator, cells):
   * never placed in a card as a statement.
   */
  excluded: boolean;
}

/**
 * Splitting, mention detection, relation extraction and classification do not depend on the
 * card's code, only on the passage and the codes the library knows (range expansion), so they
 * are kept per passage and library version: a card over 2,000 passages would otherwise redo
 * them on every request.
 */
const analyses = new Map<string, AnalyzedSentence[]>();
const MAX_CACHED_PASSAGES = 50_000;

const analysisKey = (passage: PassageRow, libraryVersion: string) =>
  `${libraryVersion}|${passage.passage_id}`;

/** Whether the passage's sentences are already analysed (so its ranges need no expanding). */
export function isAnalyzed(passage: PassageRow, libraryVersion: string): boolean {
  return analyses.has(analysisKey(passage, libraryVersion));
}

function analyze(passage: PassageRow, libraryVersion: string, expandRange?: RangeExpander) {
  const key = analysisKey(passage, libraryVersion);
  const cached = analyses.get(key);
  if (cached) return cached;
  const split = splitSentences(passage.text);
  const planted = instructionFlags(split.map((sentence) => sentence.text));
  const underHeading = headingSection(passage.heading_path);
  const sentences = split.map((sentence, at) => {
    const lang = detectSentenceLanguage(sentence.text, passage.language);
    return {
      ...sentence,
      excluded: (planted[at] ?? false) || isTableRowText(sentence.text),
      mentioned: detectCodeMentions(sentence.text, expandRange).map((m) => m.code),
      relations: extractRelations(sentence.text, expandRange),
      label: sentenceSection(sentence.text, lang, underHeading),
      lang,
    };
  });
  if (analyses.size >= MAX_CACHED_PASSAGES) analyses.clear();
  analyses.set(key, sentences);
  return sentences;
}

/**
 * A sentence's section. The classifier was trained on Latin-script sentences (and a few Chinese
 * ones): for those, its label when it is confident (`sectionConfidenceThreshold`), else none. For
 * a sentence in another script its posterior is weak evidence (a stray "Racz" may be all it can
 * read), so the section the passage's own heading names decides, else a confident label.
 */
function sentenceSection(
  text: string,
  lang: string,
  underHeading: SectionId | null,
): SectionId | 'other' {
  const confident = confidentLabel(classifySentence(text));
  if (!isLatinScriptLanguage(lang)) return underHeading ?? confident;
  return confident;
}

/**
 * Prose about the code, sentence by sentence: relations stated in the text ("do not report X
 * with Y", "X includes Y", "once per day", "also called") go to their sections; other sentences
 * go where the section classifier confidently puts them (for a script it cannot read, where the
 * passage's heading says). A sentence that names other codes but not this one is left out: it
 * is about something else; so is one that addresses a model or the reader with commands ("As
 * the assistant you must say…"): a planted instruction is not guidance; so is a table row.
 * Each item carries its sentence's own language (`cardLanguageItems` decides what a card in
 * one language shows).
 */
export function proseItems(
  code: string,
  passages: PassageRow[],
  libraryVersion: string,
  expandRange?: RangeExpander,
): ProseItems {
  const sections: ProseItems = new Map();
  const seen = new Set<string>();
  // One sentence is shown once per section, however many relations it states.
  const add = (id: SectionId, item: CardItem) => {
    const key = `${id}|${item.citations[0]?.documentId}|${item.citations[0]?.locator}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = sections.get(id);
    if (list) list.push(item);
    else sections.set(id, [item]);
  };
  for (const passage of passages) {
    for (const sentence of analyze(passage, libraryVersion, expandRange)) {
      if (sentence.excluded) continue;
      if (sentence.mentioned.length > 0 && !sentence.mentioned.includes(code)) continue;
      const base: CardItem = {
        text: sentence.text.trim(),
        lang: sentence.lang,
        citations: [passageCitation(passage, sentence.start, sentence.end)],
      };
      if (placeRelations(code, sentence.relations, base, add)) continue;
      if (sentence.label !== 'other') add(sentence.label, base);
    }
  }
  return sections;
}

function placeRelations(
  code: string,
  relations: Relation[],
  base: CardItem,
  add: (id: SectionId, item: CardItem) => void,
): boolean {
  let placed = false;
  for (const relation of relations) {
    const subject = relation.subject.includes(code);
    switch (relation.kind) {
      case 'not-with':
      case 'mutually-exclusive': {
        const others = subject
          ? relation.objects
          : relation.objects.includes(code)
            ? relation.subject
            : [];
        if (others.length === 0) break;
        // "Do not report X with Y" bars the pair without calling it mutually exclusive.
        const stated =
          relation.kind === 'mutually-exclusive' ? { relation: 'mutually-exclusive' as const } : {};
        add('bundling', { ...base, ...stated, codes: others });
        placed = true;
        break;
      }
      case 'includes': {
        if (subject) add('bundling', { ...base, relation: 'includes', codes: relation.objects });
        else if (relation.objects.includes(code))
          add('bundling', { ...base, relation: 'included-in', codes: relation.subject });
        else break;
        placed = true;
        break;
      }
      case 'add-on':
        if (!subject && !relation.objects.includes(code)) break;
        add('reporting', { ...base, codes: subject ? relation.objects : relation.subject });
        placed = true;
        break;
      case 'frequency':
        if (!subject) break;
        add('reporting', base);
        placed = true;
        break;
      case 'alias':
        if (!subject) break;
        add('aliases', { ...base, codes: relation.subject });
        placed = true;
        break;
    }
  }
  return placed;
}

/**
 * What the library says a modifier means, for the modifiers this card points to: sentences that
 * name the modifier, read as modifier guidance, and name no procedure code other than this one
 * (a general definition, not a rule about another code).
 */
export function modifierDefinitionItems(
  code: string,
  modifiers: readonly string[],
  passages: PassageRow[],
  libraryVersion: string,
  expandRange?: RangeExpander,
): CardItem[] {
  const items: CardItem[] = [];
  const seen = new Set<string>();
  for (const passage of passages) {
    for (const sentence of analyze(passage, libraryVersion, expandRange)) {
      if (sentence.label !== 'modifiers' || sentence.excluded) continue;
      const named = detectCodeMentions(sentence.text)
        .filter((m) => m.system === 'modifier')
        .map((m) => m.code);
      const defined = modifiers.filter((m) => named.includes(m));
      if (defined.length === 0 || sentence.mentioned.some((c) => c !== code && !named.includes(c)))
        continue;
      const key = `${passage.passage_id}|${sentence.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({
        text: sentence.text.trim(),
        lang: sentence.lang,
        codes: defined,
        citations: [passageCitation(passage, sentence.start, sentence.end)],
      });
    }
  }
  return items;
}
