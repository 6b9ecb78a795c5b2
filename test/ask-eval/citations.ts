import type { AnswerCitation } from '../../src/ask/ask-types.ts';
import type { Db } from '../../src/db/database.ts';

export interface CitationFailure {
  questionId: string;
  citation: AnswerCitation;
  problem: string;
}

/** Quotes and passages compare with runs of whitespace as one space (line wraps, tabs). */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Checks citations against the library itself: a quoted citation must point at a passage of its
 * document that contains the quote, and a table citation (no quote) at an existing document.
 * Passages are read once per document, with parameterized queries scoped to the org.
 */
export class CitationChecker {
  readonly failures: CitationFailure[] = [];
  checked = 0;
  private readonly passages = new Map<number, Promise<string[]>>();
  private readonly documents = new Map<number, Promise<boolean>>();

  constructor(
    private readonly db: Db,
    private readonly orgId: string,
  ) {}

  get valid(): number {
    return this.checked - this.failures.length;
  }

  async check(questionId: string, citations: readonly AnswerCitation[]): Promise<void> {
    for (const citation of citations) {
      this.checked += 1;
      const problem = await this.problemWith(citation);
      if (problem !== null) this.failures.push({ questionId, citation, problem });
    }
  }

  private async problemWith(citation: AnswerCitation): Promise<string | null> {
    if (!(await this.documentExists(citation.documentId))) {
      return `document ${citation.documentId} ("${citation.title}") is not in the library`;
    }
    if (citation.quote === undefined) return null;
    const quote = normalizeWhitespace(citation.quote);
    if (quote === '') return 'empty quote';
    const texts = await this.passageTexts(citation.documentId);
    return texts.some((text) => text.includes(quote))
      ? null
      : `no passage of document ${citation.documentId} ("${citation.title}") contains the quote "${quote}"`;
  }

  private documentExists(id: number): Promise<boolean> {
    let found = this.documents.get(id);
    if (!found) {
      found = this.db
        .selectFrom('documents')
        .select('id')
        .where('org_id', '=', this.orgId)
        .where('id', '=', id)
        .executeTakeFirst()
        .then((row) => row !== undefined);
      this.documents.set(id, found);
    }
    return found;
  }

  private passageTexts(documentId: number): Promise<string[]> {
    let texts = this.passages.get(documentId);
    if (!texts) {
      texts = this.db
        .selectFrom('passages')
        .select('text')
        .where('org_id', '=', this.orgId)
        .where('document_id', '=', documentId)
        .execute()
        .then((rows) => rows.map((row) => normalizeWhitespace(row.text)));
      this.passages.set(documentId, texts);
    }
    return texts;
  }
}
