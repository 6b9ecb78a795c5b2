import { composeCard } from '../../cards/compose-card.ts';
import type { Card, SectionId } from '../../cards/card-types.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { t } from '../../i18n/translate.ts';
import type { Answer } from '../ask-types.ts';
import type { AnswerInput } from './answer-input.ts';
import type { Citation } from '../../domain/citation.ts';

const MAX_CARDS = 4;

/** The cards of the codes the library knows; null when it knows none of them. */
export async function cardsFor(input: AnswerInput, codes: readonly string[]): Promise<Card[]> {
  const cards: Card[] = [];
  for (const code of codes.slice(0, MAX_CARDS)) {
    try {
      const request = { code, dos: input.dos, setting: input.setting, lang: input.lang };
      cards.push(
        await (input.cards
          ? input.cards.card(input.ctx, request)
          : composeCard(input.ctx, request)),
      );
    } catch (error) {
      if (!(error instanceof CodecardError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return cards;
}

/** A code lookup answers with the code cards: descriptor first, every section cited. */
export async function answerCard(
  input: AnswerInput,
  codes: readonly string[],
): Promise<Answer | null> {
  const cards = await cardsFor(input, codes);
  if (cards.length === 0) return null;
  const lines = [
    t(input.lang, 'ask.card', { count: cards.length, codes: cards.map((c) => c.code).join(', ') }),
  ];
  const citations: Citation[] = [];
  for (const card of cards) {
    const descriptor = card.sections.find((s) => s.id === 'descriptor')?.items[0];
    lines.push(descriptor ? `${card.code}: ${descriptor.text}` : card.title);
    citations.push(...(descriptor?.citations ?? []));
  }
  return {
    kind: 'card',
    text: lines.join('\n'),
    codes: cards.map((c) => c.code),
    citations,
    confidence: 1,
    cards,
  };
}

/**
 * One section of the cards (documentation, modifiers) as the answer, its items cited; items
 * naming one of `prefer` (e.g. the modifier asked about) come first.
 */
export async function answerSection(
  input: AnswerInput,
  section: SectionId,
  kind: 'documentation' | 'modifier',
  prefer: readonly string[] = [],
): Promise<Answer> {
  const cards = await cardsFor(input, input.procedures);
  const lines: string[] = [];
  const citations: Citation[] = [];
  const intro = kind === 'documentation' ? 'ask.documentation' : 'ask.modifier';
  const none = kind === 'documentation' ? 'ask.documentationNone' : 'ask.modifierNone';
  for (const card of cards) {
    const items = [...(card.sections.find((s) => s.id === section)?.items ?? [])];
    const named = (text: string) => prefer.some((m) => new RegExp(`\\b${m}\\b`).test(text));
    items.sort((a, b) => Number(named(b.text)) - Number(named(a.text)));
    if (items.length === 0) {
      lines.push(t(input.lang, none, { code: card.code }));
      continue;
    }
    lines.push(t(input.lang, intro, { code: card.code }));
    for (const item of items.slice(0, 8)) {
      lines.push(`- ${item.text}`);
      citations.push(...item.citations);
    }
  }
  if (cards.length === 0)
    for (const code of input.procedures) lines.push(t(input.lang, none, { code }));
  return {
    kind,
    text: lines.join('\n'),
    codes: cards.length > 0 ? cards.map((c) => c.code) : input.procedures,
    citations,
    confidence: citations.length > 0 ? 0.9 : 0.4,
  };
}
