import { detectCodeMentions, type RangeExpander } from '../codes/code-mentions.ts';
import type { PassageRow } from './card-facts.repository.ts';
import { passageCitation } from './card-citations.ts';
import type { CardItem, SectionId } from './card-types.ts';
import { extractRelations, type Relation } from './relation-extraction.ts';
import { classifySentence } from './section-classifier.ts';
import { splitSentences } from './sentence-splitter.ts';

export type ProseItems = Map<SectionId, CardItem[]>;

/**
 * Prose about the code, sentence by sentence: relations stated in the text ("do not report X
 * with Y", "X includes Y", "once per day", "also called") go to their sections; other sentences
 * go where the section classifier puts them. A sentence that names other codes but not this one
 * is left out: it is about something else.
 */
export function proseItems(
  code: string,
  passages: PassageRow[],
  expandRange?: RangeExpander,
): ProseItems {
  const sections: ProseItems = new Map();
  const seen = new Set<string>();
  // One sentence is shown once per section, however many relations it states.
  const add = (id: SectionId, item: CardItem) => {
    const key = `${id}|${item.citations[0]?.documentId}|${item.citations[0]?.locator}`;
    if (seen.has(key)) return;
    seen.add(key);
    sections.set(id, [...(sections.get(id) ?? []), item]);
  };
  for (const passage of passages) {
    for (const sentence of splitSentences(passage.text)) {
      const mentioned = detectCodeMentions(sentence.text, expandRange).map((m) => m.code);
      if (mentioned.length > 0 && !mentioned.includes(code)) continue;
      const base: CardItem = {
        text: sentence.text.trim(),
        lang: passage.language,
        citations: [passageCitation(passage, sentence.start, sentence.end)],
      };
      const placed = placeRelations(code, extractRelations(sentence.text, expandRange), base, add);
      if (placed) continue;
      const { label } = classifySentence(sentence.text);
      if (label !== 'other') add(label, base);
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
