import { searchCodes } from '../../codes/code-search.ts';
import { t } from '../../i18n/translate.ts';
import type { Answer } from '../ask-types.ts';
import { searchPassages } from '../passage-search.repository.ts';
import { questionTerms } from '../question-terms.ts';
import type { AnswerInput } from './answer-input.ts';

/**
 * The refusal: the library does not cover the question. It names the nearest codes and
 * documents the library does have, so the reader knows where to look or what to add.
 */
export async function answerNotFound(input: AnswerInput): Promise<Answer> {
  const terms = questionTerms(input.question.text);
  const words = terms.words.join(' ');
  const nearCodes =
    words === ''
      ? []
      : (await searchCodes(input.ctx, words, { dos: input.dos, limit: 5 })).map((h) => h.code);
  const hits = await searchPassages(input.ctx, terms, {
    dos: input.dos,
    setting: input.setting,
    codes: [],
  });
  const documents = new Map<number, { documentId: number; title: string }>();
  for (const hit of hits) {
    if (documents.size >= 3) break;
    documents.set(hit.document_id, { documentId: hit.document_id, title: hit.title });
  }
  const lines = [t(input.lang, 'ask.notFound')];
  if (nearCodes.length > 0)
    lines.push(t(input.lang, 'ask.nearest', { codes: nearCodes.join(', ') }));
  return {
    kind: 'not-found',
    text: lines.join('\n'),
    codes: [...input.procedures, ...input.question.diagnoses],
    citations: [],
    confidence: 0,
    nearest: { codes: nearCodes, documents: [...documents.values()] },
  };
}
