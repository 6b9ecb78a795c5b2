import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CodeMention } from '../code-mentions.ts';
import type { LocaleCode } from '../../domain/locale.ts';
import type { PassageDraft } from '../import-kind.ts';
import { insertCodeMentions, insertPassages } from './passage.repository.ts';

/** Postgres text-search configurations for the locales that have one; `simple` otherwise. */
const searchConfigs: Partial<Record<LocaleCode, string>> = {
  en: 'english',
  es: 'spanish',
  fr: 'french',
  de: 'german',
  ru: 'russian',
};

export function textSearchConfig(language: LocaleCode): string {
  return searchConfigs[language] ?? 'simple';
}

export interface PassageWithMentions {
  draft: PassageDraft;
  mentions: CodeMention[];
}

const BATCH = 500;

/**
 * Writes passages of a document (ids returned for the mentions) and their code mentions; a
 * document written in parts passes the ordinal of its first passage here.
 */
export async function writePassages(
  trx: Transaction<Database>,
  engine: 'pglite' | 'postgres',
  orgId: string,
  documentId: number,
  language: LocaleCode,
  passages: readonly PassageWithMentions[],
  firstOrdinal = 1,
): Promise<number> {
  let mentionCount = 0;
  for (let start = 0; start < passages.length; start += BATCH) {
    const batch = passages.slice(start, start + BATCH);
    const ids = await insertPassages(
      trx,
      batch.map(({ draft }, i) => ({
        org_id: orgId,
        document_id: documentId,
        ordinal: firstOrdinal + start + i,
        text: draft.text,
        page: draft.page,
        heading_path: JSON.stringify(draft.headingPath),
        start_offset: draft.startOffset,
        end_offset: draft.endOffset,
        language,
        text_search_config: textSearchConfig(language),
      })),
    );
    const mentionRows = batch.flatMap(({ mentions }, i) =>
      mentions.map((m) => [orgId, documentId, ids[i]!, m.system, m.code, m.start, m.end, m.via]),
    );
    mentionCount += mentionRows.length;
    await insertCodeMentions(trx, engine, mentionRows);
  }
  return mentionCount;
}
